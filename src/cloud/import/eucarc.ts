// Reads an eucarc: the shell file in a Eucalyptus credentials zip (also hand-written rc files
// for the EC2 API tools). It is read, never run: $(...) stays unknown, and every line the
// reader cannot account for is reported with its number.

import { EUCALYPTUS_DEFAULTS, type Secret } from '../profile';
import { isRegion } from '../profile-validation';
import {
  awsRegionFromEc2Host,
  eucalyptusEndpoints,
  isAwsHost,
  nameFromHost,
  parseHttpUrl,
} from './endpoints';
import { type RcReader, type RcVocabulary, readRc } from './rc-reader';
import { serviceUrlPaths } from './service-urls';
import type { ImportResult, ProfileDraft } from './types';

/** Variables that build the profile, in order of precedence within each group. */
const ACCESS_KEY_VARS = ['EC2_ACCESS_KEY', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID'];
const SECRET_KEY_VARS = ['EC2_SECRET_KEY', 'AWS_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY'];
const SESSION_TOKEN_VARS = ['AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];
const REGION_VARS = ['AWS_DEFAULT_REGION', 'AWS_REGION', 'EC2_REGION'];
const URL_VARS = ['EC2_URL', 'S3_URL'];
/** Eucalyptus's other services, newest name first (euca2ools 3 reads both). */
export const SERVICE_URL_VARS = {
  cloudwatchPath: ['AWS_CLOUDWATCH_URL'],
  euarePath: ['EUARE_URL', 'AWS_IAM_URL'],
  tokensPath: ['TOKEN_URL', 'AWS_STS_URL'],
} as const;
const USED_VARS = new Set([
  ...ACCESS_KEY_VARS,
  ...SECRET_KEY_VARS,
  ...SESSION_TOKEN_VARS,
  ...REGION_VARS,
  ...URL_VARS,
  ...Object.values(SERVICE_URL_VARS).flat(),
]);
const SECRET_VARS = new Set([...SECRET_KEY_VARS, ...SESSION_TOKEN_VARS]);

/**
 * Variables eucarc files set that Cirrus has no use for: certificates for bundling, URLs of
 * services it does not manage, tool homes. Every EUCA_* variable is in this group too.
 */
export const EUCARC_IGNORED_VARS: ReadonlySet<string> = new Set([
  'EC2_PRIVATE_KEY',
  'EC2_CERT',
  'EC2_JVM_ARGS',
  'EUCALYPTUS_CERT',
  'EC2_ACCOUNT_NUMBER',
  'EC2_USER_ID',
  'AWS_CREDENTIAL_FILE',
  'AWS_AUTO_SCALING_URL',
  'AWS_CLOUDFORMATION_URL',
  'AWS_ELB_URL',
  'AWS_SIMPLEWORKFLOW_URL',
  'EUSTORE_URL',
  'EC2_HOME',
  'EC2_AMITOOL_HOME',
  'JAVA_HOME',
  'AWS_IAM_HOME',
  'AWS_CLOUDWATCH_HOME',
  'AWS_AUTO_SCALING_HOME',
  'AWS_ELB_HOME',
  'AWS_CLOUDFORMATION_HOME',
  'AWS_DEFAULT_OUTPUT',
  'EC2_KEYPAIR',
  'PATH',
]);

const VOCABULARY: RcVocabulary = {
  used: USED_VARS,
  secret: SECRET_VARS,
  // Only the file name matters (it carries the user name), so unexpanded text will do.
  raw: new Set(['EC2_CERT', 'EC2_PRIVATE_KEY']),
  ignored: (name) => EUCARC_IGNORED_VARS.has(name) || name.startsWith('EUCA_'),
};

export function parseEucarc(text: string, fileName?: string): ImportResult {
  const reader = readRc(text, VOCABULARY);
  reader.finishUnknown();
  const profile = eucarcProfile(reader, fileName ?? 'eucarc');
  return { format: 'eucarc', profiles: profile ? [profile] : [], problems: reader.log.finish() };
}

function eucarcProfile(
  reader: RcReader,
  source: string,
): ImportResult['profiles'][number] | undefined {
  const isUrl = (v: string) => !/\s/.test(v);
  const isKey = (v: string) => /^\S+$/.test(v);
  const ec2 = reader.pick(['EC2_URL'], isUrl);
  const s3 = reader.pick(['S3_URL'], isUrl);
  const accessKey = reader.pick(ACCESS_KEY_VARS, isKey);
  const secretKey = reader.pick(SECRET_KEY_VARS, isKey);
  const sessionToken = reader.pick(SESSION_TOKEN_VARS, isKey);
  const region = reader.pick(REGION_VARS, isRegion);

  if (ec2 === undefined) {
    reader.log.add(0, '', 'missing-endpoint', 'EC2_URL');
    return undefined;
  }
  if (accessKey === undefined) {
    const at = secretKey ?? ec2;
    reader.log.add(at.line, at.text, 'missing-access-key', ACCESS_KEY_VARS[0]);
    return undefined;
  }
  if (secretKey === undefined) {
    reader.log.add(accessKey.line, accessKey.text, 'missing-secret', SECRET_KEY_VARS[0]);
  }

  const compute = parseHttpUrl(ec2.value);
  let draft: ProfileDraft | undefined;
  if (compute && isAwsHost(compute.host)) {
    // An rc file for Amazon's EC2 API tools: same variables, Amazon endpoint.
    const hostRegion = awsRegionFromEc2Host(compute.host);
    if (hostRegion && region && region.value !== hostRegion) {
      reader.log.add(region.line, region.text, 'conflicting-value', 'EC2_URL');
    }
    let awsRegion = hostRegion ?? region?.value;
    if (awsRegion === undefined) {
      awsRegion = 'us-east-1';
      reader.log.add(ec2.line, ec2.text, 'assumed-default', `region=${awsRegion}`);
    }
    draft = {
      kind: 'aws',
      name: compute.host,
      accessKeyId: accessKey.value,
      region: awsRegion,
    };
  } else {
    const endpoints = eucalyptusEndpoints(ec2, s3, reader.log);
    if (!endpoints) return undefined;
    const certFile = reader.raw('EC2_CERT') ?? reader.raw('EC2_PRIVATE_KEY');
    const user = certFile
      ? /euca2-(.+)-[0-9a-f]{8}-(?:cert|pk)\.pem$/.exec(certFile)?.[1]
      : undefined;
    const host = nameFromHost(endpoints.host);
    draft = {
      kind: 'eucalyptus',
      name: user ? `${user}@${host}` : host,
      accessKeyId: accessKey.value,
      ...endpoints,
      ...serviceUrlPaths(reader, ec2, SERVICE_URL_VARS),
      region: region?.value ?? EUCALYPTUS_DEFAULTS.region,
      signatureVersion: EUCALYPTUS_DEFAULTS.signatureVersion,
      apiVersion: EUCALYPTUS_DEFAULTS.apiVersion,
    };
  }
  if (secretKey === undefined) return { draft, source };
  const secret: Secret = { secretAccessKey: secretKey.value };
  if (sessionToken) secret.sessionToken = sessionToken.value;
  return { draft, secret, source };
}
