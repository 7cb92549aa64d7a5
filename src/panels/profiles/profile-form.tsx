import { matchingPreset } from '../../cloud/cloud-presets';
import { usesPlainHttp } from '../../cloud/endpoints';
import { EUCALYPTUS_DEFAULTS } from '../../cloud/profile';
import type { FieldProblem, ProfileField } from '../../cloud/profile-validation';
import { Checkbox, Field, TextField } from '../components/field';
import { HttpWarning } from '../components/http-warning';
import { type MessageKey, t } from '../i18n';
import { CloudPresetButtons, presetPatch } from './cloud-preset-buttons';
import { type ProfileForm as FormState, profileFromForm } from './profile-form-state';
import { type ProfilesModel, requestHostPermission } from './profiles-model';
import { RolesFieldset } from './roles-fieldset';
import { SignInMethod } from './sign-in-fields';

const PROBLEM_KEYS: Record<FieldProblem, MessageKey> = {
  required: 'problemRequired',
  'too-long': 'problemTooLong',
  'no-spaces': 'problemNoSpaces',
  'invalid-host': 'problemInvalidHost',
  'invalid-port': 'problemInvalidPort',
  'invalid-path': 'problemInvalidPath',
  'invalid-url': 'problemInvalidUrl',
  'invalid-region': 'problemInvalidRegion',
  'invalid-api-version': 'problemInvalidApiVersion',
  'invalid-mfa-serial': 'rlProblemMfaSerial',
  'invalid-role': 'rlProblemRoles',
};

export function ProfileFormView({ model }: { model: ProfilesModel }) {
  const form = model.form.value;
  if (!form) return null;
  const problems = model.problems.value;
  const error = (field: ProfileField) => {
    const problem = problems[field];
    return problem ? t(PROBLEM_KEYS[problem]) : undefined;
  };
  const set = (patch: Partial<FormState>) => model.change(patch);
  const text = (
    field: keyof FormState & ProfileField,
    label: MessageKey,
    hint?: MessageKey,
    hintText?: string,
  ) => (
    <TextField
      id={`profile-${field}`}
      label={t(label)}
      value={String(form[field])}
      onValue={(value) => set({ [field]: value })}
      error={error(field)}
      hint={hint ? t(hint) : hintText}
    />
  );
  const isNew = form.id === '';
  const plainHttp = usesPlainHttp(profileFromForm(form));
  const password = form.kind === 'eucalyptus' && form.signIn === 'password';
  const preset =
    matchingPreset({
      port: Number(form.port),
      ec2Path: form.ec2Path.trim(),
      s3Path: form.s3Path.trim(),
      signatureVersion: Number(form.signatureVersion) as 2 | 4,
    }) ?? null;
  const servicePath = (field: 'cloudwatchPath' | 'euarePath' | 'tokensPath', label: MessageKey) =>
    text(field, label, undefined, t('loginPathDefault', EUCALYPTUS_DEFAULTS[field]));

  function submit(event: Event) {
    event.preventDefault();
    if (!model.validate()) {
      document.querySelector<HTMLElement>('.profile-form [aria-invalid="true"]')?.focus();
      return;
    }
    // permissions.request must be called in the click itself (Firefox refuses it later).
    void model.save(requestHostPermission(form as FormState));
  }

  const kindTitle: Record<FormState['kind'], MessageKey> = {
    aws: 'kindAws',
    eucalyptus: 'kindEucalyptus',
    s3: 'kindS3',
  };

  return (
    <form class="profile-form" onSubmit={submit} noValidate aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">
        {t(isNew ? 'profileFormAddTitle' : 'profileFormEditTitle', t(kindTitle[form.kind]))}
      </h2>
      {text('name', 'fieldName')}

      {form.kind === 'eucalyptus' && (
        <fieldset>
          <legend>{t('endpointLegend')}</legend>
          <CloudPresetButtons chosen={preset} onChoose={(id) => set(presetPatch(id))} />
          {text('host', 'fieldHost', 'fieldHostHint')}
          {text('port', 'fieldPort')}
          <Checkbox
            id="profile-https"
            label={t('fieldHttps')}
            checked={form.https}
            onChecked={(https) => set({ https })}
          />
          {plainHttp && <HttpWarning />}
          {text('ec2Path', 'fieldEc2Path')}
          <div class="presets">
            <button type="button" onClick={() => set({ ec2Path: EUCALYPTUS_DEFAULTS.ec2Path })}>
              {EUCALYPTUS_DEFAULTS.ec2Path}
            </button>
            <button
              type="button"
              onClick={() => set({ ec2Path: EUCALYPTUS_DEFAULTS.legacyEc2Path })}
            >
              {t('presetLegacy', EUCALYPTUS_DEFAULTS.legacyEc2Path)}
            </button>
          </div>
          {text('s3Path', 'fieldS3Path')}
          <div class="presets">
            <button type="button" onClick={() => set({ s3Path: EUCALYPTUS_DEFAULTS.s3Path })}>
              {EUCALYPTUS_DEFAULTS.s3Path}
            </button>
            <button type="button" onClick={() => set({ s3Path: EUCALYPTUS_DEFAULTS.legacyS3Path })}>
              {t('presetLegacy', EUCALYPTUS_DEFAULTS.legacyS3Path)}
            </button>
          </div>
          {text('s3Host', 'fieldS3Host', 'fieldS3HostHint')}
        </fieldset>
      )}
      {form.kind === 'eucalyptus' && (
        <fieldset>
          <legend>{t('loginServicesLegend')}</legend>
          {servicePath('cloudwatchPath', 'loginFieldCloudwatchPath')}
          {servicePath('euarePath', 'loginFieldEuarePath')}
          {servicePath('tokensPath', 'loginFieldTokensPath')}
        </fieldset>
      )}

      {form.kind === 's3' && (
        <fieldset>
          <legend>{t('endpointLegend')}</legend>
          {text('endpoint', 'fieldEndpoint', 'fieldEndpointHint')}
          <Checkbox
            id="profile-pathStyle"
            label={t('fieldPathStyle')}
            checked={form.pathStyle}
            onChecked={(pathStyle) => set({ pathStyle })}
          />
          {plainHttp && <HttpWarning />}
        </fieldset>
      )}

      {text('region', 'fieldRegion')}
      {form.kind !== 'aws' && (
        <Field id="profile-signatureVersion" label={t('fieldSignatureVersion')}>
          <select
            id="profile-signatureVersion"
            value={form.signatureVersion}
            onChange={(e) => set({ signatureVersion: e.currentTarget.value as '2' | '4' })}
          >
            <option value="4">{t('signatureV4')}</option>
            <option value="2">{t('signatureV2')}</option>
          </select>
        </Field>
      )}
      {form.kind === 'eucalyptus' && text('apiVersion', 'fieldApiVersion', 'fieldApiVersionHint')}

      <fieldset>
        <legend>{t('credentialsLegend')}</legend>
        {form.kind === 'eucalyptus' && <SignInMethod form={form} onChange={set} />}
        {password && (
          <>
            {text('account', 'loginFieldAccount')}
            {text('user', 'loginFieldUser')}
            <p class="field-hint">{t('loginPasswordNote')}</p>
          </>
        )}
        {!password && text('accessKeyId', 'fieldAccessKeyId')}
        {!password && (
          <TextField
            id="profile-secretAccessKey"
            type="password"
            label={t('fieldSecretKey')}
            value={form.secretAccessKey}
            onValue={(secretAccessKey) => set({ secretAccessKey })}
            error={error('secretAccessKey')}
            placeholder={isNew ? undefined : t('secretUnchanged')}
            autoComplete="new-password"
          />
        )}
        {form.kind === 'aws' && (
          <TextField
            id="profile-sessionToken"
            type="password"
            label={t('fieldSessionToken')}
            value={form.sessionToken}
            onValue={(sessionToken) => set({ sessionToken })}
            hint={t('fieldSessionTokenHint')}
            autoComplete="new-password"
          />
        )}
      </fieldset>

      {form.kind !== 's3' && (
        <RolesFieldset
          form={form}
          showProblems={problems.roles !== undefined}
          mfaSerialError={error('mfaSerial')}
          onChange={set}
        />
      )}

      <div class="form-actions">
        <button type="submit" class="primary" disabled={model.saving.value}>
          {t('save')}
        </button>
        <button type="button" onClick={() => model.cancel()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
