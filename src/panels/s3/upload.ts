// One file to one key: a presigned PUT below the threshold, else a multipart upload whose parts
// go in parallel to presigned URLs. XMLHttpRequest, because fetch reports no upload progress.
// The file is read part by part (File.slice), so a 10 GiB upload never sits in memory.

import { CloudError } from '../../cloud/errors';
import { type PoolStep, pool } from '../../cloud/pool';
import type { Profile } from '../../cloud/profile';
import type { WriteOptions } from '../../cloud/s3';
import {
  abortMultipartUpload,
  type CompletedPart,
  completeMultipartUpload,
  crc32Base64,
  createMultipartUpload,
  listParts,
  planParts,
  presignedPut,
  presignUploadPart,
  presignUploadParts,
} from '../../cloud/s3';
import type { Signer } from '../../cloud/signer';

/** The abort reason of "Resume later": the multipart upload and its parts stay on the server. */
export const RESUME_LATER = 'resume-later';
export const UPLOAD_THRESHOLD = 16 * 1024 * 1024;
export const PARALLEL_PARTS = 4;
const PART_ATTEMPTS = 4;
// Each part's XHR reports progress many times a second; the page needs far fewer updates, and
// every one re-renders the upload rows on a page that shares the CPU with the upload itself.
const PROGRESS_INTERVAL_MS = 150;
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
  /** Canned ACL, metadata, Cache-Control; Content-Type comes from the file unless given. */
  write?: WriteOptions;
  /** Continues this multipart upload: the parts the server already holds are not sent again. */
  resume?: { uploadId: string; partSize: number };
  /** A multipart upload began or resumed: what it takes to resume it later. */
  onMultipart?: (upload: MultipartState) => void;
  /** Another part finished. */
  onPartDone?: (partsDone: number) => void;
}

interface PreparedPart {
  url: string;
  headers: Record<string, string>;
  checksumCrc32?: string;
}

export interface MultipartState {
  uploadId: string;
  partSize: number;
  partsDone: number;
  partsTotal: number;
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

/** Waits `ms`, or less when `signal` aborts (the next attempt then stops at once). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
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
  const write: WriteOptions = {
    ...opts.write,
    contentType: opts.write?.contentType || file.type || 'application/octet-stream',
  };
  const plan = planParts(file.size, {
    threshold: opts.threshold ?? UPLOAD_THRESHOLD,
    ...(opts.resume ? { partSize: opts.resume.partSize, threshold: 0 } : {}),
  });
  if (!plan.multipart) {
    const { url, headers } = await presignedPut(
      profile,
      signer,
      bucket,
      key,
      URL_LIFETIME_S,
      write,
    );
    await put(url, file, headers, opts.signal, opts.onProgress);
    opts.onProgress(file.size);
    return;
  }

  // Parts carry CRC-32 checksums, as the AWS CLI sends them: the server checks each part's bytes
  // and joins the parts without rehashing the whole object. Eucalyptus predates checksums.
  const checksums = profile.kind !== 'eucalyptus';
  const readPart = async (part: { start: number; end: number }) =>
    new Uint8Array(await file.slice(part.start, part.end).arrayBuffer());
  const done: CompletedPart[] = [];
  let uploadId = '';
  if (opts.resume) {
    try {
      const held = await listParts(profile, signer, bucket, key, opts.resume.uploadId);
      uploadId = opts.resume.uploadId;
      // A part counts only when the server holds it whole, at the size this plan gives it.
      const sizes = new Map(plan.parts.map((p) => [p.partNumber, p.size]));
      for (const part of held) {
        if (sizes.get(part.partNumber) !== part.size) continue;
        const range = plan.parts[part.partNumber - 1];
        if (checksums && range) {
          // The complete request names each part's checksum: worked out again from the file.
          const checksumCrc32 = crc32Base64(await readPart(range));
          // A listed checksum that differs means the file changed: that part goes again.
          if (part.checksumCrc32 && part.checksumCrc32 !== checksumCrc32) continue;
          done.push({ partNumber: part.partNumber, etag: part.etag, checksumCrc32 });
        } else done.push({ partNumber: part.partNumber, etag: part.etag });
      }
    } catch (error) {
      // Aborted or expired meanwhile: the file goes up from the start.
      if (!(error instanceof CloudError && error.code === 'NoSuchUpload')) throw error;
    }
  }
  if (!uploadId) {
    uploadId = await createMultipartUpload(profile, signer, bucket, key, {
      ...write,
      ...(checksums ? { checksumAlgorithm: 'CRC32' as const } : {}),
    });
  }
  const finished = new Set(done.map((p) => p.partNumber));
  const todo = plan.parts.filter((p) => !finished.has(p.partNumber));
  opts.onMultipart?.({
    uploadId,
    partSize: plan.partSize,
    partsDone: done.length,
    partsTotal: plan.parts.length,
  });
  try {
    // Without checksums every URL is made at once; with them, each when its part has been read.
    const urls = checksums
      ? []
      : await presignUploadParts(
          profile,
          signer,
          bucket,
          key,
          uploadId,
          todo.map((p) => p.partNumber),
          URL_LIFETIME_S,
        );
    const urlOf = new Map(todo.map((p, i) => [p.partNumber, urls[i] ?? '']));
    const sent = new Map<number, number>();
    for (const part of plan.parts)
      if (finished.has(part.partNumber)) sent.set(part.partNumber, part.size);
    let reportedAt = Number.NEGATIVE_INFINITY;
    /** Tells the sent total: at once when `now`, else at most every PROGRESS_INTERVAL_MS. */
    const report = (now = false) => {
      const at = performance.now();
      if (!now && at - reportedAt < PROGRESS_INTERVAL_MS) return;
      reportedAt = at;
      let total = 0;
      for (const bytes of sent.values()) total += bytes;
      opts.onProgress(total);
    };
    report(true);
    const delay = opts.retryDelayMs ?? defaultDelay;
    // What a part needs before its PUT: its URL, and with checksums its CRC-32 signed into it.
    // A worker starts on the next part's while its own part is on the wire, so the reading and
    // hashing never leave a connection idle.
    const prepared = new Map<number, Promise<PreparedPart>>();
    const prepare = (part: { partNumber: number; start: number; end: number }) => {
      let ready = prepared.get(part.partNumber);
      if (!ready) {
        ready = (async (): Promise<PreparedPart> => {
          if (!checksums) return { url: urlOf.get(part.partNumber) ?? '', headers: {} };
          // Read once for the checksum (one part per worker at most, never the whole file).
          const checksumCrc32 = crc32Base64(await readPart(part));
          const signed = await presignUploadPart(
            profile,
            signer,
            bucket,
            key,
            uploadId,
            part.partNumber,
            URL_LIFETIME_S,
            { checksumCrc32 },
          );
          return { ...signed, checksumCrc32 };
        })();
        prepared.set(part.partNumber, ready);
      }
      return ready;
    };
    const sendPart = async (
      current: (typeof todo)[number],
      step: PoolStep<(typeof todo)[number]>,
    ) => {
      const { url, headers, checksumCrc32 } = await prepare(current);
      prepared.delete(current.partNumber);
      const next = step.upcoming();
      // Its failure is the business of the worker that takes that part.
      if (next) prepare(next).catch(() => undefined);
      // The file slice, not bytes read into the page: the browser streams a file-backed Blob
      // itself, while bytes from the page cross into the network process slowly (measured:
      // 5 s for 16 MiB with other parts in flight, against 0.3 s).
      const body = file.slice(current.start, current.end);
      for (let attempt = 1; ; attempt++) {
        try {
          const etag = await put(url, body, headers, step.signal, (n) => {
            sent.set(current.partNumber, n);
            report();
          });
          sent.set(current.partNumber, current.size);
          report(true);
          done.push({
            partNumber: current.partNumber,
            etag,
            ...(checksumCrc32 ? { checksumCrc32 } : {}),
          });
          opts.onPartDone?.(done.length);
          return;
        } catch (error) {
          sent.set(current.partNumber, 0);
          report(true);
          const aborted = error instanceof CloudError && error.code === 'Aborted';
          if (aborted || attempt >= PART_ATTEMPTS) throw error;
          await pause(delay(attempt), step.signal);
        }
      }
    };
    // One failed part stops the others, and the pool returns only once none is in flight, so
    // the abort below does not race parts still being sent.
    await pool(todo, opts.parallel ?? PARALLEL_PARTS, sendPart, { signal: opts.signal });
    done.sort((a, b) => a.partNumber - b.partNumber);
    await completeMultipartUpload(profile, signer, bucket, key, uploadId, done);
  } catch (error) {
    if (opts.signal.reason === RESUME_LATER) {
      throw new CloudError({ code: 'Paused', message: 'Kept on the server to resume later' });
    }
    // Cancelled or failed: no parts are left behind to be billed.
    await abortMultipartUpload(profile, signer, bucket, key, uploadId).catch(() => undefined);
    throw error;
  }
}
