import type { Profile } from './profile';

/** Why a field was refused; the UI turns each code into a sentence in the user's language. */
export type FieldProblem =
  | 'required'
  | 'too-long'
  | 'no-spaces'
  | 'invalid-host'
  | 'invalid-port'
  | 'invalid-path'
  | 'invalid-url'
  | 'invalid-region'
  | 'invalid-api-version';

export type ProfileField =
  | 'name'
  | 'accessKeyId'
  | 'secretAccessKey'
  | 'region'
  | 'host'
  | 'port'
  | 'ec2Path'
  | 's3Path'
  | 's3Host'
  | 'apiVersion'
  | 'endpoint';

export type ProfileProblems = Partial<Record<ProfileField, FieldProblem>>;

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isHost(value: string): boolean {
  const host = value.replace(/^\[(.*)\]$/, '$1');
  if (IPV4.test(host) || HOSTNAME.test(host)) return true;
  // An IPv6 literal: let URL be the judge.
  return host.includes(':') && URL.canParse(`http://[${host}]/`);
}

/** Checks a profile before it is saved; `hasSecret` says whether a secret is typed or already kept. */
export function validateProfile(profile: Profile, hasSecret: boolean): ProfileProblems {
  const problems: ProfileProblems = {};
  const name = profile.name.trim();
  if (!name) problems.name = 'required';
  else if (name.length > 64) problems.name = 'too-long';
  if (!profile.accessKeyId.trim()) problems.accessKeyId = 'required';
  else if (/\s/.test(profile.accessKeyId.trim())) problems.accessKeyId = 'no-spaces';
  if (!hasSecret) problems.secretAccessKey = 'required';

  const region = profile.region.trim();
  if (!region) problems.region = 'required';
  else if (!/^[a-z0-9][a-z0-9-]*$/i.test(region)) problems.region = 'invalid-region';

  if (profile.kind === 'eucalyptus') {
    if (!profile.host.trim()) problems.host = 'required';
    else if (!isHost(profile.host.trim())) problems.host = 'invalid-host';
    if (profile.s3Host.trim() && !isHost(profile.s3Host.trim())) problems.s3Host = 'invalid-host';
    if (!Number.isInteger(profile.port) || profile.port < 1 || profile.port > 65535)
      problems.port = 'invalid-port';
    for (const field of ['ec2Path', 's3Path'] as const) {
      const path = profile[field].trim();
      if (path && !/^\/[\w\-./~%]*$/.test(path)) problems[field] = 'invalid-path';
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(profile.apiVersion.trim()))
      problems.apiVersion = 'invalid-api-version';
  }
  if (profile.kind === 's3') {
    const endpoint = profile.endpoint.trim();
    if (!endpoint) problems.endpoint = 'required';
    else if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol))
      problems.endpoint = 'invalid-url';
  }
  return problems;
}
