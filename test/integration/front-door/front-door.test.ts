// Tests of the test infrastructure itself: the Eucalyptus-shaped front door, driven by clients
// that share no code with it or with src/ (smithy's signer, and SigV2 written out below).

import { createHash, createHmac } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';

const KEY = 'AKIAFRONTDOORTEST01';
const SECRET = 'front+door/secret=0123456789abcdefABCDEF';
const OTHER_KEY = 'AKIAFRONTDOORTEST02';
const OTHER_SECRET = 'another-secret';
const EC2 = '/services/Eucalyptus';
const WALRUS = '/services/Walrus';

let moto: Moto;
let door: FrontDoor;

beforeAll(async () => {
  moto = await startMoto();
  door = await startFrontDoor({
    motoUrl: moto.url,
    credentials: [
      { accessKeyId: KEY, secretAccessKey: SECRET },
      { accessKeyId: OTHER_KEY, secretAccessKey: OTHER_SECRET, accountId: '111122223333' },
    ],
  });
});

afterAll(async () => {
  await door?.stop();
  await moto?.stop();
});

beforeEach(() => {
  door.setClockOffset(0);
});

// RFC 3986, written independently of the front door's helper.
const enc = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const hostHeader = (): string => `127.0.0.1:${door.port}`;

interface V4Options {
  service: 'ec2' | 's3';
  method: string;
  /** Already percent-encoded, as it goes on the wire. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Uint8Array<ArrayBuffer> | string;
  secret?: string;
  accessKeyId?: string;
  region?: string;
  signingDate?: Date;
  /** Path to sign when it should differ from the one sent. */
  signedPath?: string;
  signedHost?: string;
}

async function v4(options: V4Options): Promise<Response> {
  const signer = new SignatureV4({
    service: options.service,
    region: options.region ?? 'eucalyptus',
    credentials: {
      accessKeyId: options.accessKeyId ?? KEY,
      secretAccessKey: options.secret ?? SECRET,
    },
    sha256: Sha256,
    uriEscapePath: options.service !== 's3',
    applyChecksum: options.service === 's3',
  });
  const signed = await signer.sign(
    {
      method: options.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: door.port,
      path: options.signedPath ?? options.path,
      query: options.query ?? {},
      headers: { host: options.signedHost ?? hostHeader(), ...options.headers },
      body: options.body,
    },
    { signingDate: options.signingDate ?? new Date() },
  );
  const { host: _host, ...headers } = signed.headers;
  return fetch(`${door.url}${options.path}${queryString(options.query)}`, {
    method: options.method,
    headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
}

function queryString(query: Record<string, string> | undefined): string {
  const entries = Object.entries(query ?? {});
  if (entries.length === 0) return '';
  return `?${entries.map(([k, v]) => (v === '' ? enc(k) : `${enc(k)}=${enc(v)}`)).join('&')}`;
}

async function presignV4(path: string, expiresIn: number, signingDate = new Date()) {
  const signer = new SignatureV4({
    service: 's3',
    region: 'eucalyptus',
    credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
    sha256: Sha256,
    uriEscapePath: false,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: door.port,
      path,
      query: {},
      headers: { host: hostHeader(), 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    },
    // Hoisted into the query, as the AWS SDK's S3 presigner does.
    { expiresIn, signingDate },
  );
  const query = Object.entries(presigned.query ?? {})
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');
  return `${door.url}${path}?${query}`;
}

interface Ec2V2Options {
  method?: 'GET' | 'POST';
  algorithm?: 'HmacSHA256' | 'HmacSHA1';
  secret?: string;
  timestamp?: Date;
  signedHost?: string;
  path?: string;
}

/** EC2 Query SigV2 by hand: METHOD \n host \n path \n sorted RFC 3986 query. */
function ec2V2(params: Record<string, string>, options: Ec2V2Options = {}): Promise<Response> {
  const method = options.method ?? 'POST';
  const algorithm = options.algorithm ?? 'HmacSHA256';
  const path = options.path ?? EC2;
  const all: Record<string, string> = {
    ...params,
    AWSAccessKeyId: KEY,
    SignatureVersion: '2',
    SignatureMethod: algorithm,
    Timestamp: (options.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const canonical = Object.keys(all)
    .sort()
    .map((k) => `${enc(k)}=${enc(all[k] ?? '')}`)
    .join('&');
  const stringToSign = [method, options.signedHost ?? hostHeader(), path, canonical].join('\n');
  const signature = createHmac(
    algorithm === 'HmacSHA256' ? 'sha256' : 'sha1',
    options.secret ?? SECRET,
  )
    .update(stringToSign)
    .digest('base64');
  const query = `${canonical}&Signature=${enc(signature)}`;
  return method === 'GET'
    ? fetch(`${door.url}${path}?${query}`)
    : fetch(`${door.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: query,
      });
}

interface S3V2Options {
  contentType?: string;
  amz?: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
  secret?: string;
  /** The signed resource (path plus sub-resources) when it should differ from the path sent. */
  resource?: string;
  query?: string;
}

/** S3 REST SigV2 by hand, with x-amz-date (so the Date line is empty). */
function s3V2(method: string, path: string, options: S3V2Options = {}): Promise<Response> {
  const amz: Record<string, string> = { 'x-amz-date': new Date().toUTCString(), ...options.amz };
  const amzLines = Object.keys(amz)
    .sort()
    .map((name) => `${name}:${amz[name]}\n`)
    .join('');
  const stringToSign = `${method}\n\n${options.contentType ?? ''}\n\n${amzLines}${options.resource ?? path}`;
  const signature = createHmac('sha1', options.secret ?? SECRET)
    .update(stringToSign)
    .digest('base64');
  const headers: Record<string, string> = { ...amz, authorization: `AWS ${KEY}:${signature}` };
  if (options.contentType) headers['content-type'] = options.contentType;
  return fetch(`${door.url}${path}${options.query ?? ''}`, {
    method,
    headers,
    ...(options.body ? { body: options.body } : {}),
  });
}

const sha256Hex = (data: Uint8Array | string): string =>
  createHash('sha256').update(data).digest('hex');

const element = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];

const lastLog = () => door.requests[door.requests.length - 1];

const ec2Form = (action: string, extra = ''): string =>
  `Action=${action}&Version=2013-02-01${extra}`;

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('front door: accepted requests reach moto', () => {
  it('EC2 DescribeAvailabilityZones signed with SigV4 over /services/Eucalyptus', async () => {
    const response = await v4({
      service: 'ec2',
      method: 'POST',
      path: EC2,
      headers: formHeaders,
      body: ec2Form('DescribeAvailabilityZones'),
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(element(text, 'zoneName')).toMatch(/^us-east-1[a-z]$/);
    expect(lastLog()).toMatchObject({
      method: 'POST',
      path: EC2,
      service: 'ec2',
      sigVersion: 4,
      ok: true,
      status: 200,
      action: 'DescribeAvailabilityZones',
      accessKeyId: KEY,
    });
  });

  it('EC2 DescribeRegions over the newer /services/compute path', async () => {
    const response = await v4({
      service: 'ec2',
      method: 'POST',
      path: '/services/compute',
      headers: formHeaders,
      body: ec2Form('DescribeRegions'),
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(text).toContain('<regionName>');
  });

  it('S3 CreateBucket, PutObject, ListBuckets and GetObject with SigV4 over /services/Walrus', async () => {
    const create = await v4({ service: 's3', method: 'PUT', path: `${WALRUS}/v4-bucket` });
    expect(create.status, await create.text()).toBe(200);

    const content = new TextEncoder().encode('hello from the front door\n');
    const put = await v4({
      service: 's3',
      method: 'PUT',
      path: `${WALRUS}/v4-bucket/dir/hello%20world%21.txt`,
      headers: { 'content-type': 'text/plain', 'x-amz-meta-note': 'kept' },
      body: content,
    });
    expect(put.status, await put.text()).toBe(200);
    expect(lastLog()).toMatchObject({ service: 's3', sigVersion: 4, ok: true });

    const list = await v4({ service: 's3', method: 'GET', path: WALRUS });
    const listing = await list.text();
    expect(list.status, listing).toBe(200);
    expect(listing).toContain('<Name>v4-bucket</Name>');

    // The same object through the newer object-storage path.
    const get = await v4({
      service: 's3',
      method: 'GET',
      path: '/services/objectstorage/v4-bucket/dir/hello%20world%21.txt',
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('x-amz-meta-note')).toBe('kept');
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(content);
  });

  it('EC2 SigV2: POST form with HmacSHA256 and GET query with HmacSHA1', async () => {
    const post = await ec2V2({ Action: 'DescribeAvailabilityZones', Version: '2013-02-01' });
    const text = await post.text();
    expect(post.status, text).toBe(200);
    expect(text).toContain('<zoneName>');
    expect(lastLog()).toMatchObject({
      sigVersion: 2,
      ok: true,
      action: 'DescribeAvailabilityZones',
    });

    const get = await ec2V2(
      { Action: 'DescribeRegions', Version: '2013-02-01' },
      { method: 'GET', algorithm: 'HmacSHA1' },
    );
    expect(get.status, await get.text()).toBe(200);
  });

  it('S3 SigV2: PUT and GET an object, and GET ?acl (a signed sub-resource)', async () => {
    const bucket = await s3V2('PUT', `${WALRUS}/v2-bucket`);
    expect(bucket.status, await bucket.text()).toBe(200);

    const body = new TextEncoder().encode('signed the old way');
    const put = await s3V2('PUT', `${WALRUS}/v2-bucket/a%20b.txt`, {
      contentType: 'text/plain',
      amz: { 'x-amz-meta-colour': 'green' },
      body,
    });
    expect(put.status, await put.text()).toBe(200);
    expect(lastLog()).toMatchObject({ sigVersion: 2, ok: true, presigned: false });

    const get = await s3V2('GET', `${WALRUS}/v2-bucket/a%20b.txt`);
    expect(await get.text()).toBe('signed the old way');

    const acl = await s3V2('GET', `${WALRUS}/v2-bucket/a%20b.txt`, {
      resource: `${WALRUS}/v2-bucket/a%20b.txt?acl`,
      query: '?acl',
    });
    const aclText = await acl.text();
    expect(acl.status, aclText).toBe(200);
    expect(aclText).toContain('AccessControlPolicy');
  });

  it('presigned GETs (SigV4 and SigV2) work until they expire by the server clock', async () => {
    await v4({ service: 's3', method: 'PUT', path: `${WALRUS}/presign-bucket` });
    await v4({
      service: 's3',
      method: 'PUT',
      path: `${WALRUS}/presign-bucket/shared.txt`,
      body: 'shared',
    });

    const v4Url = await presignV4(`${WALRUS}/presign-bucket/shared.txt`, 60);
    const v4Get = await fetch(v4Url);
    expect(v4Get.status).toBe(200);
    expect(await v4Get.text()).toBe('shared');
    expect(lastLog()).toMatchObject({ sigVersion: 4, presigned: true, ok: true });

    const expires = String(Math.floor(Date.now() / 1000) + 60);
    const resource = `${WALRUS}/presign-bucket/shared.txt`;
    const signature = createHmac('sha1', SECRET)
      .update(`GET\n\n\n${expires}\n${resource}`)
      .digest('base64');
    const v2Url = `${door.url}${resource}?AWSAccessKeyId=${KEY}&Expires=${expires}&Signature=${enc(signature)}`;
    const v2Get = await fetch(v2Url);
    expect(v2Get.status).toBe(200);
    expect(await v2Get.text()).toBe('shared');

    door.setClockOffset(120_000);
    for (const url of [v4Url, v2Url]) {
      const expired = await fetch(url);
      const text = await expired.text();
      expect(expired.status).toBe(403);
      expect(element(text, 'Code')).toBe('AccessDenied');
      expect(element(text, 'Message')).toBe('Request has expired');
    }
  });

  it('streams a large UNSIGNED-PAYLOAD upload and a large hex-hashed one', async () => {
    await v4({ service: 's3', method: 'PUT', path: `${WALRUS}/big-bucket` });
    const big = new Uint8Array(24 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;

    const unsigned = await v4({
      service: 's3',
      method: 'PUT',
      path: `${WALRUS}/big-bucket/unsigned.bin`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      body: big,
    });
    expect(unsigned.status, await unsigned.text()).toBe(200);

    const hashed = await v4({
      service: 's3',
      method: 'PUT',
      path: `${WALRUS}/big-bucket/hashed.bin`,
      body: big,
    });
    expect(hashed.status, await hashed.text()).toBe(200);

    const head = await v4({
      service: 's3',
      method: 'HEAD',
      path: `${WALRUS}/big-bucket/hashed.bin`,
    });
    expect(head.headers.get('content-length')).toBe(String(big.length));
  });
});

describe('front door: accounts', () => {
  it('a credential with its own accountId is a separate moto account', async () => {
    await v4({ service: 's3', method: 'PUT', path: `${WALRUS}/first-account-bucket` });
    const other = await v4({
      service: 's3',
      method: 'GET',
      path: WALRUS,
      accessKeyId: OTHER_KEY,
      secret: OTHER_SECRET,
    });
    const text = await other.text();
    expect(other.status, text).toBe(200);
    expect(text).not.toContain('first-account-bucket');
    expect(lastLog()).toMatchObject({ accessKeyId: OTHER_KEY, ok: true });
  });
});

describe('front door: refusals', () => {
  it('a wrong secret is SignatureDoesNotMatch for EC2 and S3, SigV4 and SigV2', async () => {
    const ec2v4 = await v4({
      service: 'ec2',
      method: 'POST',
      path: EC2,
      headers: formHeaders,
      body: ec2Form('DescribeAvailabilityZones'),
      secret: 'not-the-secret',
    });
    const ec2v4Text = await ec2v4.text();
    expect(ec2v4.status).toBe(403);
    expect(ec2v4Text).toMatch(
      /^<\?xml[^>]*>\s*<Response><Errors><Error><Code>SignatureDoesNotMatch<\/Code><Message>[^<]+<\/Message><\/Error><\/Errors><RequestID>[^<]+<\/RequestID><\/Response>$/,
    );
    expect(lastLog()).toMatchObject({ sigVersion: 4, ok: false, error: 'SignatureDoesNotMatch' });
    expect(lastLog()?.detail).toContain('/services/Eucalyptus');

    const ec2v2 = await ec2V2(
      { Action: 'DescribeRegions', Version: '2013-02-01' },
      { secret: 'nope' },
    );
    expect(ec2v2.status).toBe(403);
    expect(element(await ec2v2.text(), 'Code')).toBe('SignatureDoesNotMatch');

    const s3v4 = await v4({ service: 's3', method: 'GET', path: WALRUS, secret: 'nope' });
    const s3v4Text = await s3v4.text();
    expect(s3v4.status).toBe(403);
    expect(element(s3v4Text, 'Code')).toBe('SignatureDoesNotMatch');
    expect(element(s3v4Text, 'CanonicalRequest')).toContain('/services/Walrus');
    expect(s3v4Text).toMatch(/<RequestId>[^<]+<\/RequestId><\/Error>$/);

    const s3v2 = await s3V2('GET', `${WALRUS}/`, { secret: 'nope' });
    const s3v2Text = await s3v2.text();
    expect(s3v2.status).toBe(403);
    expect(element(s3v2Text, 'Code')).toBe('SignatureDoesNotMatch');
    expect(element(s3v2Text, 'StringToSign')).toMatch(/\/services\/Walrus\/$/);
  });

  it('an unknown access key is AuthFailure (EC2, 401) or InvalidAccessKeyId (S3, 403)', async () => {
    const ec2 = await v4({
      service: 'ec2',
      method: 'POST',
      path: EC2,
      headers: formHeaders,
      body: ec2Form('DescribeRegions'),
      accessKeyId: 'AKIAUNKNOWN',
    });
    const ec2Text = await ec2.text();
    expect(ec2.status).toBe(401);
    expect(element(ec2Text, 'Code')).toBe('AuthFailure');
    expect(element(ec2Text, 'Message')).toBe(
      'AWS was not able to validate the provided access credentials',
    );

    const s3 = await v4({ service: 's3', method: 'GET', path: WALRUS, accessKeyId: 'AKIAUNKNOWN' });
    expect(s3.status).toBe(403);
    expect(element(await s3.text(), 'Code')).toBe('InvalidAccessKeyId');
  });

  it('the signature must cover the service path and the Host port as sent', async () => {
    const withoutServicePath = await v4({
      service: 's3',
      method: 'GET',
      path: `${WALRUS}/v4-bucket`,
      signedPath: '/v4-bucket',
    });
    expect(withoutServicePath.status).toBe(403);
    expect(element(await withoutServicePath.text(), 'Code')).toBe('SignatureDoesNotMatch');

    const withoutPort = await v4({
      service: 's3',
      method: 'GET',
      path: WALRUS,
      signedHost: '127.0.0.1',
    });
    expect(withoutPort.status).toBe(403);

    const v2WithoutPort = await ec2V2(
      { Action: 'DescribeRegions', Version: '2013-02-01' },
      { signedHost: '127.0.0.1' },
    );
    expect(v2WithoutPort.status).toBe(403);
  });

  it('a credential scoped to another region is refused', async () => {
    const ec2 = await v4({
      service: 'ec2',
      method: 'POST',
      path: EC2,
      headers: formHeaders,
      body: ec2Form('DescribeRegions'),
      region: 'us-east-1',
    });
    expect(ec2.status).toBe(403);
    expect(element(await ec2.text(), 'Message')).toContain("not 'us-east-1'");

    const s3 = await v4({ service: 's3', method: 'GET', path: WALRUS, region: 'us-east-1' });
    expect(s3.status).toBe(400);
    expect(element(await s3.text(), 'Code')).toBe('AuthorizationHeaderMalformed');
  });

  it('a body that does not match x-amz-content-sha256 never reaches moto', async () => {
    await v4({ service: 's3', method: 'PUT', path: `${WALRUS}/hash-bucket` });
    for (const size of [1024, 12 * 1024 * 1024]) {
      const body = new Uint8Array(size).fill(7);
      const response = await v4({
        service: 's3',
        method: 'PUT',
        path: `${WALRUS}/hash-bucket/bad-${size}.bin`,
        headers: { 'x-amz-content-sha256': sha256Hex('something else') },
        body,
      });
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(element(text, 'Code')).toBe('XAmzContentSHA256Mismatch');
      const head = await v4({
        service: 's3',
        method: 'HEAD',
        path: `${WALRUS}/hash-bucket/bad-${size}.bin`,
      });
      expect(head.status).toBe(404);
    }
  });

  it('unsigned requests are refused; an unknown path is a servlet-style 404 page', async () => {
    const ec2 = await fetch(`${door.url}${EC2}`, {
      method: 'POST',
      headers: formHeaders,
      body: ec2Form('DescribeRegions'),
    });
    expect(ec2.status).toBe(403);
    expect(element(await ec2.text(), 'Code')).toBe('MissingAuthenticationToken');

    const s3 = await fetch(`${door.url}${WALRUS}/`);
    expect(s3.status).toBe(403);
    expect(element(await s3.text(), 'Code')).toBe('AccessDenied');

    for (const path of ['/services/Nothing', '/v4-bucket', '/services/Eucalyptus/extra', '/']) {
      const response = await v4({ service: 's3', method: 'GET', path });
      const html = await response.text();
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html).toContain('HTTP ERROR 404');
      expect(lastLog()).toMatchObject({ service: null, ok: false, status: 404 });
    }
  });
});

describe('front door: the server clock', () => {
  it('sends its shifted clock in the Date header of every response', async () => {
    door.setClockOffset(120_000);
    const ok = await v4({
      service: 's3',
      method: 'GET',
      path: WALRUS,
      signingDate: new Date(door.now()),
    });
    const refused = await fetch(`${door.url}/nowhere`);
    for (const response of [ok, refused]) {
      const date = Date.parse(response.headers.get('date') ?? '');
      expect(Math.abs(date - (Date.now() + 120_000))).toBeLessThan(5_000);
    }
    expect(ok.status).toBe(200);
  });

  it('refuses EC2 requests signed 2 minutes off with RequestExpired (Eucalyptus wording)', async () => {
    door.setClockOffset(120_000);
    const late = await v4({
      service: 'ec2',
      method: 'POST',
      path: EC2,
      headers: formHeaders,
      body: ec2Form('DescribeRegions'),
    });
    const lateText = await late.text();
    expect(late.status).toBe(400);
    expect(element(lateText, 'Code')).toBe('RequestExpired');
    expect(element(lateText, 'Message')).toMatch(
      /^Message has expired \(times in UTC\): Timestamp=/,
    );
    expect(late.headers.get('date')).toBeTruthy();

    const lateV2 = await ec2V2({ Action: 'DescribeRegions', Version: '2013-02-01' });
    expect(lateV2.status).toBe(400);
    expect(element(await lateV2.text(), 'Code')).toBe('RequestExpired');

    door.setClockOffset(-120_000);
    const early = await v4({
      service: 'ec2',
      method: 'POST',
      path: EC2,
      headers: formHeaders,
      body: ec2Form('DescribeRegions'),
    });
    expect(early.status).toBe(400);
    expect(element(await early.text(), 'Message')).toMatch(
      /^Message was generated in the future \(times in UTC\): Timestamp=/,
    );

    // A client that corrects its clock from the Date header gets through.
    const corrected = await v4({
      service: 'ec2',
      method: 'POST',
      path: EC2,
      headers: formHeaders,
      body: ec2Form('DescribeRegions'),
      signingDate: new Date(Date.parse(early.headers.get('date') ?? '')),
    });
    expect(corrected.status, await corrected.text()).toBe(200);
  });

  it('refuses S3 requests signed 2 minutes off with RequestTimeTooSkewed', async () => {
    door.setClockOffset(120_000);
    const v4Response = await v4({ service: 's3', method: 'GET', path: WALRUS });
    const text = await v4Response.text();
    expect(v4Response.status).toBe(403);
    expect(element(text, 'Code')).toBe('RequestTimeTooSkewed');
    expect(element(text, 'RequestTime')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(Date.parse(element(text, 'ServerTime') ?? '')).toBeGreaterThan(Date.now() + 100_000);

    const v2Response = await s3V2('GET', `${WALRUS}/`);
    expect(v2Response.status).toBe(403);
    expect(element(await v2Response.text(), 'Code')).toBe('RequestTimeTooSkewed');

    // Within the 20 s tolerance is fine.
    door.setClockOffset(15_000);
    const near = await v4({ service: 's3', method: 'GET', path: WALRUS });
    expect(near.status).toBe(200);
  });
});

describe('front door: the request log', () => {
  it('never holds a secret', () => {
    expect(door.requests.length).toBeGreaterThan(10);
    expect(JSON.stringify(door.requests)).not.toContain(SECRET);
  });

  it('moto.reset() forgets buckets', async () => {
    await moto.reset();
    const list = await v4({ service: 's3', method: 'GET', path: WALRUS });
    expect(await list.text()).not.toContain('<Name>');
  });
});
