import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CloudError } from '../../../src/cloud/errors';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import { keepUpload, uploadsToResume } from '../../../src/panels/s3/resumable';
import { RESUME_LATER, type UploadOptions } from '../../../src/panels/s3/upload';
import { createUploadQueue, type UploadQueueDeps } from '../../../src/panels/s3/upload-queue';
import type { ResumableUpload } from '../../../src/storage/items';
import { fakeStorage } from '../../support/fake-browser';
import { minio, plainSigner } from '../cloud/s3/support';

const here: CurrentProfile = { profile: minio, signer: plainSigner };
const LAST_MODIFIED = 1_700_000_000_000;

/** One call of the fake uploadFile, settled by the test. */
interface Sending {
  key: string;
  bucket: string;
  opts: UploadOptions;
  resolve(): void;
  reject(error: unknown): void;
}

function setup(extra: Partial<UploadQueueDeps> = {}) {
  const sending: Sending[] = [];
  const onIdle = vi.fn();
  const onError = vi.fn();
  const abortUpload = vi.fn(async () => undefined);
  const queue = createUploadQueue({
    at: async () => here,
    profileId: () => minio.id,
    onIdle,
    onError,
    abortUpload,
    send: (target, _file, opts) =>
      new Promise<void>((resolve, reject) => {
        sending.push({ key: target.key, bucket: target.bucket, opts, resolve, reject });
        // As uploadFile does: a stopped upload rejects at once.
        opts.signal.addEventListener('abort', () =>
          reject(new CloudError({ code: 'Aborted', message: 'Upload cancelled' })),
        );
      }),
    ...extra,
  });
  const states = () => queue.uploads.value.map((u) => `${u.key}:${u.state}`);
  return { queue, sending, onIdle, onError, abortUpload, states };
}

function file(name: string, size = 100): File {
  return new File([new Uint8Array(size)], name, { lastModified: LAST_MODIFIED });
}

const dropped = (...names: string[]) => names.map((n) => ({ file: file(n), relativePath: '' }));

/** Lets the queue's promise chains (state updates, storage writes) run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function record(uploadId: string, key: string, patch: Partial<ResumableUpload> = {}) {
  return {
    uploadId,
    profileId: minio.id,
    bucket: 'b',
    key,
    file: { name: key.split('/').pop() ?? key, size: 100, lastModified: LAST_MODIFIED },
    partSize: 50,
    partsDone: 1,
    partsTotal: 2,
    at: 1,
    ...patch,
  } satisfies ResumableUpload;
}

beforeEach(async () => {
  await fakeStorage.local.clear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('upload queue', () => {
  test('files wait their turn, two at a time, and end done; idle once all have', async () => {
    const { queue, sending, onIdle, states } = setup();
    await queue.add(dropped('a', 'b', 'c'), 'b', 'in/');
    expect(states()).toEqual(['in/a:sending', 'in/b:sending', 'in/c:queued']);
    sending[0]?.resolve();
    await settle();
    expect(states()).toEqual(['in/a:done', 'in/b:sending', 'in/c:sending']);
    expect(onIdle).not.toHaveBeenCalled();
    sending[1]?.resolve();
    sending[2]?.resolve();
    await settle();
    expect(states()).toEqual(['in/a:done', 'in/b:done', 'in/c:done']);
    expect(queue.busy.value).toBe(false);
    // Each row that ends with nothing left going may say so; the listing reloads either way.
    expect(onIdle).toHaveBeenCalled();
    expect(queue.uploads.value[0]?.sent).toBe(100);
  });

  test('a failure shows on its row and the others go on', async () => {
    const { queue, sending, states } = setup();
    await queue.add(dropped('a', 'b'), 'b', '');
    sending[0]?.reject(new CloudError({ code: 'AccessDenied', message: 'no', status: 403 }));
    sending[1]?.resolve();
    await settle();
    expect(states()).toEqual(['a:failed', 'b:done']);
    expect(queue.uploads.value[0]?.error?.code).toBe('AccessDenied');
  });

  test('cancel: a queued row never sends, a sending one is stopped; both end cancelled', async () => {
    const { queue, sending, states } = setup({ atOnce: 1 });
    await queue.add(dropped('a', 'b'), 'b', '');
    const [first, second] = queue.uploads.value;
    queue.cancel(second?.id);
    expect(states()).toEqual(['a:sending', 'b:cancelled']);
    queue.cancel(first?.id);
    await settle();
    expect(states()).toEqual(['a:cancelled', 'b:cancelled']);
    expect(sending).toHaveLength(1);
  });

  test('cancel without an id stops everything still going', async () => {
    const { queue, states } = setup({ atOnce: 1 });
    await queue.add(dropped('a', 'b'), 'b', '');
    queue.cancel();
    await settle();
    expect(states()).toEqual(['a:cancelled', 'b:cancelled']);
  });

  test('the upload options in force when a file is queued go with it', async () => {
    const { queue, sending } = setup();
    queue.settings.value = { acl: 'public-read', metadata: { owner: 'ops' } };
    await queue.add(dropped('a'), 'b', '');
    queue.settings.value = { acl: '', metadata: {} };
    expect(sending[0]?.opts.write).toEqual({ acl: 'public-read', metadata: { owner: 'ops' } });
  });

  test('a multipart upload is recorded while it runs and forgotten when done', async () => {
    const { queue, sending } = setup();
    await queue.add(dropped('big'), 'b', '');
    sending[0]?.opts.onMultipart?.({ uploadId: 'u1', partSize: 50, partsDone: 0, partsTotal: 2 });
    await settle();
    expect((await uploadsToResume(minio.id)).map((u) => u.uploadId)).toEqual(['u1']);
    expect(queue.uploads.value[0]?.uploadId).toBe('u1');
    sending[0]?.resolve();
    await settle();
    expect(await uploadsToResume(minio.id)).toEqual([]);
  });

  test('Resume later pauses the row and keeps the upload to resume', async () => {
    const { queue, sending, states } = setup();
    await queue.add(dropped('big'), 'b', '');
    const row = queue.uploads.value[0];
    // Not offered before a multipart upload exists: nothing would be kept.
    queue.resumeLater(row?.id ?? 0);
    expect(row?.controller.signal.aborted).toBe(false);
    sending[0]?.opts.onMultipart?.({ uploadId: 'u1', partSize: 50, partsDone: 0, partsTotal: 2 });
    queue.resumeLater(row?.id ?? 0);
    expect(row?.controller.signal.reason).toBe(RESUME_LATER);
    await vi.waitFor(() => expect(states()).toEqual(['big:paused']));
    await vi.waitFor(async () =>
      expect((await uploadsToResume(minio.id)).map((u) => u.uploadId)).toEqual(['u1']),
    );
    // The paused row stands for it (with its Discard); the kept list does not show it twice.
    expect(queue.toResume.value).toEqual([]);
  });

  test('a file continuing a paused upload replaces its row and goes where the upload went', async () => {
    const { queue, sending, states } = setup();
    await queue.add(dropped('big'), 'b', 'first/');
    sending[0]?.opts.onMultipart?.({ uploadId: 'u1', partSize: 50, partsDone: 1, partsTotal: 2 });
    queue.resumeLater(queue.uploads.value[0]?.id ?? 0);
    await vi.waitFor(() => expect(states()).toEqual(['first/big:paused']));
    // Dropped again in another folder: it continues the kept upload, at its key.
    await queue.add(dropped('big'), 'b', 'elsewhere/');
    expect(states()).toEqual(['first/big:sending']);
    const row = queue.uploads.value[0];
    expect(row?.resume).toEqual({ uploadId: 'u1', partSize: 50 });
    expect(sending[1]?.opts.resume).toEqual({ uploadId: 'u1', partSize: 50 });
    expect(queue.toResume.value).toEqual([]);
  });

  test('a kept upload from an earlier page is picked up once, by one of two equal files', async () => {
    await keepUpload(record('u9', 'old/movie'));
    const { queue, sending } = setup();
    await queue.add(
      [
        { file: file('movie'), relativePath: '' },
        { file: file('movie'), relativePath: 'again/movie' },
      ],
      'b',
      '',
    );
    expect(sending.map((s) => s.key)).toEqual(['old/movie', 'again/movie']);
    expect(sending[0]?.opts.resume?.uploadId).toBe('u9');
    expect(sending[1]?.opts.resume).toBeUndefined();
  });

  test('failing before the kept upload is picked up keeps its record, to try again', async () => {
    await keepUpload(record('u9', 'movie'));
    const { queue, sending, states } = setup();
    await queue.add(dropped('movie'), 'b', '');
    sending[0]?.reject(new CloudError({ code: 'NetworkError', message: 'down' }));
    await vi.waitFor(() => expect(states()).toEqual(['movie:failed']));
    await settle();
    expect((await uploadsToResume(minio.id)).map((u) => u.uploadId)).toEqual(['u9']);
  });

  test('failing once the multipart upload is under way forgets it (uploadFile aborted it)', async () => {
    const { queue, sending, states } = setup();
    await queue.add(dropped('big'), 'b', '');
    sending[0]?.opts.onMultipart?.({ uploadId: 'u1', partSize: 50, partsDone: 0, partsTotal: 2 });
    sending[0]?.reject(new CloudError({ code: 'InternalError', message: 'boom', status: 500 }));
    await vi.waitFor(() => expect(states()).toEqual(['big:failed']));
    await vi.waitFor(async () => expect(await uploadsToResume(minio.id)).toEqual([]));
  });

  test('kept uploads of the profile are listed, except those a row stands for', async () => {
    await keepUpload(record('u8', 'a'));
    await keepUpload(record('other', 'b', { profileId: 'someone-else' }));
    const { queue } = setup();
    await queue.loadResumable();
    expect(queue.toResume.value.map((u) => u.uploadId)).toEqual(['u8']);
    queue.clearResumable();
    expect(queue.toResume.value).toEqual([]);
  });

  test('discard aborts the upload on the server, forgets it and ends its paused row', async () => {
    const { queue, sending, abortUpload, states } = setup();
    await queue.add(dropped('big'), 'b', '');
    sending[0]?.opts.onMultipart?.({ uploadId: 'u1', partSize: 50, partsDone: 0, partsTotal: 2 });
    queue.resumeLater(queue.uploads.value[0]?.id ?? 0);
    await vi.waitFor(() => expect(states()).toEqual(['big:paused']));
    await queue.discard({ uploadId: 'u1', bucket: 'b', key: 'big' });
    expect(abortUpload).toHaveBeenCalledWith(here, 'b', 'big', 'u1');
    expect(states()).toEqual(['big:cancelled']);
    expect(queue.toResume.value).toEqual([]);
    expect(await uploadsToResume(minio.id)).toEqual([]);
  });

  test('discarding an upload the server no longer has only forgets it; other refusals show', async () => {
    await keepUpload(record('gone', 'a'));
    await keepUpload(record('kept', 'b'));
    const abortUpload = vi
      .fn()
      .mockRejectedValueOnce(new CloudError({ code: 'NoSuchUpload', message: 'gone' }))
      .mockRejectedValueOnce(new CloudError({ code: 'AccessDenied', message: 'no' }));
    const { queue, onError } = setup({ abortUpload });
    await queue.discard({ uploadId: 'gone', bucket: 'b', key: 'a' });
    expect(onError).not.toHaveBeenCalled();
    await queue.discard({ uploadId: 'kept', bucket: 'b', key: 'b' });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'AccessDenied' }));
    expect((await uploadsToResume(minio.id)).map((u) => u.uploadId)).toEqual(['kept']);
  });

  test('a bucket whose endpoint cannot be found queues nothing and says why', async () => {
    const { queue, onError } = setup({
      at: async () => {
        throw new CloudError({ code: 'AccessDenied', message: 'no location' });
      },
    });
    await queue.add(dropped('a'), 'b', '');
    expect(queue.uploads.value).toEqual([]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'AccessDenied' }));
  });
});
