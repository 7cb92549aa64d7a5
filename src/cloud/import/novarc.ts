// Reads a novarc: the shell file OpenStack's nova handed out (nova-manage project zipfile) for
// its EC2 API and the EC2 tools. Like an eucarc it is read, never run. Nova's EC2 API takes
// SigV2 at /services/Cloud; its object store (nova-objectstore, Swift's S3 layer) is another
// service, so the profile gets no S3 path and the import says so.

import { cloudPreset } from '../cloud-presets';
import type { Secret } from '../profile';
import { isRegion } from '../profile-validation';
import { nameFromHost, parseHttpUrl } from './endpoints';
import { type RcVocabulary, readRc } from './rc-reader';
import type { ImportResult, ProfileDraft } from './types';

const ACCESS_KEY_VARS = ['EC2_ACCESS_KEY'];
const SECRET_KEY_VARS = ['EC2_SECRET_KEY'];
const REGION_VARS = ['NOVA_REGION_NAME', 'OS_REGION_NAME'];
/** Passwords of nova's own API: never shown, never used. */
const PASSWORD_VARS = ['NOVA_API_KEY', 'NOVA_PASSWORD', 'OS_PASSWORD', 'OS_TOKEN'];

/** Nova's default region name. */
export const NOVA_DEFAULT_REGION = 'nova';

const VOCABULARY: RcVocabulary = {
  used: new Set(['EC2_URL', 'S3_URL', ...ACCESS_KEY_VARS, ...SECRET_KEY_VARS, ...REGION_VARS]),
  secret: new Set([...SECRET_KEY_VARS, ...PASSWORD_VARS]),
  ignored: (name) =>
    /^(NOVA|OS)_/.test(name) ||
    [
      'NOVARC',
      'EC2_USER_ID',
      'EC2_PRIVATE_KEY',
      'EC2_CERT',
      'EUCALYPTUS_CERT',
      'CLOUD_SERVERS_API_KEY',
      'CLOUD_SERVERS_USERNAME',
      'CLOUD_SERVERS_URL',
      'PATH',
    ].includes(name),
};

export function parseNovarc(text: string, fileName?: string): ImportResult {
  const reader = readRc(text, VOCABULARY);
  reader.finishUnknown();
  const source = fileName ?? 'novarc';
  const result = (profiles: ImportResult['profiles']): ImportResult => ({
    format: 'novarc',
    profiles,
    problems: reader.log.finish(),
  });

  const isWord = (v: string) => /^\S+$/.test(v);
  const ec2 = reader.pick(['EC2_URL'], isWord);
  const s3 = reader.pick(['S3_URL'], isWord);
  const accessKey = reader.pick(ACCESS_KEY_VARS, isWord);
  const secretKey = reader.pick(SECRET_KEY_VARS, isWord);
  const region = reader.pick(REGION_VARS, isRegion);
  if (ec2 === undefined) {
    reader.log.add(0, '', 'missing-endpoint', 'EC2_URL');
    return result([]);
  }
  const compute = parseHttpUrl(ec2.value);
  if (!compute) {
    reader.log.add(ec2.line, ec2.text, 'bad-url', ec2.key);
    return result([]);
  }
  if (accessKey === undefined) {
    const at = secretKey ?? ec2;
    reader.log.add(at.line, at.text, 'missing-access-key', ACCESS_KEY_VARS[0]);
    return result([]);
  }
  if (secretKey === undefined) {
    reader.log.add(accessKey.line, accessKey.text, 'missing-secret', SECRET_KEY_VARS[0]);
  }
  // Said once, on the S3_URL line when there is one: S3 browsing needs an S3-compatible profile.
  const at = s3 ?? ec2;
  reader.log.add(at.line, at.text, 'separate-object-store', s3?.key);

  const preset = cloudPreset('openstack');
  // Nova's access keys read "user:project" (or a uuid); the user names the profile.
  const user = /^([^:]+):/.exec(accessKey.value)?.[1];
  const host = nameFromHost(compute.host);
  const draft: ProfileDraft = {
    kind: 'eucalyptus',
    name: user ? `${user}@${host}` : host,
    accessKeyId: accessKey.value,
    host: compute.host,
    port: compute.port,
    https: compute.https,
    ec2Path: compute.path,
    s3Path: preset.s3Path,
    s3Host: '',
    region: region?.value ?? NOVA_DEFAULT_REGION,
    signatureVersion: preset.signatureVersion,
    apiVersion: preset.apiVersion ?? '2013-02-01',
  };
  if (secretKey === undefined) return result([{ draft, source }]);
  const secret: Secret = { secretAccessKey: secretKey.value };
  return result([{ draft, secret, source }]);
}
