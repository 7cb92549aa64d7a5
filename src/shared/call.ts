import { CloudError } from '../cloud/errors';
import browser from './browser';
import type { Envelope, MessageArgs, MessageName, MessageResult, Reply } from './messages';

/** Sends one typed message to the background; a failure comes back as a thrown CloudError. */
export async function call<K extends MessageName>(
  name: K,
  args: MessageArgs<K>,
): Promise<MessageResult<K>> {
  const envelope: Envelope<K> = { cirrus: 1, name, args };
  const reply = (await browser.runtime.sendMessage(envelope)) as
    | Reply<MessageResult<K>>
    | undefined;
  if (!reply)
    throw new CloudError({ code: 'NoResponse', message: 'No response from the background' });
  if (!reply.ok) throw new CloudError(reply.error);
  return reply.value;
}
