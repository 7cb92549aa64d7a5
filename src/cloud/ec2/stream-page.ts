// One page of a long list, read as the bytes arrive: the streaming scanner hands out each <item>
// and the page's items reach the caller in batches, so a 70 MB DescribeImages shows its first
// rows long before its last byte. Only the request is retried; once items flowed, a failure ends it.

import { CloudError } from '../errors';
import { type SendOptions, send } from '../http';
import { isRetryable, type RetryOptions, withRetry } from '../retry';
import type { Signer } from '../signer';
import { child, isElement, root, text } from '../xml';
import { XmlItemScanner } from '../xml-scan';
import type { Ec2ListOperation } from './operation';

// A page this big takes a while on a slow link; the deadline covers the body too.
const STREAM_TIMEOUT_MS = 300_000;
// The first rows go out at once; later ones in batches, so a page repaints a few times a second.
const FIRST_BATCH = 200;
const BATCH_MS = 150;

export interface StreamPageOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  retry?: RetryOptions;
}

export async function streamPage<I, T>(
  op: Ec2ListOperation<I, T>,
  request: Parameters<typeof send>[0],
  signer: Signer,
  opts: StreamPageOptions,
  onItems: (items: T[]) => void,
): Promise<{ nextToken: string }> {
  const sendOpts: SendOptions = { timeoutMs: opts.timeoutMs ?? STREAM_TIMEOUT_MS };
  if (opts.signal) sendOpts.signal = opts.signal;
  const response = await withRetry(
    () => send(request, signer, 'ec2', sendOpts),
    (error) => op.readOnly && isRetryable(error),
    { ...opts.retry, ...(opts.signal ? { signal: opts.signal } : {}) },
  );
  let batch: T[] = [];
  let sent = 0;
  let lastFlush = Date.now();
  const flush = () => {
    if (batch.length === 0) return;
    sent += batch.length;
    onItems(batch);
    batch = [];
    lastFlush = Date.now();
  };
  const body = response.body;
  if (!body) throw new CloudError({ code: 'EmptyResponse', message: 'The response had no body' });
  let doc: ReturnType<typeof root>;
  try {
    const scanner = new XmlItemScanner(['*', ...op.items.path], (item) => {
      if (!isElement(item)) return;
      for (const value of op.items.read(item)) batch.push(value);
      if ((sent === 0 && batch.length >= FIRST_BATCH) || Date.now() - lastFlush > BATCH_MS) flush();
    });
    // The browser's own streaming decoder: UTF-8 split across chunks is its problem, in C++.
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        scanner.write(value);
      }
    } catch (error) {
      // Malformed XML or a broken connection: stop downloading the rest.
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    doc = root(scanner.end());
  } catch (error) {
    if (error instanceof CloudError) throw error;
    const aborted = opts.signal?.aborted;
    throw new CloudError({
      code: aborted ? 'Aborted' : 'NetworkError',
      message: aborted
        ? 'The request was cancelled'
        : `The connection broke while the list was arriving: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  flush();
  return { nextToken: text(child(doc.value, 'nextToken')) };
}
