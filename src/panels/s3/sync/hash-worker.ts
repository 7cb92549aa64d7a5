// The folder compare's hashing thread: a page that hashes 10,000 files itself would freeze.
// One job at a time; progress after every slice so the page can show bytes done.

import { hashBlob } from './hash-blob';
import type { HashReply, HashRequest } from './hash-messages';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<HashRequest>) => void) | null;
  postMessage(message: HashReply): void;
};

scope.onmessage = (e) => {
  const { id, blob, plan } = e.data;
  hashBlob(blob, plan, { onBytes: (bytes) => scope.postMessage({ id, kind: 'bytes', bytes }) })
    .then((hashes) => scope.postMessage({ id, kind: 'done', hashes }))
    .catch((error: unknown) =>
      scope.postMessage({
        id,
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
};
