import type { CloudErrorData } from '../../cloud/errors';
import { roleNameOf } from '../../cloud/sts/role-checks';
import { type MessageKey, t } from '../i18n';

// The background's plain-word refusals of an MFA session or a role switch, in the user's language.
const KEYS: Record<string, MessageKey> = {
  MfaCodeInvalid: 'rlErrorMfaCode',
  MfaTokenExpired: 'rlErrorTokenExpired',
  MfaSessionRefused: 'rlErrorMfaRefused',
  RoleDurationTooLong: 'rlErrorRoleDuration',
  NoSuchRole: 'rlErrorNoSuchRole',
  NoMfaDevice: 'rlErrorNoMfaDevice',
  RoleSessionExpired: 'rlErrorRoleExpired',
  MfaSessionExpired: 'rlErrorMfaExpired',
};

/** The error as shown in the header or a dialog; unknown codes keep the server's words. */
export function stsError(error: CloudErrorData, roleArn?: string): CloudErrorData {
  const role = roleArn ? roleNameOf(roleArn) : '';
  if (error.code === 'RoleNotAllowed') {
    return { ...error, message: t('rlErrorRoleNotAllowed', role) };
  }
  const key = KEYS[error.code];
  return key ? { ...error, message: t(key, role) } : error;
}
