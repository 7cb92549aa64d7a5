// The one declaration of every message a page can send to the background.
// The background's handler object `satisfies Handlers`; pages use `call()` from ./call.ts.
import type { CloudErrorData } from '../cloud/errors';

export interface Messages {
  /** Round-trip check; `calls` is kept in storage.session, so it survives a stopped worker. */
  ping: {
    args: { echo: string };
    result: { echo: string; worker: string; calls: number };
  };
  /** Opens (or focuses) the full panel in a browser tab. */
  openPanel: {
    args: Record<string, never>;
    result: { tabId: number | null };
  };
}

export type MessageName = keyof Messages;
export type MessageArgs<K extends MessageName> = Messages[K]['args'];
export type MessageResult<K extends MessageName> = Messages[K]['result'];

export type Handlers = {
  [K in MessageName]: (args: MessageArgs<K>) => Promise<MessageResult<K>>;
};

/** What travels over runtime.sendMessage; the marker keeps foreign messages out. */
export interface Envelope<K extends MessageName = MessageName> {
  cirrus: 1;
  name: K;
  args: MessageArgs<K>;
}

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: CloudErrorData };

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.cirrus === 1 && typeof m.name === 'string' && typeof m.args === 'object';
}
