// Shared pieces of the S3 unit tests: profiles, fixtures, a pass-through signer and a fetch stub
// that records requests and answers from a queue.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import type {
  AwsProfile,
  EucalyptusProfile,
  S3CompatibleProfile,
} from '../../../../src/cloud/profile';
import type { Signer } from '../../../../src/cloud/signer';

const DIR = fileURLToPath(new URL('../../../fixtures/s3/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${DIR}${name}`, 'utf8');
}

export const aws: AwsProfile = {
  id: 'aws',
  kind: 'aws',
  name: 'aws',
  accessKeyId: 'AKIDEXAMPLE',
  region: 'eu-west-1',
};

export const euca: EucalyptusProfile = {
  id: 'euca',
  kind: 'eucalyptus',
  name: 'euca',
  accessKeyId: 'AKIDEXAMPLE',
  host: '10.0.0.5',
  port: 8773,
  https: false,
  ec2Path: '/services/compute',
  s3Path: '/services/objectstorage',
  s3Host: '',
  region: 'eucalyptus',
  signatureVersion: 2,
  apiVersion: '2013-02-01',
};

export const minio: S3CompatibleProfile = {
  id: 'minio',
  kind: 's3',
  name: 'minio',
  accessKeyId: 'AKIDEXAMPLE',
  endpoint: 'https://minio.example.com:9000/',
  pathStyle: false,
  region: 'us-east-1',
  signatureVersion: 4,
};

/** Signs nothing: the request goes out as built, so tests see the client's own URL. */
export const plainSigner: Signer = {
  sign: async (request) => request,
  presign: async (requests) => requests.map((r) => `${r.url}#presigned`),
  observeServerTime: async () => 0,
};

export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export type Answer = { status: number; body?: string; headers?: Record<string, string> } | Error;

/** Replaces fetch; returns what was sent and the queue to fill with answers. */
export function stubFetch(): { seen: SeenRequest[]; answers: Answer[] } {
  const seen: SeenRequest[] = [];
  const answers: Answer[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({
      method: String(init.method),
      url: String(url),
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body === undefined ? undefined : String(init.body),
    });
    const next = answers.shift();
    if (!next) throw new Error(`no answer queued for ${init.method} ${url}`);
    if (next instanceof Error) throw next;
    const nullBody = next.status === 204 || init.method === 'HEAD';
    return new Response(nullBody ? null : (next.body ?? ''), {
      status: next.status,
      headers: { 'content-type': 'application/xml', ...next.headers },
    });
  });
  return { seen, answers };
}

export const noWait = { sleep: async () => {}, random: () => 0 };
