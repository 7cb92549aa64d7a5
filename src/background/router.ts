import { toErrorData } from '../cloud/errors';
import {
  type Handlers,
  isEnvelope,
  type MessageName,
  NOT_ACTIVITY,
  type Reply,
} from '../shared/messages';

export interface Sender {
  id?: string;
  url?: string;
}

export interface Origin {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''): chrome-extension://ID/ or moz-extension://UUID/ */
  baseUrl: string;
}

/** Only the extension's own pages may talk to the background (not content scripts, not other extensions). */
export function isOwnPage(sender: Sender, origin: Origin): boolean {
  return (
    sender.id === origin.id &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(origin.baseUrl)
  );
}

/**
 * Builds the runtime.onMessage listener. Returning undefined means "not for me",
 * so the sender gets no reply at all from a foreign message. `onActivity` runs for a message
 * the page sent on a user gesture (the auto-lock's idle timer starts again).
 */
export function createRouter(handlers: Handlers, origin: Origin, onActivity?: () => void) {
  return (message: unknown, sender: Sender): Promise<Reply> | undefined => {
    if (!isEnvelope(message) || !isOwnPage(sender, origin)) return undefined;
    const name = message.name as MessageName;
    if (!Object.hasOwn(handlers, name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UnknownMessage', message: `Unknown message: ${name}` },
      });
    }
    if (message.activity === true && !NOT_ACTIVITY.has(name)) onActivity?.();
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return handler(message.args).then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({ ok: false, error: toErrorData(error) }),
    );
  };
}
