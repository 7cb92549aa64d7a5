import { useEffect, useState } from 'preact/hooks';
import { type ConnectionHint, hintFor } from '../../cloud/connection-test';
import type { CloudErrorData } from '../../cloud/errors';
import { type MessageKey, t } from '../i18n';
import { MfaOffer, STS_EXPIRED_CODES, StsSessionExpired } from './mfa-offer';
import { onSignedIn, requestSignIn, SIGN_IN_CODES } from './sign-in-events';

export const HINT_KEYS: Record<ConnectionHint, MessageKey> = {
  unreachable: 'hintUnreachable',
  'tls-or-unreachable': 'hintTlsOrUnreachable',
  'wrong-access-key': 'hintWrongAccessKey',
  'wrong-secret': 'hintWrongSecret',
  'wrong-path': 'hintWrongPath',
  'wrong-region': 'hintWrongRegion',
  'access-denied': 'hintAccessDenied',
  'signature-version': 'hintSignatureVersion',
  'clock-skew': 'hintClockSkew',
  throttled: 'hintThrottled',
  'server-error': 'hintServerError',
  timeout: 'hintTimeout',
  unknown: 'hintUnknown',
  'sign-in': 'loginHintSignIn',
};

// A refused password sign-in, said plainly (Eucalyptus does not say which part was wrong).
const SIGN_IN_REFUSALS: Record<string, MessageKey> = {
  LoginFailed: 'loginFailed',
  PasswordExpired: 'loginPasswordExpired',
  PasswordNotSendable: 'loginPasswordNotSendable',
};

// Errors about what the user asked for, where a plainer sentence helps more than the code.
const RESOURCE_HINTS: Array<[RegExp, MessageKey]> = [
  [/^InvalidAMIID\./, 'hintImageNotFound'],
  [/^InvalidKeyPair\.NotFound$/, 'hintKeyPairNotFound'],
  [/^InvalidGroup\.NotFound$/, 'hintGroupNotFound'],
  [/^InvalidInstanceID\./, 'hintInstanceNotFound'],
  [/^InvalidParameterValue$|^InvalidParameterCombination$|^MissingParameter$/, 'hintInvalidInput'],
  [/^InsufficientInstanceCapacity$|^InstanceLimitExceeded$/, 'hintCapacity'],
];

/**
 * A call that needs a (new) password session: said in plain words with a Sign in button, never
 * as a signature error; once signed in, the view that failed can try again.
 */
function SignInNeeded({ error, onRetry }: { error: CloudErrorData; onRetry?: () => void }) {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => onSignedIn(() => setSignedIn(true)), []);
  // The failure itself asks for the dialog, once per session state (see the session model).
  useEffect(() => requestSignIn(true), []);
  return (
    <p class="notice error sign-in-needed" role="alert">
      {t(error.code === 'SignInRequired' ? 'loginSignInRequired' : 'loginSessionExpired')}{' '}
      {signedIn && onRetry ? (
        <button type="button" class="primary" onClick={onRetry}>
          {t('loginRetry')}
        </button>
      ) : signedIn ? (
        t('loginSignedInRefresh')
      ) : (
        <button type="button" class="primary" onClick={() => requestSignIn()}>
          {t('loginSignIn')}
        </button>
      )}
    </p>
  );
}

/** A failed call: what the server said (code, message, request id) and what to do about it. */
export function ErrorMessage({
  error,
  url,
  onRetry,
}: {
  error: CloudErrorData;
  url?: string;
  /** Offered after a sign-in when the call failed for want of a session. */
  onRetry?: () => void;
}) {
  if (STS_EXPIRED_CODES.has(error.code)) return <StsSessionExpired error={error} />;
  if (SIGN_IN_CODES.has(error.code)) {
    return onRetry ? (
      <SignInNeeded error={error} onRetry={onRetry} />
    ) : (
      <SignInNeeded error={error} />
    );
  }
  const refusal = SIGN_IN_REFUSALS[error.code];
  if (refusal) {
    return (
      <p class="notice error" role="alert">
        {t(refusal)}
      </p>
    );
  }
  const resource = RESOURCE_HINTS.find(([pattern]) => pattern.test(error.code))?.[1];
  const general = hintFor(error, url);
  const hint =
    error.code === 'KeychainLocked'
      ? t('hintKeychainLocked')
      : resource
        ? t(resource)
        : general === 'unknown'
          ? null
          : t(HINT_KEYS[general]);
  return (
    <p class="notice error" role="alert">
      <strong>{error.code}</strong> {error.message}
      {error.requestId && <span class="mono"> {t('requestId', error.requestId)}</span>}
      {hint && (
        <>
          <br />
          {hint}
        </>
      )}
      <MfaOffer error={error} />
    </p>
  );
}
