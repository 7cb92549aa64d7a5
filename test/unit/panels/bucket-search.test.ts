import { signal } from '@preact/signals';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createBucketSearch } from '../../../src/panels/s3/bucket-search';
import { minio, plainSigner, stubFetch } from '../cloud/s3/support';

const page = (keys: [string, number][], next?: string) =>
  `<ListBucketResult><Name>b</Name><KeyCount>${keys.length}</KeyCount><IsTruncated>${next ? 'true' : 'false'}</IsTruncated>${
    next ? `<NextContinuationToken>${next}</NextContinuationToken>` : ''
  }${keys
    .map(
      ([k, size]) =>
        `<Contents><Key>${k}</Key><LastModified>2026-05-01T00:00:00Z</LastModified><ETag>"e"</ETag><Size>${size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join('')}</ListBucketResult>`;

function setup(prefix = '') {
  const openPrefix = vi.fn();
  const search = createBucketSearch({
    bucket: signal<string | null>('b'),
    prefix: signal(prefix),
    at: async () => ({ profile: minio, signer: plainSigner }),
    openPrefix,
  });
  return { search, openPrefix };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('bucket search model', () => {
  test('refused filters name their field and send nothing', async () => {
    const { seen } = stubFetch();
    const { search } = setup();
    search.minSize.value = 'big';
    await search.run();
    expect(search.problem.value).toBe('minSize');
    search.minSize.value = '2 MB';
    search.maxSize.value = '1 MB';
    await search.run();
    expect(search.problem.value).toBe('sizeRange');
    search.maxSize.value = '';
    search.after.value = '2026-02-01';
    search.before.value = '2026-01-01';
    await search.run();
    expect(search.problem.value).toBe('dateRange');
    expect(seen).toEqual([]);
  });

  test('matches stream in page by page; the count covers every key; under the open folder on request', async () => {
    const { seen, answers } = stubFetch();
    const { search } = setup('logs/');
    answers.push(
      {
        status: 200,
        body: page(
          [
            ['logs/a.log', 10],
            ['logs/b.txt', 10],
          ],
          'T1',
        ),
      },
      {
        status: 200,
        body: page([
          ['logs/x/c.LOG', 5000],
          ['logs/x/', 0],
        ]),
      },
    );
    search.pattern.value = '*.log';
    search.underPrefix.value = true;
    search.minSize.value = '5';
    await search.run();
    expect(search.results.value.map((o) => o.key)).toEqual(['logs/a.log', 'logs/x/c.LOG']);
    expect(search.scanned.value).toBe(4);
    expect(search.finished.value).toBe('done');
    expect(search.running.value).toBe(false);
    const first = new URL(seen[0]?.url ?? '');
    expect(first.searchParams.get('prefix')).toBe('logs/');
    expect(first.searchParams.has('delimiter')).toBe(false);
    expect(new URL(seen[1]?.url ?? '').searchParams.get('continuation-token')).toBe('T1');
  });

  test('Cancel stops the listing and keeps what was found', async () => {
    const { answers } = stubFetch();
    const { search } = setup();
    answers.push({ status: 200, body: page([['a.log', 1]], 'T1') });
    // The second page never comes before the Cancel: fetch sees the aborted signal.
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const next = answers.shift();
      if (next && !(next instanceof Error))
        return new Response(next.body ?? '', { status: next.status });
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    });
    const running = search.run();
    await vi.waitFor(() => expect(search.scanned.value).toBe(1));
    search.cancel();
    await running;
    expect(search.finished.value).toBe('cancelled');
    expect(search.error.value).toBeNull();
    expect(search.results.value.map((o) => o.key)).toEqual(['a.log']);
  });

  test('a match opens its folder with it selected, and the search closes', () => {
    const { search, openPrefix } = setup();
    search.open();
    search.openMatch('reports/q1/2026-02.csv');
    expect(openPrefix).toHaveBeenCalledWith('reports/q1/', ['reports/q1/2026-02.csv']);
    expect(search.active.value).toBe(false);
    search.openMatch('top.csv');
    expect(openPrefix).toHaveBeenLastCalledWith('', ['top.csv']);
  });
});
