import { t } from '../i18n';
import type { ProfileForm } from './profile-form-state';

/** Eucalyptus only: keys kept in the keychain, or a password asked at each sign-in. */
export function SignInMethod({
  form,
  onChange,
}: {
  form: ProfileForm;
  onChange: (patch: Partial<ProfileForm>) => void;
}) {
  const option = (value: ProfileForm['signIn'], label: string) => (
    <label class="radio">
      <input
        type="radio"
        name="profile-signIn"
        id={`profile-signIn-${value}`}
        value={value}
        checked={form.signIn === value}
        onChange={() => onChange({ signIn: value })}
      />{' '}
      {label}
    </label>
  );
  return (
    <fieldset class="field sign-in-method">
      <legend>{t('loginMethodLabel')}</legend>
      {option('keys', t('loginMethodKeys'))}
      {option('password', t('loginMethodPassword'))}
    </fieldset>
  );
}
