import { ROLE_COLORS, type RoleProblem, roleProblems } from '../../cloud/sts/role-checks';
import { Field, TextField } from '../components/field';
import { roleColorKey } from '../components/role-colors';
import { type MessageKey, t } from '../i18n';
import { emptyRoleRow, type RoleRow, type RolesForm } from './roles-form-state';
import '../components/roles.css';

// An ARN reads the same in every language.
const ROLE_ARN_EXAMPLE = 'arn:aws:iam::123456789012:role/Name';

const ROLE_PROBLEM_KEYS: Record<RoleProblem, MessageKey> = {
  'invalid-role-arn': 'rlProblemRoleArn',
  'invalid-session-name': 'rlProblemSessionName',
  'invalid-external-id': 'rlProblemExternalId',
  'invalid-color': 'rlProblemColor',
  'too-long': 'problemTooLong',
};

interface Props {
  form: RolesForm;
  /** Set once Save found a problem: the rows then show theirs. */
  showProblems: boolean;
  mfaSerialError: string | undefined;
  onChange: (patch: Partial<RolesForm>) => void;
}

/** The profile form's MFA device and the roles the header can switch to. */
export function RolesFieldset({ form, showProblems, mfaSerialError, onChange }: Props) {
  const setRow = (index: number, patch: Partial<RoleRow>) =>
    onChange({ roles: form.roles.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  return (
    <fieldset class="roles-fieldset">
      <legend>{t('rlLegend')}</legend>
      <TextField
        id="profile-mfaSerial"
        label={t('rlFieldMfaSerial')}
        value={form.mfaSerial}
        onValue={(mfaSerial) => onChange({ mfaSerial })}
        error={mfaSerialError}
        hint={t('rlFieldMfaSerialHint')}
      />
      {form.roles.map((row, index) => {
        const problems = showProblems
          ? roleProblems({ ...row, color: row.color || undefined })
          : {};
        const error = (field: keyof typeof problems) => {
          const problem = problems[field];
          return problem ? t(ROLE_PROBLEM_KEYS[problem]) : undefined;
        };
        const id = (field: string) => `profile-role-${index}-${field}`;
        return (
          // Rows have no identity of their own; the index is what the inputs are bound to.
          <div class="role-row" key={index} data-role-row={index}>
            <TextField
              id={id('arn')}
              label={t('rlFieldRoleArn')}
              value={row.arn}
              onValue={(arn) => setRow(index, { arn })}
              error={error('arn')}
              placeholder={ROLE_ARN_EXAMPLE}
            />
            <TextField
              id={id('label')}
              label={t('rlFieldRoleLabel')}
              value={row.label}
              onValue={(label) => setRow(index, { label })}
              error={error('label')}
            />
            <Field id={id('color')} label={t('rlFieldRoleColor')} error={error('color')}>
              <select
                id={id('color')}
                value={row.color}
                onChange={(e) =>
                  setRow(index, { color: e.currentTarget.value as RoleRow['color'] })
                }
              >
                <option value="">{t('rlColorNone')}</option>
                {ROLE_COLORS.map((color) => (
                  <option key={color} value={color} class={`role-color-${color}`}>
                    {t(roleColorKey(color))}
                  </option>
                ))}
              </select>
            </Field>
            <TextField
              id={id('externalId')}
              label={t('rlFieldExternalId')}
              value={row.externalId}
              onValue={(externalId) => setRow(index, { externalId })}
              error={error('externalId')}
            />
            <TextField
              id={id('sessionName')}
              label={t('rlFieldSessionName')}
              value={row.sessionName}
              onValue={(sessionName) => setRow(index, { sessionName })}
              error={error('sessionName')}
              hint={t('rlFieldSessionNameHint')}
            />
            <button
              type="button"
              class="danger"
              onClick={() => onChange({ roles: form.roles.filter((_, i) => i !== index) })}
            >
              {t('rlRemoveRole')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange({ roles: [...form.roles, emptyRoleRow()] })}>
        {t('rlAddRole')}
      </button>
    </fieldset>
  );
}
