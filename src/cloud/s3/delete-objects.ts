// Deletes many objects: DeleteObjects (POST ?delete) in batches of 1,000 with Content-MD5, and
// one DELETE per key on servers without it (old Walrus answers NotImplemented or 400).

import { CloudError } from '../errors';
import { pool } from '../pool';
import type { Profile } from '../profile';
import type { Signer } from '../signer';
import { child, elements, text } from '../xml';
import { requestIdOf, type S3CallOptions, s3Text } from './call';
import { escapeXmlText, isXmlSafe } from './keys';
import { md5Base64 } from './md5';
import { deleteObject } from './objects';
import { expectRoot, keyText, readS3Xml } from './s3-xml';

export interface DeleteError {
  key: string;
  code: string;
  message: string;
}

export interface DeleteObjectsResult {
  deleted: string[];
  errors: DeleteError[];
}

export interface DeleteObjectsOptions extends S3CallOptions {
  /** Keys per DeleteObjects request, at most 1,000 (the default). */
  batchSize?: number;
  /** Single DELETEs in flight at once when falling back (default 8). */
  concurrency?: number;
  /** After each batch, for progress. */
  onProgress?: (done: number, total: number) => void;
}

// What a server without DeleteObjects answers POST ?delete with.
const NO_MULTI_DELETE = new Set(['NotImplemented', 'MethodNotAllowed', 'InvalidRequest']);

function refusesMultiDelete(error: unknown): boolean {
  if (!(error instanceof CloudError)) return false;
  return (
    NO_MULTI_DELETE.has(error.code) ||
    error.status === 400 ||
    error.status === 405 ||
    error.status === 501
  );
}

export async function deleteObjects(
  profile: Profile,
  signer: Signer,
  bucket: string,
  keys: string[],
  opts: DeleteObjectsOptions = {},
): Promise<DeleteObjectsResult> {
  const batchSize = Math.min(1000, Math.max(1, opts.batchSize ?? 1000));
  const result: DeleteObjectsResult = { deleted: [], errors: [] };
  let multi = true;
  let done = 0;
  for (let i = 0; i < keys.length; i += batchSize) {
    const batch = keys.slice(i, i + batchSize);
    // XML 1.0 cannot carry some control characters at all: those keys go one by one.
    const inXml = batch.filter(isXmlSafe);
    const single = batch.filter((key) => !isXmlSafe(key));
    if (multi && inXml.length > 0) {
      try {
        const outcome = await deleteBatch(profile, signer, bucket, inXml, opts);
        result.deleted.push(...outcome.deleted);
        result.errors.push(...outcome.errors);
      } catch (error) {
        if (!refusesMultiDelete(error)) throw error;
        multi = false;
        single.unshift(...inXml);
      }
    } else {
      single.unshift(...inXml);
    }
    const outcome = await deleteEach(profile, signer, bucket, single, opts);
    result.deleted.push(...outcome.deleted);
    result.errors.push(...outcome.errors);
    done += batch.length;
    opts.onProgress?.(done, keys.length);
  }
  return result;
}

/** The DeleteObjects document for these keys (Quiet: only failures come back). */
export function deleteRequestBody(keys: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Delete><Quiet>true</Quiet>' +
    keys.map((key) => `<Object><Key>${escapeXmlText(key)}</Key></Object>`).join('') +
    '</Delete>'
  );
}

async function deleteBatch(
  profile: Profile,
  signer: Signer,
  bucket: string,
  keys: string[],
  opts: S3CallOptions,
): Promise<DeleteObjectsResult> {
  const body = deleteRequestBody(keys);
  return s3Text(
    profile,
    signer,
    {
      method: 'POST',
      bucket,
      query: [['delete', undefined]],
      headers: { 'content-type': 'application/xml', 'content-md5': md5Base64(body) },
      body,
    },
    // Deleting an already deleted key succeeds: the batch can be sent again.
    'safe',
    opts,
    (response) =>
      readDeleteResult(response.text, keys, response.status, requestIdOf(response.headers)),
  );
}

/** Reads a DeleteResult; in quiet mode every requested key without an error was deleted. */
export function readDeleteResult(
  body: string,
  requested: string[],
  status = 200,
  requestId?: string,
): DeleteObjectsResult {
  const doc = readS3Xml(body, status, requestId);
  expectRoot(doc, 'DeleteResult');
  const errors = elements(child(doc.value, 'Error')).map((error) => ({
    key: keyText(doc, error, 'Key'),
    code: text(child(error, 'Code')),
    message: text(child(error, 'Message')),
  }));
  const failed = new Set(errors.map((error) => error.key));
  return { deleted: requested.filter((key) => !failed.has(key)), errors };
}

async function deleteEach(
  profile: Profile,
  signer: Signer,
  bucket: string,
  keys: string[],
  opts: DeleteObjectsOptions,
): Promise<DeleteObjectsResult> {
  const result: DeleteObjectsResult = { deleted: [], errors: [] };
  // A key's refusal is reported with the others; only an abort stops the whole run.
  const outcomes = await pool(
    keys,
    opts.concurrency ?? 8,
    async (key): Promise<DeleteError | undefined> => {
      try {
        await deleteObject(profile, signer, bucket, key, opts);
        return undefined;
      } catch (error) {
        if (error instanceof CloudError && error.code === 'Aborted') throw error;
        return error instanceof CloudError
          ? { key, code: error.code, message: error.message }
          : { key, code: 'InternalError', message: String(error) };
      }
    },
  );
  keys.forEach((key, index) => {
    const outcome = outcomes[index];
    if (outcome) result.errors.push(outcome);
    else result.deleted.push(key);
  });
  return result;
}
