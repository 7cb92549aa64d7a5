// Folder compare against a real server: objects written the ways users write them (a plain PUT,
// a multipart upload in the AWS CLI's 8 MiB parts and in Cirrus's 16 MiB parts), files in a temp
// folder read as Blobs backed by the disk, and the sync model's verdicts, upload list and delete.

import { openAsBlob } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import * as s3 from '../../../src/cloud/s3/index';
import { hashBlob } from '../../../src/panels/s3/sync/hash-blob';
import type { LocalFile } from '../../../src/panels/s3/sync/sync-compare';
import { createSyncModel } from '../../../src/panels/s3/sync/sync-model';
import type { DroppedFile } from '../../../src/panels/s3/upload-queue';
import { pattern, type S3Target } from './scenarios';

const MIB = 1024 * 1024;

async function put(t: S3Target, bucket: string, key: string, body: Uint8Array): Promise<void> {
  const signed = await s3.presignedPut(t.profile, t.signer, bucket, key, 300);
  const response = await fetch(signed.url, {
    method: 'PUT',
    headers: signed.headers,
    body: new Uint8Array(body),
  });
  expect(response.status, await response.text()).toBe(200);
}

async function putInParts(
  t: S3Target,
  bucket: string,
  key: string,
  body: Buffer,
  partSize: number,
) {
  const uploadId = await s3.createMultipartUpload(t.profile, t.signer, bucket, key);
  const done: s3.CompletedPart[] = [];
  for (let at = 0, n = 1; at < body.length; at += partSize, n++) {
    const signed = await s3.presignUploadPart(t.profile, t.signer, bucket, key, uploadId, n, 600);
    const response = await fetch(signed.url, {
      method: 'PUT',
      headers: signed.headers,
      body: new Uint8Array(body.subarray(at, at + partSize)),
    });
    expect(response.status, await response.text()).toBe(200);
    done.push({ partNumber: n, etag: response.headers.get('etag') ?? '' });
  }
  await s3.completeMultipartUpload(t.profile, t.signer, bucket, key, uploadId, done);
}

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

export interface SyncScenarioOptions {
  name: string;
  /** s3rver gives a multipart object the MD5 of its whole bytes, not S3's "md5-of-md5s-N". */
  multipartBasis: 'multipart' | 'md5';
}

export function syncScenarios(target: () => S3Target, opts: SyncScenarioOptions) {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test('compare a folder with a prefix, upload what is new or changed, delete what is only there', async () => {
    const t = target();
    const bucket = `sync-${opts.name}-${Date.now().toString(36)}`.toLowerCase();
    await s3.createBucket(t.profile, t.signer, bucket);
    const dir = await mkdtemp(join(tmpdir(), 'cirrus-sync-'));
    dirs.push(dir);
    const big = pattern(17 * MIB + 4321, 7);
    const files: Record<string, Buffer> = {
      'same.txt': Buffer.from('same content'),
      'edited.txt': Buffer.from('new content!'),
      'grown.txt': Buffer.from('this one grew longer'),
      'deep/new file.txt': Buffer.from('brand new'),
      'big-cli.bin': big,
      'big-cirrus.bin': big,
    };
    for (const [path, body] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), body);
    }
    await put(t, bucket, 'p/same.txt', files['same.txt'] as Buffer);
    await put(t, bucket, 'p/edited.txt', Buffer.from('old content!'));
    await put(t, bucket, 'p/grown.txt', Buffer.from('short'));
    await put(t, bucket, 'p/gone.txt', Buffer.from('only in the bucket'));
    await s3.createFolder(t.profile, t.signer, bucket, 'p/deep');
    await put(t, bucket, 'other/same.txt', Buffer.from('outside the prefix'));
    await putInParts(t, bucket, 'p/big-cli.bin', big, 8 * MIB);
    await putInParts(t, bucket, 'p/big-cirrus.bin', big, 16 * MIB);

    const local: LocalFile<Blob>[] = [];
    for (const path of Object.keys(files)) {
      const blob = await openAsBlob(join(dir, path));
      local.push({ path, size: blob.size, file: blob });
    }
    const uploads: { files: DroppedFile[]; bucket: string; prefix: string }[] = [];
    const model = createSyncModel({
      at: async () => t,
      bucket,
      prefix: 'p/',
      hash: (blob, plan, o) => hashBlob(blob, plan, o),
      upload: async (picked, to, prefix) => {
        uploads.push({ files: picked, bucket: to, prefix });
        for (const f of picked)
          await put(
            t,
            to,
            `${prefix}${f.relativePath}`,
            new Uint8Array(await f.file.arrayBuffer()),
          );
      },
      changed: () => undefined,
    });
    model.choose('folder', local);
    await model.compare();
    expect(model.error.value).toBeNull();
    expect(model.phase.value).toBe('done');
    const verdicts = Object.fromEntries(
      model.rows.value.map((r) => [r.path, `${r.cls}/${r.basis}`]),
    );
    expect(verdicts).toEqual({
      'same.txt': 'identical/md5',
      'edited.txt': 'changed/md5',
      'grown.txt': 'changed/size',
      'deep/new file.txt': 'new/presence',
      'gone.txt': 'bucketOnly/presence',
      'big-cli.bin': `identical/${opts.multipartBasis}`,
      'big-cirrus.bin': `identical/${opts.multipartBasis}`,
    });
    const totals = model.totals.value;
    expect(totals.new).toEqual({ count: 1, bytes: 9 });
    expect(totals.changed.count).toBe(2);
    expect(totals.bucketOnly).toEqual({ count: 1, bytes: 18 });

    // A dry run says what would happen and changes nothing.
    model.dryRun.value = true;
    await model.uploadChanges();
    expect(model.notice.value).toEqual({ kind: 'wouldUpload', count: 3, bytes: 41 });
    model.askDelete();
    expect(model.notice.value).toEqual({ kind: 'wouldDelete', count: 1 });
    expect(model.confirmDelete.value).toBe(false);
    expect(uploads).toEqual([]);

    model.dryRun.value = false;
    await model.uploadChanges();
    await model.uploadChanges(); // A second click sends nothing again.
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.prefix).toBe('p/');
    expect(uploads[0]?.files.map((f) => f.relativePath).sort()).toEqual([
      'deep/new file.txt',
      'edited.txt',
      'grown.txt',
    ]);
    model.askDelete();
    expect(model.confirmDelete.value).toBe(true);
    await model.deleteBucketOnly();
    expect(model.deleteError.value).toBeNull();
    expect(model.notice.value).toEqual({ kind: 'deleted', count: 1 });

    // Compared again, the prefix matches the folder.
    await model.compare();
    await waitFor(() => model.phase.value === 'done');
    expect(new Set(model.rows.value.map((r) => r.cls))).toEqual(new Set(['identical']));
    expect(model.rows.value).toHaveLength(Object.keys(files).length);
    const listed = await s3.listObjects(t.profile, t.signer, bucket, {
      prefix: 'other/',
      delimiter: '',
    });
    expect(listed.objects.map((o) => o.key)).toEqual(['other/same.txt']);
  }, 120_000);

  test('a cancelled compare stops hashing and keeps what it had', async () => {
    const t = target();
    const bucket = `sync-cancel-${opts.name}-${Date.now().toString(36)}`.toLowerCase();
    await s3.createBucket(t.profile, t.signer, bucket);
    const local: LocalFile<Blob>[] = [];
    for (let i = 0; i < 20; i++) {
      const body = Buffer.from(`file ${i}`);
      await put(t, bucket, `f${i}.txt`, body);
      local.push({ path: `f${i}.txt`, size: body.length, file: new Blob([body]) });
    }
    let hashed = 0;
    const model = createSyncModel({
      at: async () => t,
      bucket,
      prefix: '',
      atOnce: 1,
      hash: async (blob, plan, o) => {
        hashed++;
        if (hashed === 3) model.cancel();
        return hashBlob(blob, plan, o);
      },
      upload: async () => undefined,
      changed: () => undefined,
    });
    model.choose('folder', local);
    await model.compare();
    expect(model.phase.value).toBe('idle');
    expect(model.error.value).toBeNull();
    expect(hashed).toBeLessThan(5);
  });
}
