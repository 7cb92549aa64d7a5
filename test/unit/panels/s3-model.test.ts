import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import type { ModelDeps, ProfileSource } from '../../../src/panels/model-deps';
import { keepUpload } from '../../../src/panels/s3/resumable';
import { createS3Model } from '../../../src/panels/s3/s3-model';
import { fakeStorage } from '../../support/fake-browser';
import { minio, plainSigner, stubFetch } from '../cloud/s3/support';

/** A profile source the test switches by hand, as the header's switcher would. */
function fakeProfiles() {
  const current = signal<CurrentProfile | null>(null);
  let onChange: (next: CurrentProfile | null) => void = () => undefined;
  const source: ProfileSource = (listener) => {
    onChange = listener;
    return { current, dispose: () => undefined };
  };
  return {
    source,
    switchTo(next: CurrentProfile | null) {
      current.value = next;
      onChange(next);
    },
  };
}

const buckets = (...names: string[]) =>
  `<ListAllMyBucketsResult><Owner><ID>o</ID></Owner><Buckets>${names
    .map(
      (n) => `<Bucket><Name>${n}</Name><CreationDate>2024-05-01T00:00:00Z</CreationDate></Bucket>`,
    )
    .join('')}</Buckets></ListAllMyBucketsResult>`;

const objects = (prefix: string, keys: string[], folders: string[]) =>
  `<ListBucketResult><Name>b</Name><Prefix>${prefix}</Prefix><KeyCount>${keys.length}</KeyCount><IsTruncated>false</IsTruncated>${keys
    .map(
      (k) =>
        `<Contents><Key>${k}</Key><LastModified>2024-05-01T00:00:00Z</LastModified><ETag>"e"</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join(
      '',
    )}${folders.map((f) => `<CommonPrefixes><Prefix>${f}</Prefix></CommonPrefixes>`).join('')}</ListBucketResult>`;

const here: CurrentProfile = { profile: minio, signer: plainSigner };
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const profiles = fakeProfiles();
  const deps: ModelDeps = {
    profiles: profiles.source,
    storageEvents: { addListener: () => undefined, removeListener: () => undefined },
  };
  const send = vi.fn(async () => undefined);
  const model = createS3Model(deps, { uploads: { send } });
  return { model, profiles, send };
}

beforeEach(async () => {
  await fakeStorage.local.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('S3 model', () => {
  test('follows the profile source: no profile, nothing listed; a profile, its buckets', async () => {
    const { model, profiles } = setup();
    expect(model.profile.value).toBeNull();
    const { answers, seen } = stubFetch();
    answers.push({ status: 200, body: buckets('beta', 'alpha') });
    profiles.switchTo(here);
    await vi.waitFor(() =>
      expect(model.buckets.value.map((b) => b.name)).toEqual(['alpha', 'beta']),
    );
    expect(seen[0]?.method).toBe('GET');
    expect(model.regions.value.get('alpha')).toBe(minio.region);
  });

  test('opens a bucket and a folder; filtering matches names', async () => {
    const { model, profiles } = setup();
    const { answers } = stubFetch();
    answers.push({ status: 200, body: buckets('b') });
    profiles.switchTo(here);
    await vi.waitFor(() => expect(model.buckets.value).toHaveLength(1));
    answers.push({ status: 200, body: objects('', ['notes.txt', 'readme.md'], ['docs/']) });
    model.openBucket('b');
    await vi.waitFor(() => expect(model.loading.value).toBe(false));
    expect(model.entries.value.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'folder:docs/',
      'object:notes.txt',
      'object:readme.md',
    ]);
    model.query.value = 'READ';
    expect(model.filtered.value.map((e) => e.key)).toEqual(['readme.md']);
    answers.push({ status: 200, body: objects('docs/', ['docs/a'], []) });
    model.openPrefix('docs/');
    expect(model.query.value).toBe('');
    await vi.waitFor(() => expect(model.entries.value.map((e) => e.name)).toEqual(['a']));
  });

  test('uploads go under the open folder; another profile closes the bucket but not the uploads', async () => {
    const { model, profiles, send } = setup();
    const { answers } = stubFetch();
    answers.push({ status: 200, body: buckets('b') });
    profiles.switchTo(here);
    await vi.waitFor(() => expect(model.buckets.value).toHaveLength(1));
    answers.push({ status: 200, body: objects('', [], []) });
    model.openBucket('b');
    await vi.waitFor(() => expect(model.loading.value).toBe(false));
    // The listing that follows the finished upload.
    answers.push({ status: 200, body: objects('', ['f.txt'], []) });
    await model.upload([{ file: new File(['abc'], 'f.txt'), relativePath: '' }]);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(model.uploads.value.map((u) => u.state)).toEqual(['done']));
    await vi.waitFor(() => expect(model.entries.value.map((e) => e.name)).toEqual(['f.txt']));

    await keepUpload({
      uploadId: 'u-other',
      profileId: 'other',
      bucket: 'x',
      key: 'k',
      file: { name: 'k', size: 1, lastModified: 1 },
      partSize: 5,
      partsDone: 0,
      partsTotal: 1,
      at: 1,
    });
    answers.push({ status: 200, body: buckets('c') });
    profiles.switchTo({ profile: { ...minio, id: 'other' }, signer: plainSigner });
    expect(model.bucket.value).toBeNull();
    expect(model.entries.value).toEqual([]);
    await vi.waitFor(() =>
      expect(model.toResume.value.map((u) => u.uploadId)).toEqual(['u-other']),
    );
    await settle();
    expect(model.uploads.value).toHaveLength(1);
  });

  test('dialogs open with no error left from the last one', () => {
    const { model } = setup();
    model.dialogError.value = { code: 'X', message: 'old' };
    model.open({ kind: 'create-folder' });
    expect(model.dialog.value).toEqual({ kind: 'create-folder' });
    expect(model.dialogError.value).toBeNull();
  });
});
