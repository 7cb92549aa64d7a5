// One file to one key: a presigned PUT below the threshold, else a multipart upload whose parts
// go in parallel to presigned URLs. XMLHttpRequest, because fetch reports no upload progress.
// The file is read part by part (File.slice), so a 10 GiB upload never sits in memory.

import { CloudError } from '../../cloud/errors';
import type { Profile } from '../../cloud/profile';
import {
  abortMultipartUpload,
  type CompletedPart,
  completeMultipartUpload,
  createMultipartUpload,
  planParts,
  presignedPut,
  presignUploadParts,
} from '../../cloud/s3';
import type { Signer } from '../../cloud/signer';

export const UPLOAD_THRESHOLD = 16 * 1024 * 1024;
export const PARALLEL_PARTS = 4;
const PART_ATTEMPTS = 4;
// Long enough for a slow link to finish a part; the URLs are made when the upload starts.
const URL_LIFETIME_S = 6 * 3600;

export interface UploadTarget {
  profile: Profile;
  signer: Signer;
  bucket: string;
  key: string;
}

export interface UploadOptions {
  onProgress: (sentBytes: number) => void;
  signal: AbortSignal;
  threshold?: number;
  parallel?: number;
  /** Waits before a part is sent again; tests make it short. */
  retryDelayMs?: (attempt: number) => number;
}

/** Sends bytes with XHR; resolves with the ETag the server gave. */
function put(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  signal: AbortSignal,
  onProgress: (loaded: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.getResponseHeader('etag') ?? '').replace(/"/g, ''));
      } else {
        const code = /<Code>([^<]*)<\/Code>/.exec(xhr.responseText)?.[1] ?? `HTTP${xhr.status}`;
        const message = /<Message>([^<]*)<\/Message>/.exec(xhr.responseText)?.[1] ?? xhr.statusText;
        reject(new CloudError({ code, message, status: xhr.status }));
      }
    };
    xhr.onerror = () =>
      reject(new CloudError({ code: 'NetworkError', message: 'The upload connection failed' }));
    xhr.onabort = () => reject(new CloudError({ code: 'Aborted', message: 'Upload cancelled' }));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    if (signal.aborted) xhr.abort();
    else xhr.send(body);
  });
}

const defaultDelay = (attempt: number) =>
  Math.min(8_000, 500 * 2 ** attempt) * (0.5 + Math.random());

export async function uploadFile(
  target: UploadTarget,
  file: Blob,
  opts: UploadOptions,
): Promise<void> {
  const { profile, signer, bucket, key } = target;
  const contentType = file.type || 'application/octet-stream';
  const plan = planParts(file.size, { threshold: opts.threshold ?? UPLOAD_THRESHOLD });
  if (!plan.multipart) {
    const { url, headers } = await presignedPut(profile, signer, bucket, key, URL_LIFETIME_S, {
      contentType,
    });
    await put(url, file, headers, opts.signal, opts.onProgress);
    opts.onProgress(file.size);
    return;
  }

  const uploadId = await createMultipartUpload(profile, signer, bucket, key, { contentType });
  // One failed part stops the others, so the abort below does not race parts still in flight.
  const stop = new AbortController();
  const signal = AbortSignal.any([opts.signal, stop.signal]);
  try {
    const numbers = plan.parts.map((p) => p.partNumber);
    const urls = await presignUploadParts(
      profile,
      signer,
      bucket,
      key,
      uploadId,
      numbers,
      URL_LIFETIME_S,
    );
    const sent = new Map<number, number>();
    const report = () => {
      let total = 0;
      for (const bytes of sent.values()) total += bytes;
      opts.onProgress(total);
    };
    const done: CompletedPart[] = [];
    const queue = [...plan.parts];
    const delay = opts.retryDelayMs ?? defaultDelay;
    const worker = async () => {
      for (let part = queue.shift(); part; part = queue.shift()) {
        const current = part;
        const url = urls[current.partNumber - 1] ?? '';
        for (let attempt = 1; ; attempt++) {
          try {
            const etag = await put(url, file.slice(current.start, current.end), {}, signal, (n) => {
              sent.set(current.partNumber, n);
              report();
            });
            sent.set(current.partNumber, current.size);
            report();
            done.push({ partNumber: current.partNumber, etag });
            break;
          } catch (error) {
            sent.set(current.partNumber, 0);
            report();
            const aborted = error instanceof CloudError && error.code === 'Aborted';
            if (aborted || attempt >= PART_ATTEMPTS) throw error;
            await new Promise((r) => setTimeout(r, delay(attempt)));
          }
        }
      }
    };
    await Promise.all(
      Array.from({ length: opts.parallel ?? PARALLEL_PARTS }, () =>
        worker().catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );
    done.sort((a, b) => a.partNumber - b.partNumber);
    await completeMultipartUpload(profile, signer, bucket, key, uploadId, done);
  } catch (error) {
    // Cancelled or failed: no parts are left behind to be billed.
    await abortMultipartUpload(profile, signer, bucket, key, uploadId).catch(() => undefined);
    throw error;
  }
}
