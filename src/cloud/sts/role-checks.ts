// Checks for what a profile says about its MFA device and its roles. They run in the form (to
// point at the field) and again in the background (the last gate before STS sees them).

/** Colours a role may carry in the header; names, never CSS, so a stored value cannot style the page. */
export const ROLE_COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const;
export type RoleColor = (typeof ROLE_COLORS)[number];

export interface RoleEntry {
  arn: string;
  externalId?: string;
  /** RoleSessionName; Cirrus picks one when absent. */
  sessionName?: string;
  label?: string;
  color?: RoleColor;
}

/** STS's limits (GetSessionToken: 15 min to 36 h; AssumeRole: 15 min to the role's maximum, 12 h at most). */
export const MFA_SECONDS = { min: 900, max: 129_600, default: 43_200 } as const;
export const ROLE_SECONDS = { min: 900, max: 43_200, default: 3_600 } as const;

// Any partition (aws, aws-cn, aws-us-gov, aws-iso…); an optional path before the role name.
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/** arn:aws:iam::123456789012:role/Name (or role/path/Name), in any partition. */
export function isRoleArn(value: string): boolean {
  return value.length <= 2048 && ROLE_ARN.test(value);
}

/** The role's name: the ARN's last segment. */
export function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** RoleSessionName: 2 to 64 of letters, digits and +=,.@_- */
export function isSessionName(value: string): boolean {
  return /^[\w+=,.@-]{2,64}$/.test(value);
}

/** SerialNumber: a hardware device's serial (GAHT12345678) or a virtual device's ARN. */
export function isMfaSerial(value: string): boolean {
  if (value.startsWith('arn:'))
    return /^arn:aws(-[a-z]+)*:iam::\d{12}:mfa\/[\w+=,.@/-]+$/.test(value);
  return /^[\w+=/:,.@-]{9,256}$/.test(value);
}

/** The six digits an authenticator app shows. */
export function isMfaCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}

/** ExternalId: 2 to 1224 of letters, digits and +=,.@:/_- */
export function isExternalId(value: string): boolean {
  return /^[\w+=,.@:/-]{2,1224}$/.test(value);
}

export function isRoleColor(value: unknown): value is RoleColor {
  return typeof value === 'string' && (ROLE_COLORS as readonly string[]).includes(value);
}

/** The stored shape (a backup file or an old store may hold anything). */
export function isRoleEntryShape(value: unknown): value is RoleEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.arn === 'string' &&
    ['externalId', 'sessionName', 'label', 'color'].every(
      (k) => r[k] === undefined || typeof r[k] === 'string',
    )
  );
}

export type RoleProblem =
  | 'invalid-role-arn'
  | 'invalid-session-name'
  | 'invalid-external-id'
  | 'invalid-color'
  | 'too-long';
export type RoleField = 'arn' | 'sessionName' | 'externalId' | 'color' | 'label';

/** The problem of each field of a role entry; empty when it is fine. */
export function roleProblems(role: RoleEntry): Partial<Record<RoleField, RoleProblem>> {
  const problems: Partial<Record<RoleField, RoleProblem>> = {};
  if (!isRoleArn(role.arn)) problems.arn = 'invalid-role-arn';
  if (role.sessionName !== undefined && role.sessionName !== '' && !isSessionName(role.sessionName))
    problems.sessionName = 'invalid-session-name';
  if (role.externalId !== undefined && role.externalId !== '' && !isExternalId(role.externalId))
    problems.externalId = 'invalid-external-id';
  if (role.color !== undefined && !isRoleColor(role.color)) problems.color = 'invalid-color';
  if (role.label !== undefined && role.label.length > 64) problems.label = 'too-long';
  return problems;
}

/** A whole number of seconds within STS's limits, else undefined. */
export function durationWithin(
  seconds: number,
  limits: { min: number; max: number },
): number | undefined {
  return Number.isInteger(seconds) && seconds >= limits.min && seconds <= limits.max
    ? seconds
    : undefined;
}
