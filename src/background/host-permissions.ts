// Optional host permissions follow the profiles: once no profile talks to an origin, Cirrus gives
// its permission back, so a deleted or re-pointed profile leaves no standing access to that host.
import { isAwsHost, originsFor } from '../cloud/endpoints';
import type { Profile } from '../cloud/profile';
import browser from '../shared/browser';

/**
 * Origins (match patterns) that `before` used and `after` no longer does. AWS hosts are left
 * out: the manifest grants them at install and they cannot be removed.
 */
export function unusedOrigins(before: readonly Profile[], after: readonly Profile[]): string[] {
  const still = new Set(after.flatMap(originsFor));
  const gone = new Set(before.flatMap(originsFor).filter((origin) => !still.has(origin)));
  return [...gone].filter((origin) => !isAwsHost(new URL(origin.replace('/*', '/')).hostname));
}

/** Removes what `unusedOrigins` finds; a refusal (a required or never-granted origin) is fine. */
export async function releaseUnusedOrigins(
  before: readonly Profile[],
  after: readonly Profile[],
): Promise<string[]> {
  const origins = unusedOrigins(before, after);
  if (origins.length === 0) return [];
  try {
    await browser.permissions.remove({ origins });
  } catch {
    // e.g. the loopback origin the `npm start` build grants at install; nothing to give back.
  }
  return origins;
}
