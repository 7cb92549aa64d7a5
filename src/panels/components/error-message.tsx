import { type ConnectionHint, hintFor } from '../../cloud/connection-test';
import type { CloudErrorData } from '../../cloud/errors';
import { type MessageKey, t } from '../i18n';
import { MfaOffer } from './mfa-offer';

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

/** A failed call: what the server said (code, message, request id) and what to do about it. */
export function ErrorMessage({ error, url }: { error: CloudErrorData; url?: string }) {
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
