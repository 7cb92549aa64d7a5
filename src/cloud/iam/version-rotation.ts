// IAM keeps at most five versions of a managed policy. Saving a sixth means deleting one first:
// the oldest that is not the default (the default is in use and cannot be deleted).

import type { PolicyVersion } from './types';

export const MAX_POLICY_VERSIONS = 5;

/** The version to delete before creating a new one, or null when there is room. */
export function versionToDelete(versions: readonly PolicyVersion[]): PolicyVersion | null {
  if (versions.length < MAX_POLICY_VERSIONS) return null;
  const candidates = versions.filter((v) => !v.isDefaultVersion);
  let oldest: PolicyVersion | null = null;
  for (const v of candidates) {
    if (!oldest || isOlder(v, oldest)) oldest = v;
  }
  return oldest;
}

/** By creation date; versions made within the same instant go by number (v2 before v10). */
function isOlder(a: PolicyVersion, b: PolicyVersion): boolean {
  const ta = Date.parse(a.createDate);
  const tb = Date.parse(b.createDate);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta < tb;
  return versionNumber(a) < versionNumber(b);
}

function versionNumber(v: PolicyVersion): number {
  const n = Number.parseInt(v.versionId.replace(/^v/i, ''), 10);
  return Number.isNaN(n) ? Number.MAX_SAFE_INTEGER : n;
}
