import { useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { isMfaCode } from '../../cloud/sts/role-checks';
import { t } from '../i18n';
import { Dialog } from './dialog';
import { Field, TextField } from './field';

export interface DurationChoice {
  seconds: number;
  label: string;
}

interface Props {
  title: string;
  intro: string;
  /** False for a role switch that needs no code (signed with the MFA session). */
  needCode: boolean;
  durations: DurationChoice[];
  defaultSeconds: number;
  busy: boolean;
  error: CloudErrorData | null;
  onSubmit: (code: string, seconds: number) => void;
  onClose: () => void;
}

/** Asks the MFA device's six digits and how long the session lasts. */
export function MfaCodeDialog(props: Props) {
  const [code, setCode] = useState('');
  const [seconds, setSeconds] = useState(props.defaultSeconds);
  const [tried, setTried] = useState(false);
  const codeError =
    props.needCode && tried && !isMfaCode(code.trim()) ? t('rlProblemMfaCode') : undefined;
  const submit = (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (props.needCode && !isMfaCode(code.trim())) return;
    props.onSubmit(code.trim(), seconds);
  };
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      error={props.error}
      actions={
        <>
          <button type="submit" form="mfa-code-form" class="primary" disabled={props.busy}>
            {t('rlContinue')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </>
      }
    >
      <form id="mfa-code-form" onSubmit={submit} noValidate>
        <p>{props.intro}</p>
        {props.needCode && (
          <TextField
            id="mfa-code"
            label={t('rlFieldMfaCode')}
            value={code}
            onValue={setCode}
            error={codeError}
            autoComplete="one-time-code"
          />
        )}
        <Field id="mfa-duration" label={t('rlFieldDuration')}>
          <select
            id="mfa-duration"
            value={String(seconds)}
            onChange={(e) => setSeconds(Number(e.currentTarget.value))}
          >
            {props.durations.map((choice) => (
              <option key={choice.seconds} value={String(choice.seconds)}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
      </form>
    </Dialog>
  );
}
