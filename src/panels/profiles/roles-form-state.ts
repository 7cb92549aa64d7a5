// The profile form's MFA device and role list, kept as typed (every field a string) so an error
// never loses input; converted to the profile's `mfaSerial` and `roles` on save.

import type { Profile } from '../../cloud/profile';
import { isRoleColor, type RoleColor, type RoleEntry } from '../../cloud/sts/role-checks';

export interface RoleRow {
  arn: string;
  externalId: string;
  sessionName: string;
  label: string;
  /** '' for no colour. */
  color: RoleColor | '';
}

export interface RolesForm {
  mfaSerial: string;
  roles: RoleRow[];
}

export function emptyRoleRow(): RoleRow {
  return { arn: '', externalId: '', sessionName: '', label: '', color: '' };
}

export function rolesFormFrom(profile: Profile): RolesForm {
  if (profile.kind === 's3') return { mfaSerial: '', roles: [] };
  return {
    mfaSerial: profile.mfaSerial ?? '',
    roles: (profile.roles ?? []).map((role) => ({
      arn: role.arn,
      externalId: role.externalId ?? '',
      sessionName: role.sessionName ?? '',
      label: role.label ?? '',
      color: isRoleColor(role.color) ? role.color : '',
    })),
  };
}

/** The profile's fields; empty optional fields are left out, and so is a wholly empty row. */
export function rolesFromForm(form: RolesForm): { mfaSerial?: string; roles?: RoleEntry[] } {
  const roles = form.roles
    .map((row) => ({
      arn: row.arn.trim(),
      externalId: row.externalId.trim(),
      sessionName: row.sessionName.trim(),
      label: row.label.trim(),
      color: row.color,
    }))
    .filter((row) => Object.values(row).some((v) => v !== ''))
    .map((row): RoleEntry => {
      const entry: RoleEntry = { arn: row.arn };
      if (row.externalId) entry.externalId = row.externalId;
      if (row.sessionName) entry.sessionName = row.sessionName;
      if (row.label) entry.label = row.label;
      if (row.color) entry.color = row.color;
      return entry;
    });
  const mfaSerial = form.mfaSerial.trim();
  return { ...(mfaSerial ? { mfaSerial } : {}), ...(roles.length ? { roles } : {}) };
}
