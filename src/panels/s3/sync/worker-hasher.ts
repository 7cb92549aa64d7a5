// Hashing in Web Workers for the page: a few workers (one per core, at most two: uploads and the
// page need the rest), each taking one file at a time. Cancelling ends the worker mid-file.

import type { ContentHashes, HashPlan } from '../../../cloud/s3';
import type { HashFile, HashReply, HashRequest } from './hash-messages';

interface Slot {
  worker: Worker | null;
  busy: boolean;
}

export function createWorkerHasher(
  size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
) {
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, busy: false }));
  const waiting: (() => void)[] = [];
  let nextId = 1;

  function spawn(): Worker {
    // Vite bundles the worker as its own file; an extension page may start workers from 'self'.
    return new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
  }

  async function take(): Promise<Slot> {
    for (;;) {
      const free = slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  function give(slot: Slot) {
    slot.busy = false;
    waiting.shift()?.();
  }

  const hash: HashFile = async (blob: Blob, plan: HashPlan, opts) => {
    const slot = await take();
    try {
      if (opts.signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      slot.worker ??= spawn();
      const worker = slot.worker;
      const id = nextId++;
      return await new Promise<ContentHashes>((resolve, reject) => {
        const stop = () => {
          // A worker cannot be told to drop a file mid-way: end it, the next job starts another.
          worker.terminate();
          slot.worker = null;
          reject(new DOMException('Cancelled', 'AbortError'));
        };
        opts.signal.addEventListener('abort', stop, { once: true });
        worker.onmessage = (e: MessageEvent<HashReply>) => {
          const reply = e.data;
          if (reply.id !== id) return;
          if (reply.kind === 'bytes') opts.onBytes(reply.bytes);
          else {
            opts.signal.removeEventListener('abort', stop);
            if (reply.kind === 'done') resolve(reply.hashes);
            else reject(new Error(reply.message));
          }
        };
        worker.onerror = (e) => {
          opts.signal.removeEventListener('abort', stop);
          worker.terminate();
          slot.worker = null;
          reject(new Error(e.message || 'The hashing worker failed'));
        };
        worker.postMessage({ id, blob, plan } satisfies HashRequest);
      });
    } finally {
      give(slot);
    }
  };

  return {
    hash,
    /** Ends every worker (the compare view closed). */
    dispose() {
      for (const slot of slots) {
        slot.worker?.terminate();
        slot.worker = null;
      }
    },
  };
}
