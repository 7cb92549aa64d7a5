import type { RoleColor } from '../../cloud/sts/role-checks';
import type { MessageKey } from '../i18n';

const KEYS: Record<RoleColor, MessageKey> = {
  red: 'rlColorRed',
  orange: 'rlColorOrange',
  yellow: 'rlColorYellow',
  green: 'rlColorGreen',
  blue: 'rlColorBlue',
  purple: 'rlColorPurple',
};

/** The name of a role colour in the user's language. */
export function roleColorKey(color: RoleColor): MessageKey {
  return KEYS[color];
}
