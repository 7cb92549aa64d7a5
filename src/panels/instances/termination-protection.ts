// Termination protection around Terminate: which selected instances have it (asked before the
// user confirms), and a terminate that leaves those running instead of failing for all of them.

import { ec2Call, terminateInstances } from '../../cloud/ec2';
import { pool } from '../../cloud/pool';
import type { CurrentProfile } from '../current-profile';
import { asError } from '../errors';
import { readAttribute } from './load-instance-attributes';

const CHECKS_AT_ONCE = 4;

/** How a protected instance is named to the user: "i-0abc (web)". */
export function protectedLabel(id: string, name: string): string {
  return name ? `${id} (${name})` : id;
}

/** The ids whose termination protection is on; one that cannot be read counts as off. */
export async function checkProtection(
  current: CurrentProfile,
  ids: readonly string[],
): Promise<string[]> {
  const on = await pool(ids, CHECKS_AT_ONCE, async (id) => {
    const reading = await readAttribute(current, id, 'disableApiTermination');
    return reading.state === 'ok' && reading.value;
  });
  return ids.filter((_, i) => on[i]);
}

/** The instance ids a message names ("The instance 'i-0abc' may not be terminated…"). */
function namedIn(message: string, ids: readonly string[]): string[] {
  const words = new Set(message.split(/[^A-Za-z0-9-]+/));
  return ids.filter((id) => words.has(id));
}

/**
 * Terminates `ids` except the protected ones (`knownProtected`, and those found on the way). TerminateInstances is all or nothing: on
 * OperationNotPermitted the protected instances are found (named in the message, else asked one
 * by one) and the others sent again; any other refusal is thrown as it came.
 */
export async function terminateUnprotected(
  current: CurrentProfile,
  ids: readonly string[],
  knownProtected: readonly string[],
): Promise<{ terminated: string[]; blocked: string[] }> {
  const blocked = [...knownProtected];
  let todo = ids.filter((id) => !blocked.includes(id));
  while (todo.length > 0) {
    try {
      await ec2Call(terminateInstances, current.profile, current.signer, { instanceIds: todo });
      return { terminated: todo, blocked };
    } catch (e) {
      const error = asError(e);
      if (error.code !== 'OperationNotPermitted') throw e;
      let found = namedIn(error.message, todo);
      if (found.length === 0) found = await checkProtection(current, todo);
      if (found.length === 0) throw e;
      blocked.push(...found);
      todo = todo.filter((id) => !found.includes(id));
    }
  }
  return { terminated: [], blocked };
}
