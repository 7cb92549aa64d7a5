// Bucket versioning on real servers: moto (the whole feature: on/off, versions with delete
// markers, paging, restore, permanent delete), s3rver (which has none of it: the UI must say so)
// and the Eucalyptus-shaped front door answering 501 NotImplemented as a Walrus without it would.

import '../../support/fake-browser';
import { signal } from '@preact/signals';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLocalSigner } from '../../../src/cloud/local-signer';
import type { EucalyptusProfile, S3CompatibleProfile } from '../../../src/cloud/profile';
import * as s3 from '../../../src/cloud/s3/index';
import type { CurrentProfile } from '../../../src/panels/current-profile';
import { createVersioningSetting } from '../../../src/panels/s3/settings/versioning-setting';
import { createVersionList, type VersionRow } from '../../../src/panels/s3/version-list';
import { type FrontDoor, startFrontDoor } from '../../support/front-door';
import { type Moto, startMoto } from '../../support/moto';
import { S3RVER_CREDENTIALS, type S3rverHandle, startS3rver } from '../../support/s3rver';

const creds = { accessKeyId: 'AKIDVERSIONING000001', secretAccessKey: 'versioning/secret+0001' };
const poll = { timeout: 20_000, interval: 20 };

async function bytes(at: CurrentProfile, bucket: string, key: string, versionId?: string) {
  const got = await s3.getObject(
    at.profile,
    at.signer,
    bucket,
    key,
    versionId ? { versionId } : {},
  );
  return new Response(got.body).text();
}

function versionsOf(rows: readonly VersionRow[], key: string) {
  return rows.flatMap((r) => (r.kind === 'version' && r.key === key ? [r.version] : []));
}

describe('moto', () => {
  let moto: Moto;
  let at: CurrentProfile;
  const bucket = 'versioned-bucket';

  beforeAll(async () => {
    moto = await startMoto();
    const profile: S3CompatibleProfile = {
      id: 'moto-versioning',
      kind: 's3',
      name: 'moto',
      accessKeyId: creds.accessKeyId,
      endpoint: moto.url,
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    };
    at = { profile, signer: createLocalSigner(profile, creds) } as CurrentProfile;
    await s3.createBucket(at.profile, at.signer, bucket);
  });
  afterAll(async () => {
    await moto?.stop();
  });

  test('the Versioning section: Unversioned, then Enabled, then Suspended (never back)', async () => {
    const section = createVersioningSetting(bucket, async () => at);
    await expect.poll(() => section.state.value, poll).toBe('ready');
    expect(section.value.value).toEqual({ status: 'Unversioned' });
    expect(await section.enable()).toBe(true);
    expect(section.value.value?.status).toBe('Enabled');
    expect(await section.suspend()).toBe(true);
    expect(section.value.value?.status).toBe('Suspended');
    expect(await section.enable()).toBe(true);
    expect((await s3.getBucketVersioning(at.profile, at.signer, bucket)).status).toBe('Enabled');
    section.dispose();
  });

  test('a refused change keeps the state and shows why', async () => {
    const section = createVersioningSetting('no-such-versioned-bucket', async () => at);
    await expect.poll(() => section.state.value, poll).toBe('failed');
    expect(await section.enable()).toBe(false);
    expect(section.error.value?.code).toBe('NoSuchBucket');
    section.dispose();
  });

  test('versions and delete markers of one folder level, paged; restore; delete for good', async () => {
    const put = (key: string, body: string) =>
      s3.putObject(at.profile, at.signer, bucket, key, body);
    const key = 'docs/a b+c&<x>.txt';
    await put(key, 'first');
    await put(key, 'second');
    await put('docs/gone.txt', 'soon gone');
    await s3.deleteObject(at.profile, at.signer, bucket, 'docs/gone.txt');
    await put('docs/inner/deep.txt', 'deep');
    await put('top.txt', 'top');

    // The client, one entry per page: the key and version markers carry the listing on.
    const pages: number[] = [];
    const all = await s3.listObjectVersions(at.profile, at.signer, bucket, {
      prefix: 'docs/',
      maxKeys: 1,
      onPage: (v, p) => pages.push(v.length + p.length),
    });
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(all.prefixes).toEqual(['docs/inner/']);
    expect(all.versions.map((v) => [v.key, v.deleteMarker, v.isLatest]).sort()).toEqual(
      [
        [key, false, false],
        [key, false, true],
        ['docs/gone.txt', false, false],
        ['docs/gone.txt', true, true],
      ].sort(),
    );

    // The panel's versions view of docs/.
    const list = createVersionList({
      at: async () => at,
      bucket: signal<string | null>(bucket),
      prefix: signal('docs/'),
      query: signal(''),
    });
    list.setShow(true);
    await expect.poll(() => list.loading.value, poll).toBe(false);
    expect(list.error.value).toBeNull();
    expect(list.rows.value.filter((r) => r.kind === 'folder').map((r) => r.name)).toEqual([
      'inner/',
    ]);
    const older = versionsOf(list.rows.value, key).find((v) => !v.isLatest);
    expect(older).toBeDefined();
    if (!older) return;
    expect(await bytes(at, bucket, key, older.versionId)).toBe('first');
    // A presigned GET of that version (what "Download version" hands to the browser).
    const url = await s3.presignedGet(at.profile, at.signer, bucket, key, 60, {
      versionId: older.versionId,
    });
    expect(await (await fetch(url)).text()).toBe('first');

    // Restore: the older version copied over its key becomes the latest; nothing is lost.
    await list.restore(older);
    expect(list.error.value).toBeNull();
    expect(list.notice.value).toMatchObject({ kind: 'restored', key });
    expect(await bytes(at, bucket, key)).toBe('first');
    await expect.poll(() => versionsOf(list.rows.value, key).length, poll).toBe(3);

    // Removing the delete marker for good brings the object back.
    const marker = versionsOf(list.rows.value, 'docs/gone.txt').find((v) => v.deleteMarker);
    expect(marker?.isLatest).toBe(true);
    if (!marker) return;
    list.askDelete(marker);
    await list.deleteVersion(marker);
    expect(list.confirming.value).toBeNull();
    expect(await bytes(at, bucket, 'docs/gone.txt')).toBe('soon gone');

    // Deleting one version for good: it is gone from the listing, the others stay.
    await list.deleteVersion(older);
    expect(list.confirmError.value).toBeNull();
    await expect
      .poll(() => versionsOf(list.rows.value, key).map((v) => v.versionId), poll)
      .not.toContain(older.versionId);
    expect(versionsOf(list.rows.value, key)).toHaveLength(2);
    expect(await bytes(at, bucket, key)).toBe('first');
  });
});

describe('s3rver', () => {
  let server: S3rverHandle;
  let at: CurrentProfile;
  const bucket = 's3rver-versioning';

  beforeAll(async () => {
    server = await startS3rver();
    const profile: S3CompatibleProfile = {
      id: 's3rver-versioning',
      kind: 's3',
      name: 's3rver',
      accessKeyId: S3RVER_CREDENTIALS.accessKeyId,
      endpoint: server.url,
      pathStyle: true,
      region: 'us-east-1',
      signatureVersion: 4,
    };
    at = { profile, signer: createLocalSigner(profile, S3RVER_CREDENTIALS) } as CurrentProfile;
    await s3.createBucket(at.profile, at.signer, bucket);
  });
  afterAll(async () => {
    await server?.stop();
  });

  // s3rver answers GET ?versioning with its object listing (it ignores the sub-resource) and
  // GET ?versions with 405 MethodNotAllowed: neither is versioning.
  test('no versioning: the section is unsupported and read-only', async () => {
    const section = createVersioningSetting(bucket, async () => at);
    await expect.poll(() => section.state.value, poll).toBe('unsupported');
    expect(section.error.value?.code).toBe('NotImplemented');
    section.dispose();
  });

  test('no version listing: the versions view says the store lacks it', async () => {
    const list = createVersionList({
      at: async () => at,
      bucket: signal<string | null>(bucket),
      prefix: signal(''),
      query: signal(''),
    });
    list.setShow(true);
    await expect.poll(() => list.loading.value, poll).toBe(false);
    expect(list.unsupported.value).toBe(bucket);
  });
});

describe('front door (a Walrus without versioning)', () => {
  let moto: Moto;
  let door: FrontDoor;
  let at: CurrentProfile;
  const bucket = 'walrus-versioning';

  beforeAll(async () => {
    moto = await startMoto();
    door = await startFrontDoor({
      motoUrl: moto.url,
      credentials: [creds],
      s3Answer: (_method, rawQuery) =>
        /(^|&)versions?(=|&|$)|(^|&)versioning(=|&|$)/.test(rawQuery)
          ? {
              status: 501,
              body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>',
            }
          : undefined,
    });
    const profile: EucalyptusProfile = {
      id: 'door-versioning',
      kind: 'eucalyptus',
      name: 'door',
      accessKeyId: creds.accessKeyId,
      host: '127.0.0.1',
      port: door.port,
      https: false,
      ec2Path: '/services/compute',
      s3Path: '/services/Walrus',
      s3Host: '',
      region: 'eucalyptus',
      signatureVersion: 2,
      apiVersion: '2013-02-01',
    };
    at = { profile, signer: createLocalSigner(profile, creds) } as CurrentProfile;
    await s3.createBucket(at.profile, at.signer, bucket);
  });
  afterAll(async () => {
    await door?.stop();
    await moto?.stop();
  });

  test('501 NotImplemented: the section says not supported and stays read-only', async () => {
    const section = createVersioningSetting(bucket, async () => at);
    await expect.poll(() => section.state.value, poll).toBe('unsupported');
    expect(section.error.value).toMatchObject({ code: 'NotImplemented', status: 501 });
    section.dispose();
    const list = createVersionList({
      at: async () => at,
      bucket: signal<string | null>(bucket),
      prefix: signal(''),
      query: signal(''),
    });
    list.setShow(true);
    await expect.poll(() => list.loading.value, poll).toBe(false);
    expect(list.unsupported.value).toBe(bucket);
  });
});
