// A tiny stand-in for old Walrus (Eucalyptus before 4.4) at /services/Walrus: it ignores
// list-type=2 and encoding-type and answers ListObjects v1 with Marker and IsTruncated but no
// NextMarker, escapes control characters in keys as numeric character references, and refuses
// DeleteObjects (POST ?delete) with 501 NotImplemented. Signatures are not checked here (the front
// door does that); every request is logged.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OldWalrusRequest {
  method: string;
  bucket: string;
  key: string;
  query: URLSearchParams;
}

export interface OldWalrus {
  port: number;
  buckets: Map<string, Map<string, string>>;
  requests: OldWalrusRequest[];
  /** Misbehave: answer every listing from the start, whatever the marker. */
  ignoreMarker: boolean;
  stop(): Promise<void>;
}

export const WALRUS_PATH = '/services/Walrus';

export async function startOldWalrus(): Promise<OldWalrus> {
  const state: Omit<OldWalrus, 'port' | 'stop'> = {
    buckets: new Map(),
    requests: [],
    ignoreMarker: false,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://walrus');
    const body = await readBody(req);
    if (!url.pathname.startsWith(`${WALRUS_PATH}/`)) return reply(res, 404, '');
    const [bucket = '', ...rest] = url.pathname
      .slice(WALRUS_PATH.length + 1)
      .split('/')
      .map(decodeURIComponent);
    const key = rest.join('/');
    const method = req.method ?? 'GET';
    state.requests.push({ method, bucket, key, query: url.searchParams });

    if (bucket === '') {
      const names = [...state.buckets.keys()]
        .map(
          (n) =>
            `<Bucket><Name>${n}</Name><CreationDate>2014-01-01T00:00:00.000Z</CreationDate></Bucket>`,
        )
        .join('');
      return reply(
        res,
        200,
        `<ListAllMyBucketsResult><Buckets>${names}</Buckets></ListAllMyBucketsResult>`,
      );
    }
    if (key === '' && method === 'PUT') {
      state.buckets.set(bucket, state.buckets.get(bucket) ?? new Map());
      return reply(res, 200, '');
    }
    const objects = state.buckets.get(bucket);
    if (!objects) return error(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (key === '' && method === 'POST' && url.searchParams.has('delete')) {
      return error(res, 501, 'NotImplemented', 'Multi-object delete is not implemented');
    }
    if (key === '' && method === 'GET')
      return reply(res, 200, listV1(objects, url.searchParams, state.ignoreMarker));
    if (key === '' && method === 'HEAD') return reply(res, 200, '');
    if (method === 'PUT') {
      objects.set(key, body);
      return reply(res, 200, '', { etag: '"d41d8cd98f00b204e9800998ecf8427e"' });
    }
    if (method === 'DELETE') {
      objects.delete(key);
      return reply(res, 204, '');
    }
    if (method === 'GET' || method === 'HEAD') {
      const value = objects.get(key);
      if (value === undefined)
        return error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      return reply(res, 200, method === 'HEAD' ? '' : value, { 'content-type': 'text/plain' });
    }
    return error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

// Walrus's ListBucketResult: Marker echoed, IsTruncated, never NextMarker; rolled-up prefixes
// that sort at or before the marker are skipped, as S3 does.
function listV1(
  objects: Map<string, string>,
  query: URLSearchParams,
  ignoreMarker: boolean,
): string {
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const marker = ignoreMarker ? '' : (query.get('marker') ?? '');
  const maxKeys = Math.min(1000, Number(query.get('max-keys') ?? '1000'));
  const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > marker).sort(byUtf8);
  const contents: string[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  for (const key of keys) {
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const rolled = cut >= 0 ? key.slice(0, cut + delimiter.length) : undefined;
    if (rolled !== undefined && (rolled <= marker || prefixes.includes(rolled))) continue;
    if (contents.length + prefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (rolled !== undefined) prefixes.push(rolled);
    else contents.push(key);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Name>bucket</Name><Prefix>${escapeXml(prefix)}</Prefix><Marker>${escapeXml(marker)}</Marker>` +
    `<MaxKeys>${maxKeys}</MaxKeys>${delimiter ? `<Delimiter>${escapeXml(delimiter)}</Delimiter>` : ''}` +
    `<IsTruncated>${truncated}</IsTruncated>` +
    contents
      .map(
        (key) =>
          `<Contents><Key>${escapeXml(key)}</Key><LastModified>2014-01-01T00:00:00.000Z</LastModified>` +
          `<ETag>&quot;d41d8cd98f00b204e9800998ecf8427e&quot;</ETag><Size>${Buffer.byteLength(objects.get(key) ?? '')}</Size>` +
          '<StorageClass>STANDARD</StorageClass></Contents>',
      )
      .join('') +
    prefixes
      .map((p) => `<CommonPrefixes><Prefix>${escapeXml(p)}</Prefix></CommonPrefixes>`)
      .join('') +
    '</ListBucketResult>'
  );
}

function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

// As Java's XML writers do: the markup characters by name, control characters by number.
function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  return text.replace(/[&<>"'\u0000-\u001f]/g, (c) => {
    const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
    return named[c] ?? `&#${c.charCodeAt(0)};`;
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    date: new Date().toUTCString(),
    ...headers,
  });
  res.end(body);
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  reply(
    res,
    status,
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>walrus-1</RequestId></Error>`,
  );
}
