// A Eucalyptus-shaped cloud controller for integration tests: EC2 at /services/Eucalyptus and S3 at
// /services/Walrus on one loopback port. It checks every signature over the path and Host as
// received, with an independent implementation, keeps its own (shiftable) clock, and forwards what
// it accepts to moto re-signed. Nothing here imports from src/.

import { createHash, randomUUID } from 'node:crypto';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import { euareAccounts } from './front-door-euare';
import {
  answerPasswordLogin,
  isPasswordRequest,
  type PasswordLoginOptions,
} from './front-door-login';
import {
  checkSessionToken,
  type FrontDoorCredential,
  FrontDoorError,
  isQueryService,
  lastValue,
  parseQuery,
  type ReceivedRequest,
  rfc3986,
  type Service,
  type Verified,
  type VerifyContext,
} from './front-door-request';
import { isEc2V2, isS3V2Header, isS3V2Query, verifyEc2V2, verifyS3V2 } from './front-door-sigv2';
import { isV4Header, isV4Query, signForMoto, verifySigV4 } from './front-door-sigv4';

export type { PasswordLoginOptions, PasswordLoginUser } from './front-door-login';
export type { FrontDoorCredential } from './front-door-request';

export interface FrontDoorOptions {
  /** moto's base URL, e.g. from startMoto(). */
  motoUrl: string;
  credentials: FrontDoorCredential[];
  /** The region clients must put in their SigV4 credential scope. Default 'eucalyptus'. */
  region?: string;
  /** The AWS region moto serves for this cloud. Default: `region` if it looks like one, else us-east-1. */
  motoRegion?: string;
  ec2Paths?: string[];
  s3Paths?: string[];
  /** CloudWatch (SigV4 service `monitoring`). Default ['/services/CloudWatch']. */
  cloudwatchPaths?: string[];
  /** Euare, Eucalyptus' IAM (SigV4 service `iam`). Default ['/services/Euare']. */
  euarePaths?: string[];
  /** Tokens, Eucalyptus' STS (SigV4 service `sts`). Default ['/services/Tokens']. */
  tokensPaths?: string[];
  /**
   * Eucalyptus password sign-in at the Tokens path (GetAccessToken with a Basic header), which
   * moto lacks: the users it knows, and optionally a fixed session length.
   */
  passwordLogin?: PasswordLoginOptions;
  /** Allowed distance between a request's signing time and the server clock. Default 20 (Eucalyptus). */
  maxSkewSeconds?: number;
  /**
   * Answers a verified EC2 request itself instead of forwarding it (throttling, a Eucalyptus-only
   * action, a verbose zone listing): return the status and XML body, or undefined to forward.
   */
  ec2Answer?: (
    action: string,
    params: Array<[string, string]>,
  ) => { status: number; body: string } | undefined;
  /**
   * Answers a verified CloudWatch, Euare or Tokens request itself (an action moto lacks, a
   * Eucalyptus-only answer): status and XML, or undefined to forward to moto.
   */
  queryAnswer?: (
    service: 'monitoring' | 'iam' | 'sts',
    action: string,
    params: Array<[string, string]>,
    caller: FrontDoorCredential,
  ) => { status: number; body: string } | undefined;
  /** Answers Eucalyptus' account actions (ListAccounts, CreateAccount, DelegateAccount keys). */
  euareAccounts?: boolean;
  /** Rewrites a verified EC2 request's parameters on the way to moto (to answer as AWS would). */
  ec2Forward?: (action: string, params: Array<[string, string]>) => Array<[string, string]>;
  /** Rewrites moto's EC2 response body (e.g. to keep new instances pending for a while). */
  ec2Rewrite?: (action: string, body: string) => string;
  /** Answers a verified S3 request itself (a part that fails once): status and XML, or undefined. */
  s3Answer?: (method: string, rawQuery: string) => { status: number; body: string } | undefined;
  /** Holds a verified S3 request until the promise settles (an upload to cancel midway). */
  s3Hold?: (method: string, rawQuery: string) => Promise<void> | undefined;
}

/** One request as the front door saw it; no secrets, no signatures. */
export interface FrontDoorRequestLog {
  method: string;
  /** Path as received, without the query. */
  path: string;
  service: Service | null;
  /** null when the request carried no recognisable signature (or hit no service path). */
  sigVersion: 2 | 4 | null;
  presigned: boolean;
  accessKeyId?: string;
  /** EC2 Action parameter. */
  action?: string;
  /** True when the signature and clock checks passed and the request went on to moto. */
  // A later failure talking to moto keeps ok true and sets error (InternalError, 502).
  ok: boolean;
  /** Final HTTP status sent to the client (moto's, when forwarded). 0 while in flight. */
  status: number;
  /** Error code the front door answered with, e.g. SignatureDoesNotMatch. */
  error?: string;
  /** For signature mismatches: the canonical request and string to sign the front door expected. */
  detail?: string;
}

export interface FrontDoor {
  url: string;
  port: number;
  /** Shifts the server clock: its time is real time + ms. */
  setClockOffset(ms: number): void;
  /** The server clock, in epoch milliseconds. */
  now(): number;
  readonly requests: FrontDoorRequestLog[];
  /**
   * Accepts another key from now on: temporary keys (with their session token and expiry) or
   * keys made by a test. Keys in Tokens / STS / IAM CreateAccessKey answers are learned by itself.
   */
  addCredential(credential: FrontDoorCredential): void;
  /** Password sign-ins from now on last this long (undefined: as asked). */
  setLoginLifetime(seconds: number | undefined): void;
  stop(): Promise<void>;
}

const EC2_BODY_LIMIT = 10 * 1024 * 1024;

// Not forwarded: hop-by-hop headers, the client's signature and anything the re-signing replaces.
const REQUEST_HEADERS_NOT_FORWARDED = new Set([
  'authorization',
  'connection',
  'content-length',
  'date',
  'expect',
  'host',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // moto reads a region from "region/xx-yyyy-n" in the User-Agent ahead of the credential scope.
  'user-agent',
  'x-amz-content-sha256',
  'x-amz-date',
  'x-amz-security-token',
  'x-moto-account-id',
]);

const RESPONSE_HEADERS_NOT_FORWARDED = new Set([
  'connection',
  'date',
  'keep-alive',
  'server',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export async function startFrontDoor(options: FrontDoorOptions): Promise<FrontDoor> {
  const region = options.region ?? 'eucalyptus';
  const motoRegion =
    options.motoRegion ?? (/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region) ? region : 'us-east-1');
  const ec2Paths = options.ec2Paths ?? ['/services/Eucalyptus', '/services/compute'];
  const s3Paths = options.s3Paths ?? ['/services/Walrus', '/services/objectstorage'];
  const queryPaths: Array<[string, 'monitoring' | 'iam' | 'sts']> = [
    ...(options.cloudwatchPaths ?? ['/services/CloudWatch']).map(
      (p) => [p, 'monitoring'] as [string, 'monitoring'],
    ),
    ...(options.euarePaths ?? ['/services/Euare']).map((p) => [p, 'iam'] as [string, 'iam']),
    ...(options.tokensPaths ?? ['/services/Tokens']).map((p) => [p, 'sts'] as [string, 'sts']),
  ];
  const maxSkewMs = (options.maxSkewSeconds ?? 20) * 1000;
  const login: PasswordLoginOptions | undefined = options.passwordLogin && {
    ...options.passwordLogin,
  };
  const credentials = new Map(options.credentials.map((c) => [c.accessKeyId, { ...c }]));
  const accounts = options.euareAccounts
    ? euareAccounts((c) => credentials.set(c.accessKeyId, { ...c }))
    : undefined;
  const moto = new URL(options.motoUrl);
  const agent = new Agent({ keepAlive: true });
  const requests: FrontDoorRequestLog[] = [];
  let offset = 0;
  const now = (): number => Date.now() + offset;

  const route = (rawPath: string): { service: Service; rest: string } | undefined => {
    for (const prefix of ec2Paths) {
      if (rawPath === prefix || rawPath === `${prefix}/`) return { service: 'ec2', rest: '/' };
    }
    for (const [prefix, service] of queryPaths) {
      if (rawPath === prefix || rawPath === `${prefix}/`) return { service, rest: '/' };
    }
    for (const prefix of s3Paths) {
      if (rawPath === prefix || rawPath.startsWith(`${prefix}/`)) {
        return { service: 's3', rest: rawPath.slice(prefix.length) || '/' };
      }
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const rawPath = q < 0 ? target : target.slice(0, q);
    const rawQuery = q < 0 ? '' : target.slice(q + 1);
    const method = req.method ?? 'GET';
    const where = route(rawPath);
    const entry: FrontDoorRequestLog = {
      method,
      path: rawPath,
      service: where?.service ?? null,
      sigVersion: null,
      presigned: false,
      ok: false,
      status: 0,
    };
    requests.push(entry);
    res.on('finish', () => {
      if (entry.status === 0) entry.status = res.statusCode;
    });

    if (!where) {
      req.resume();
      entry.error = 'NotFound';
      sendNotFound(res, rawPath, now());
      return;
    }
    const service = where.service;
    try {
      const headers = collectHeaders(req);
      const query = parseQuery(rawQuery);
      let body: Buffer | undefined;
      let params = query;
      if (isQueryService(service)) {
        body = await readBody(req, EC2_BODY_LIMIT);
        if ((headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          params = [...query, ...parseQuery(body.toString('utf8'))];
        }
        const action = lastValue(params, 'Action');
        if (action !== undefined) entry.action = action;
      }
      const received: ReceivedRequest = { service, method, rawPath, query, headers, body, params };
      if (service === 'sts' && isPasswordRequest(received)) {
        const answer = answerPasswordLogin(received, login, now(), requestId, (learned) =>
          credentials.set(learned.accessKeyId, learned),
        );
        entry.ok = answer.status === 200;
        entry.status = answer.status;
        if (!entry.ok) entry.error = answer.status === 401 ? 'Unauthorized' : 'LoginRefused';
        res.writeHead(answer.status, {
          'content-type': answer.contentType,
          'content-length': Buffer.byteLength(answer.body),
          date: httpDate(now()),
          ...answer.headers,
        });
        res.end(answer.body);
        return;
      }
      const ctx: VerifyContext = { credentials, region, now: now(), maxSkewMs };
      const check = chooseCheck(received);
      entry.sigVersion = check.sigVersion;
      const verified = await check.verify(received, ctx);
      entry.presigned = verified.presigned;
      entry.accessKeyId = verified.credential.accessKeyId;
      checkSessionToken(
        verified.credential,
        headers['x-amz-security-token'] ??
          lastValue(params, 'X-Amz-Security-Token') ??
          lastValue(params, 'SecurityToken'),
        now(),
      );
      entry.ok = true;
      const own =
        service === 'ec2'
          ? options.ec2Answer?.(entry.action ?? '', params)
          : service === 's3'
            ? options.s3Answer?.(method, rawQuery)
            : (accounts?.(service, entry.action ?? '', params, verified.credential) ??
              options.queryAnswer?.(service, entry.action ?? '', params, verified.credential));
      if (own && service === 's3') req.resume();
      if (!own && service === 's3') {
        await options.s3Hold?.(method, rawQuery);
        // The client gave up while held (a cancelled upload): nothing to forward.
        if (req.destroyed) {
          entry.error = 'ClientGone';
          return;
        }
      }
      if (own) {
        entry.status = own.status;
        res.writeHead(own.status, {
          'content-type': 'text/xml;charset=UTF-8',
          date: httpDate(now()),
        });
        res.end(own.body);
        return;
      }
      await forward({ req, res, received, verified, rest: where.rest, rawQuery, entry });
    } catch (error) {
      const refusal =
        error instanceof FrontDoorError
          ? error
          : new FrontDoorError(500, 'InternalError', `front door: ${String(error)}`);
      entry.error = refusal.code;
      if (refusal.detail !== undefined) entry.detail = refusal.detail;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      req.resume();
      entry.status = refusal.status;
      sendError(res, service, method, refusal, requestId, now());
    }
  };

  const forward = async (f: {
    req: IncomingMessage;
    res: ServerResponse;
    received: ReceivedRequest;
    verified: Verified;
    rest: string;
    rawQuery: string;
    entry: FrontDoorRequestLog;
  }): Promise<void> => {
    const { received, verified } = f;
    const dropped = verified.authParams;
    let path: string;
    let rawQueryOut: string;
    let query: Array<[string, string]>;
    let headers: Record<string, string>;
    let body: Buffer | undefined;
    let method = received.method;

    if (isQueryService(received.service)) {
      // moto gets one normal form POST, whether the client used GET or POST, V2 or V4.
      const verifiedParams = received.params.filter(
        ([key]) => !dropped.has(key) && key !== 'SecurityToken',
      );
      const params =
        options.ec2Forward && received.service === 'ec2'
          ? options.ec2Forward(f.entry.action ?? '', verifiedParams)
          : verifiedParams;
      body = Buffer.from(params.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&'));
      method = 'POST';
      path = '/';
      rawQueryOut = '';
      query = [];
      headers = {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'content-length': String(body.length),
      };
    } else {
      path = f.rest;
      rawQueryOut = f.rawQuery
        .split('&')
        .filter((part) => part !== '' && !dropped.has(parseQuery(part)[0]?.[0] ?? ''))
        .join('&');
      query = received.query.filter(([key]) => !dropped.has(key));
      headers = {};
      for (const [name, value] of Object.entries(received.headers)) {
        if (!REQUEST_HEADERS_NOT_FORWARDED.has(name) && !name.startsWith('proxy-')) {
          headers[name] = value;
        }
      }
      const length = received.headers['content-length'];
      if (length !== undefined) headers['content-length'] = length;
      // The body streams; it is never hashed again on the way to moto.
      headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    }
    if (verified.credential.accountId) {
      headers['x-moto-account-id'] = verified.credential.accountId;
    }
    const signedHeaders = await signForMoto({
      service: received.service,
      region: motoRegion,
      credential: verified.credential,
      method,
      host: moto.host,
      path,
      query,
      headers,
      ...(body ? { body } : {}),
    });

    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        upstream.destroy();
        reject(error);
      };
      const upstream = httpRequest({
        agent,
        host: moto.hostname,
        port: moto.port,
        method,
        path: `${path}${rawQueryOut ? `?${rawQueryOut}` : ''}`,
        headers: signedHeaders,
      });
      upstream.on('error', (error) =>
        fail(
          new FrontDoorError(
            502,
            'InternalError',
            `front door could not reach moto: ${error.message}`,
          ),
        ),
      );
      upstream.on('response', (answer) => {
        if (settled) {
          answer.resume();
          return;
        }
        settled = true;
        const out: OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !RESPONSE_HEADERS_NOT_FORWARDED.has(name)) out[name] = value;
        }
        out.date = httpDate(now());
        f.entry.status = answer.statusCode ?? 502;
        const ec2Rewrite = received.service === 'ec2' ? options.ec2Rewrite : undefined;
        // Keys in Tokens / STS and IAM answers become keys the front door accepts, as on a cloud.
        const learns = received.service === 'sts' || received.service === 'iam';
        const rewrite =
          ec2Rewrite ??
          (learns
            ? (_action: string, text: string) => {
                if ((answer.statusCode ?? 500) < 300) {
                  for (const learned of learnCredentials(text, verified.credential, now())) {
                    credentials.set(learned.accessKeyId, learned);
                  }
                }
                return text;
              }
            : undefined);
        if (rewrite) {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const text = rewrite(f.entry.action ?? '', Buffer.concat(chunks).toString('utf8'));
            delete out['content-length'];
            f.res.writeHead(answer.statusCode ?? 502, out);
            f.res.end(text);
            resolve();
          });
          return;
        }
        f.res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(f.res);
        answer.on('error', () => f.res.destroy());
        f.res.on('close', () => {
          if (!answer.complete) answer.destroy();
        });
        answer.on('end', () => resolve());
      });
      f.req.on('close', () => {
        if (!f.req.complete) fail(new FrontDoorError(400, 'IncompleteBody', 'client went away'));
      });

      if (body !== undefined) {
        upstream.end(body);
      } else if (verified.expectedSha256) {
        const checker = new Sha256Gate(verified.expectedSha256);
        checker.on('error', fail);
        f.req.pipe(checker).pipe(upstream);
      } else {
        f.req.pipe(upstream);
      }
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setClockOffset(ms: number) {
      offset = ms;
    },
    now,
    requests,
    addCredential(credential: FrontDoorCredential) {
      credentials.set(credential.accessKeyId, { ...credential });
    },
    setLoginLifetime(seconds: number | undefined) {
      if (!login) return;
      if (seconds === undefined) delete login.lifetimeSeconds;
      else login.lifetimeSeconds = seconds;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

type Check = {
  sigVersion: 2 | 4 | null;
  verify: (req: ReceivedRequest, ctx: VerifyContext) => Verified | Promise<Verified>;
};

function chooseCheck(req: ReceivedRequest): Check {
  if (isV4Header(req) || isV4Query(req)) return { sigVersion: 4, verify: verifySigV4 };
  if (isQueryService(req.service)) {
    if (isEc2V2(req)) return { sigVersion: 2, verify: verifyEc2V2 };
    return { sigVersion: null, verify: () => Promise.reject(unsigned(req)) };
  }
  if (isS3V2Header(req) || isS3V2Query(req)) return { sigVersion: 2, verify: verifyS3V2 };
  return { sigVersion: null, verify: () => Promise.reject(unsigned(req)) };
}

function unsigned(req: ReceivedRequest): FrontDoorError {
  if (isQueryService(req.service)) {
    return new FrontDoorError(
      403,
      'MissingAuthenticationToken',
      'The request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
    );
  }
  return req.headers.authorization !== undefined
    ? new FrontDoorError(400, 'InvalidArgument', 'Unsupported Authorization Type', [
        ['ArgumentName', 'Authorization'],
        ['ArgumentValue', req.headers.authorization.split(' ')[0] ?? ''],
      ])
    : new FrontDoorError(403, 'AccessDenied', 'Access Denied');
}

/**
 * Passes the body through while hashing it, and holds back the last chunk until the hash is
 * known: a body that does not match its x-amz-content-sha256 never reaches moto whole.
 */
class Sha256Gate extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | undefined;

  constructor(private readonly expected: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    if (this.held) this.push(this.held);
    this.held = chunk;
    done();
  }

  override _flush(done: TransformCallback): void {
    const actual = this.hash.digest('hex');
    if (actual !== this.expected) {
      done(
        new FrontDoorError(
          400,
          'XAmzContentSHA256Mismatch',
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
          [
            ['ClientComputedContentSHA256', this.expected],
            ['S3ComputedContentSHA256', actual],
          ],
        ),
      );
      return;
    }
    if (this.held) this.push(this.held);
    done();
  }
}

function collectHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values) headers[name] = values.join(',');
  }
  return headers;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new FrontDoorError(413, 'RequestEntityTooLarge', `Body larger than ${limit} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

// Text content only needs these three; quotes stay readable in messages.
function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}

function sendError(
  res: ServerResponse,
  service: Service,
  method: string,
  error: FrontDoorError,
  requestId: string,
  now: number,
): void {
  const code = escapeXml(error.code);
  const message = escapeXml(error.message);
  const body =
    service === 'ec2'
      ? '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors>` +
        `<RequestID>${requestId}</RequestID></Response>`
      : isQueryService(service)
        ? '<?xml version="1.0" encoding="UTF-8"?>\n' +
          `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message>` +
          `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`
        : '<?xml version="1.0" encoding="UTF-8"?>\n' +
          `<Error><Code>${code}</Code><Message>${message}</Message>` +
          error.extra.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('') +
          `<RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(error.status, {
    'content-type': isQueryService(service) ? 'text/xml;charset=UTF-8' : 'application/xml',
    'content-length': Buffer.byteLength(body),
    date: httpDate(now),
    'x-amz-request-id': requestId,
  });
  res.end(method === 'HEAD' ? undefined : body);
}

// What a Java servlet container answers for a path no service is mapped to, so a client can tell
// "wrong service path" from a cloud error.
function sendNotFound(res: ServerResponse, rawPath: string, now: number): void {
  const path = escapeXml(rawPath);
  const body =
    '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n' +
    '<title>Error 404 Not Found</title>\n</head>\n<body><h2>HTTP ERROR 404</h2>\n' +
    `<p>Problem accessing ${path}. Reason:\n<pre>    Not Found</pre></p>` +
    '<hr><i><small>Powered by Jetty://</small></i><hr/>\n</body>\n</html>\n';
  res.writeHead(404, {
    'content-type': 'text/html;charset=ISO-8859-1',
    'content-length': Buffer.byteLength(body),
    date: httpDate(now),
  });
  res.end(body);
}

/**
 * The keys an answer hands out: STS / Tokens <Credentials> (temporary: with their session token and
 * expiry) and IAM CreateAccessKey's <AccessKey> (long-lived). Both belong to the caller's account.
 */
function learnCredentials(
  xml: string,
  caller: FrontDoorCredential,
  now: number,
): FrontDoorCredential[] {
  const field = (block: string, name: string): string | undefined =>
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1]?.trim();
  const account = caller.accountId ? { accountId: caller.accountId } : {};
  const learned: FrontDoorCredential[] = [];
  for (const [, block = ''] of xml.matchAll(/<Credentials>([\s\S]*?)<\/Credentials>/g)) {
    const accessKeyId = field(block, 'AccessKeyId');
    const secretAccessKey = field(block, 'SecretAccessKey');
    const sessionToken = field(block, 'SessionToken');
    const expiration = Date.parse(field(block, 'Expiration') ?? '');
    if (!accessKeyId || !secretAccessKey || !sessionToken) continue;
    learned.push({
      accessKeyId,
      secretAccessKey,
      sessionToken,
      // moto's expiries follow the real clock; the front door's may be shifted: keep the length.
      expiresAt: Number.isFinite(expiration) ? now + (expiration - Date.now()) : now + 3_600_000,
      ...account,
    });
  }
  for (const [, block = ''] of xml.matchAll(/<AccessKey>([\s\S]*?)<\/AccessKey>/g)) {
    const accessKeyId = field(block, 'AccessKeyId');
    const secretAccessKey = field(block, 'SecretAccessKey');
    if (accessKeyId && secretAccessKey) learned.push({ accessKeyId, secretAccessKey, ...account });
  }
  return learned;
}
