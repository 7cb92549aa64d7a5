// The versions view's model over a stubbed fetch: rows of one folder level in the server's order
// (the folder's own marker left out), search, the one chosen version, paging through 100,000
// versions quickly, a store without versions, and switching the view off.

import { signal } from '@preact/signals';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import { createVersionList, versionRowId } from '../../../src/panels/s3/version-list';
import { type Answer, minio, plainSigner, stubFetch } from '../cloud/s3/support';

let answers: Answer[];
beforeEach(() => {
  ({ answers } = stubFetch());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const at = async () => ({ profile: minio, signer: plainSigner }) as CurrentProfile;

function model(prefix = 'docs/') {
  return createVersionList({
    at,
    bucket: signal<string | null>('bkt'),
    prefix: signal(prefix),
    query: signal(''),
  });
}

const version = (key: string, id: string, latest: boolean) =>
  `<Version><Key>${key}</Key><VersionId>${id}</VersionId><IsLatest>${latest}</IsLatest><LastModified>2024-05-01T00:00:00.000Z</LastModified><ETag>"e"</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass></Version>`;
const marker = (key: string, id: string) =>
  `<DeleteMarker><Key>${key}</Key><VersionId>${id}</VersionId><IsLatest>true</IsLatest><LastModified>2024-05-02T00:00:00.000Z</LastModified></DeleteMarker>`;
const page = (body: string, next?: [string, string]) =>
  `<ListVersionsResult><IsTruncated>${next ? 'true' : 'false'}</IsTruncated>${
    next
      ? `<NextKeyMarker>${next[0]}</NextKeyMarker><NextVersionIdMarker>${next[1]}</NextVersionIdMarker>`
      : ''
  }${body}</ListVersionsResult>`;

test('one folder level: folders, then versions and markers in the order the server sent', async () => {
  answers.push({
    status: 200,
    body: page(
      version('docs/', 'f1', true) +
        marker('docs/a &lt;b&gt;.txt', 'm1') +
        version('docs/a &lt;b&gt;.txt', 'v2', false) +
        version('docs/c.txt', 'v3', true) +
        '<CommonPrefixes><Prefix>docs/sub/</Prefix></CommonPrefixes>',
    ),
  });
  const list = model();
  list.setShow(true);
  await expect.poll(() => list.loading.value).toBe(false);
  expect(list.rows.value.map((r) => [r.kind, r.name])).toEqual([
    ['folder', 'sub/'],
    ['version', 'a <b>.txt'],
    ['version', 'a <b>.txt'],
    ['version', 'c.txt'],
  ]);
  list.selected.value = new Set([versionRowId('docs/a <b>.txt', 'v2')]);
  expect(list.chosen.value).toMatchObject({ versionId: 'v2', deleteMarker: false });
  list.selected.value = new Set([versionRowId('docs/a <b>.txt', 'm1')]);
  expect(list.chosen.value).toMatchObject({ versionId: 'm1', deleteMarker: true, isLatest: true });
  list.selected.value = new Set(['docs/sub/']);
  expect(list.chosen.value).toBeNull();
});

test('search narrows the rows by name', async () => {
  answers.push({
    status: 200,
    body: page(version('docs/x.txt', 'a', true) + version('docs/y.txt', 'b', true)),
  });
  const query = signal('');
  const list = createVersionList({
    at,
    bucket: signal<string | null>('bkt'),
    prefix: signal('docs/'),
    query,
  });
  list.setShow(true);
  await expect.poll(() => list.loading.value).toBe(false);
  query.value = 'Y.T';
  expect(list.filtered.value.map((r) => r.name)).toEqual(['y.txt']);
});

test('100,000 versions over 100 pages: every page lands, in order, in one growing list', async () => {
  const pages = 100;
  for (let p = 0; p < pages; p++) {
    let body = '';
    for (let i = 0; i < 1000; i++) {
      const n = p * 1000 + i;
      body += version(`docs/file-${String(n).padStart(6, '0')}`, `id${n}`, true);
    }
    answers.push({
      status: 200,
      body: page(
        body,
        p < pages - 1
          ? [`docs/file-${String(p * 1000 + 999).padStart(6, '0')}`, `id${p}`]
          : undefined,
      ),
    });
  }
  const list = model();
  const seen: number[] = [];
  const stop = list.rows.subscribe((rows) => seen.push(rows.length));
  list.setShow(true);
  // Parsing is the slow part (fast-xml-parser, ~0.1-0.3 s per 1,000 entries on a busy machine).
  await expect.poll(() => list.loading.value, { timeout: 60_000 }).toBe(false);
  stop();
  expect(list.error.value).toBeNull();
  expect(list.rows.value).toHaveLength(pages * 1000);
  expect(list.rows.value[pages * 1000 - 1]?.name).toBe(
    `file-${String(pages * 1000 - 1).padStart(6, '0')}`,
  );
  // The table saw the list grow page by page rather than all at the end.
  expect(seen.filter((n) => n > 0 && n < pages * 1000).length).toBeGreaterThanOrEqual(pages - 2);
}, 90_000);

test('a store without versions (405) is marked unsupported; switching off clears the view', async () => {
  answers.push({
    status: 405,
    body: '<Error><Code>MethodNotAllowed</Code><Message>The specified method is not allowed against this resource.</Message></Error>',
  });
  const list = model('');
  list.setShow(true);
  await expect.poll(() => list.loading.value).toBe(false);
  expect(list.unsupported.value).toBe('bkt');
  expect(list.error.value?.code).toBe('MethodNotAllowed');
  list.setShow(false);
  expect(list.show.value).toBe(false);
  expect(list.rows.value).toEqual([]);
  expect(list.error.value).toBeNull();
});
