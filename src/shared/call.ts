import { CloudError } from '../cloud/errors';
import browser from './browser';
import type { Envelope, MessageArgs, MessageName, MessageResult, Reply } from './messages';

/** Sends one typed message to the background; a failure comes back as a thrown CloudError. */
export async function call<K extends MessageName>(
  name: K,
  args: MessageArgs<K>,
): Promise<MessageResult<K>> {
  const envelope: Envelope<K> = { cirrus: 1, name, args };
  if (hasUserActivation()) envelope.activity = true;
  const reply = (await browser.runtime.sendMessage(envelope)) as
    | Reply<MessageResult<K>>
    | undefined;
  if (!reply)
    throw new CloudError({ code: 'NoResponse', message: 'No response from the background' });
  if (!reply.ok) throw new CloudError(reply.error);
  return reply.value;
}

/**
 * True within a few seconds of a click or key press in this page (HTML's transient activation),
 * false for what a timer or a poll sends on its own.
 */
function hasUserActivation(): boolean {
  const nav = globalThis.navigator as { userActivation?: { isActive: boolean } } | undefined;
  return nav?.userActivation?.isActive === true;
}
