// "Change storage class…" as the S3 model runs it: the dialog, its progress, and the list
// read again once every object is in its new class.
import { signal } from '@preact/signals';
import { afterEach, expect, test, vi } from 'vitest';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import type { ModelDeps } from '../../../src/panels/model-deps';
import { createS3Model } from '../../../src/panels/s3/s3-model';
import { minio, plainSigner, stubFetch } from '../cloud/s3/support';

afterEach(() => {
  vi.unstubAllGlobals();
});

const listing = (storageClass: string) =>
  `<ListBucketResult><Name>b</Name><Prefix></Prefix><KeyCount>1</KeyCount><IsTruncated>false</IsTruncated><Contents><Key>a.txt</Key><LastModified>2024-05-01T00:00:00Z</LastModified><ETag>"e"</ETag><Size>3</Size><StorageClass>${storageClass}</StorageClass></Contents></ListBucketResult>`;

test('the dialog shows the change and closes when every object is done; the list shows the class', async () => {
  const here: CurrentProfile = { profile: minio, signer: plainSigner };
  const deps: ModelDeps = {
    profiles: (listener) => {
      queueMicrotask(() => listener(here));
      return { current: signal(here), dispose: () => undefined };
    },
    storageEvents: { addListener: () => undefined, removeListener: () => undefined },
  };
  const { answers, seen } = stubFetch();
  answers.push({
    status: 200,
    body: '<ListAllMyBucketsResult><Buckets><Bucket><Name>b</Name><CreationDate>2024-05-01T00:00:00Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>',
  });
  const model = createS3Model(deps, { uploads: { send: vi.fn(async () => undefined) } });
  await vi.waitFor(() => expect(model.buckets.value).toHaveLength(1));
  answers.push({ status: 200, body: listing('STANDARD') });
  model.openBucket('b');
  await vi.waitFor(() => expect(model.entries.value).toHaveLength(1));

  model.askStorageClass(['a.txt']);
  expect(model.dialog.value).toEqual({ kind: 'storage-class', keys: ['a.txt'], progress: null });
  answers.push(
    { status: 200, headers: { 'content-length': '3', etag: '"e"' } },
    { status: 501, body: '<Error><Code>NotImplemented</Code><Message>no ACLs</Message></Error>' },
    { status: 200, headers: { 'content-length': '3', etag: '"e"' } },
    { status: 200, body: '<CopyObjectResult><ETag>"e"</ETag></CopyObjectResult>' },
    { status: 200, body: listing('STANDARD_IA') },
  );
  expect(await model.changeStorageClass(['a.txt'], 'STANDARD_IA')).toBeNull();
  expect(model.dialog.value).toBeNull();
  expect(seen.find((r) => r.method === 'PUT')?.headers['x-amz-storage-class']).toBe('STANDARD_IA');
  await vi.waitFor(() =>
    expect(
      model.entries.value.map((e) => (e.kind === 'object' ? e.object.storageClass : '')),
    ).toEqual(['STANDARD_IA']),
  );
});
