// Reads a boto 2 config (~/.boto, /etc/boto.cfg). boto.connect_euca() and connect_walrus()
// take the host from [Boto] eucalyptus_host / walrus_host and the keys from [Credentials]
// euca_access_key_id / euca_secret_access_key, with port 8773 and the pre-4.0 service paths
// as fixed defaults; [Boto] is_secure overrides their plain-HTTP default.

import { EUCALYPTUS_DEFAULTS, type Secret } from '../profile';
import { isRegion } from '../profile-validation';
import { eucalyptusEndpoints, nameFromHost, type ValueRef } from './endpoints';
import { CONFIGPARSER_SYNTAX, entryValue, type IniSection, parseIni } from './ini';
import { ProblemLog, splitLines } from './problems';
import type { ImportedProfile, ImportResult, ProfileDraft } from './types';

const SECRET_KEYS = new Set([
  'aws_secret_access_key',
  'aws_security_token',
  'euca_secret_access_key',
  'gs_secret_access_key',
  'ia_secret_access_key',
  'gs_oauth2_refresh_token',
  'proxy_pass',
]);

const CREDENTIALS_USED = new Set([
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_security_token',
  'euca_access_key_id',
  'euca_secret_access_key',
]);
/** Keys that send boto somewhere else than the host Cirrus would use; reported as ignored. */
const CREDENTIALS_OVERRIDES = /^(s3|ec2|sqs|sdb|gs)_(host|port|host_header)$/;
const BOTO_USED = new Set(['eucalyptus_host', 'walrus_host', 'is_secure', 'ec2_region_name']);
const BOTO_OVERRIDES = new Set(['ec2_region_endpoint']);

/** [Boto] settings that do not change where or as whom boto connects. */
export const BOTO_IGNORED_KEYS: ReadonlySet<string> = new Set([
  'debug',
  'num_retries',
  'max_retry_delay',
  'http_socket_timeout',
  'https_validate_certificates',
  'ca_certificates_file',
  'proxy',
  'proxy_port',
  'proxy_user',
  'proxy_pass',
  'metadata_service_timeout',
  'metadata_service_num_attempts',
  'send_crlf_after_proxy_auth_headers',
  'connection_stale_duration',
  'use_endpoint_heuristics',
  'endpoints_path',
]);

/** Sections of other boto modules and of gsutil, which shares the file. */
const OTHER_SECTIONS = new Set([
  's3',
  'ec2',
  'Pyami',
  'GSUtil',
  'OAuth2',
  'DynamoDB',
  'SWF',
  'DB',
  'SDB',
  'SQS',
  'Instance',
]);

export function parseBoto(text: string): ImportResult {
  const log = new ProblemLog();
  const sections = parseIni(splitLines(text), CONFIGPARSER_SYNTAX, log);
  for (const section of sections) {
    for (const [key, entry] of section.entries) {
      if (SECRET_KEYS.has(key)) {
        log.secret(entry.value);
        log.secret(entry.value.replace(/^["']|["']$/g, ''));
      }
    }
  }
  const reader = new BotoReader(log);
  const profiles: ImportedProfile[] = [];
  let credentials: IniSection | undefined;
  let boto: IniSection | undefined;
  const named: IniSection[] = [];
  for (const section of sections) {
    if (section.name === 'Credentials') credentials = section;
    else if (section.name === 'Boto') boto = section;
    else if (/^profile\s+\S/.test(section.name)) named.push(section);
    else if (!OTHER_SECTIONS.has(section.name)) {
      log.add(section.line, section.text, 'unknown-section', section.name);
    }
  }
  if (boto) reader.checkKeys(boto, BOTO_USED, BOTO_OVERRIDES, BOTO_IGNORED_KEYS);
  if (credentials) {
    reader.checkKeys(credentials, CREDENTIALS_USED, CREDENTIALS_OVERRIDES, /^(gs|ia)_/);
    const euca = reader.eucalyptus(credentials, boto);
    if (euca) profiles.push(euca);
  } else if (boto?.entries.has('eucalyptus_host')) {
    log.add(0, '', 'missing-section', 'Credentials');
  }
  const region = reader.awsRegion(boto);
  if (
    credentials?.entries.has('aws_access_key_id') ||
    credentials?.entries.has('aws_secret_access_key')
  ) {
    const aws = reader.aws(credentials, 'boto', region, '[Credentials]');
    if (aws) profiles.push(aws);
  }
  for (const section of named) {
    reader.checkKeys(section, CREDENTIALS_USED, CREDENTIALS_OVERRIDES, /^$/);
    const name = section.name.replace(/^profile\s+/, '').trim();
    const aws = reader.aws(section, name, region, `[${section.name}]`);
    if (aws) profiles.push(aws);
  }
  if (!credentials && !boto && named.length === 0) log.add(0, '', 'missing-section', 'Credentials');
  // A [Credentials] section with only other services' keys (gsutil's gs_*) has nothing for Cirrus.
  const anyKey = [...CREDENTIALS_USED].some((k) => credentials?.entries.has(k));
  if (credentials && !anyKey && !boto?.entries.has('eucalyptus_host')) {
    log.add(credentials.line, credentials.text, 'missing-access-key', 'aws_access_key_id');
  }
  return { format: 'boto', profiles, problems: log.finish() };
}

class BotoReader {
  constructor(private readonly log: ProblemLog) {}

  checkKeys(
    section: IniSection,
    used: ReadonlySet<string>,
    overrides: ReadonlySet<string> | RegExp,
    quiet: ReadonlySet<string> | RegExp,
  ): void {
    const has = (set: ReadonlySet<string> | RegExp, key: string) =>
      set instanceof RegExp ? set.test(key) : set.has(key);
    for (const entry of section.entries.values()) {
      if (used.has(entry.key) || has(quiet, entry.key)) continue;
      const code = has(overrides, entry.key) ? 'ignored-key' : 'unknown-key';
      this.log.add(entry.line, entry.text, code, entry.key);
    }
  }

  value(section: IniSection | undefined, key: string): ValueRef | undefined {
    const entry = section?.entries.get(key);
    if (!entry) return undefined;
    const value = entryValue(entry, this.log, '');
    if (value === undefined || value === '') return undefined;
    return { key, value, line: entry.line, text: entry.text };
  }

  /** boto's EC2 default region unless [Boto] ec2_region_name says otherwise. */
  awsRegion(boto: IniSection | undefined): string {
    const ref = this.value(boto, 'ec2_region_name');
    if (ref && !isRegion(ref.value)) {
      this.log.add(ref.line, ref.text, 'bad-value', ref.key);
      return 'us-east-1';
    }
    return ref?.value ?? 'us-east-1';
  }

  aws(
    section: IniSection,
    name: string,
    region: string,
    source: string,
  ): ImportedProfile | undefined {
    const keys = this.keys(section, 'aws_access_key_id', 'aws_secret_access_key');
    if (!keys) return undefined;
    const draft: ProfileDraft = { kind: 'aws', name, accessKeyId: keys.accessKeyId, region };
    if (!keys.secret) return { draft, source };
    const token = this.value(section, 'aws_security_token');
    if (token) keys.secret.sessionToken = token.value;
    return { draft, secret: keys.secret, source };
  }

  eucalyptus(credentials: IniSection, boto: IniSection | undefined): ImportedProfile | undefined {
    const host = this.value(boto, 'eucalyptus_host');
    const hasKeys =
      credentials.entries.has('euca_access_key_id') ||
      credentials.entries.has('euca_secret_access_key');
    if (!host) {
      const entry =
        credentials.entries.get('euca_access_key_id') ??
        credentials.entries.get('euca_secret_access_key');
      if (entry) this.log.add(entry.line, entry.text, 'missing-endpoint', 'eucalyptus_host');
      return undefined;
    }
    if (!hasKeys) {
      this.log.add(host.line, host.text, 'missing-access-key', 'euca_access_key_id');
      return undefined;
    }
    const keys = this.keys(credentials, 'euca_access_key_id', 'euca_secret_access_key');
    if (!keys) return undefined;

    let https = false;
    const secure = this.value(boto, 'is_secure');
    if (secure) {
      const v = secure.value.toLowerCase();
      if (['1', 'yes', 'true', 'on'].includes(v)) https = true;
      else if (!['0', 'no', 'false', 'off'].includes(v)) {
        this.log.add(secure.line, secure.text, 'bad-value', 'is_secure');
      }
    }
    const walrus = this.value(boto, 'walrus_host');
    // boto wants bare host names here; a URL would make it connect to a nonsense host.
    const hostOnly = /^([^\s/:?#@[\]]+|\[[0-9A-Fa-f:.]+\])$/;
    for (const ref of [host, walrus]) {
      if (ref && !hostOnly.test(ref.value)) {
        this.log.add(ref.line, ref.text, 'bad-value', ref.key);
        return undefined;
      }
    }
    if (!walrus) this.log.add(host.line, host.text, 'assumed-default', `walrus_host=${host.value}`);
    const scheme = https ? 'https' : 'http';
    const port = EUCALYPTUS_DEFAULTS.port;
    const ec2: ValueRef = {
      ...host,
      value: `${scheme}://${host.value}:${port}${EUCALYPTUS_DEFAULTS.legacyEc2Path}`,
    };
    const s3: ValueRef = {
      ...(walrus ?? host),
      value: `${scheme}://${(walrus ?? host).value}:${port}${EUCALYPTUS_DEFAULTS.legacyS3Path}`,
    };
    const endpoints = eucalyptusEndpoints(ec2, s3, this.log);
    if (!endpoints) return undefined;
    const draft: ProfileDraft = {
      kind: 'eucalyptus',
      name: nameFromHost(endpoints.host),
      accessKeyId: keys.accessKeyId,
      ...endpoints,
      // boto names the region of connect_euca() "eucalyptus" too.
      region: EUCALYPTUS_DEFAULTS.region,
      signatureVersion: EUCALYPTUS_DEFAULTS.signatureVersion,
      apiVersion: EUCALYPTUS_DEFAULTS.apiVersion,
    };
    const source = '[Credentials] + [Boto]';
    return keys.secret ? { draft, secret: keys.secret, source } : { draft, source };
  }

  private keys(
    section: IniSection,
    accessName: string,
    secretName: string,
  ): { accessKeyId: string; secret?: Secret } | undefined {
    const access = this.value(section, accessName);
    const secret = this.value(section, secretName);
    if (!access || !/^\S+$/.test(access.value)) {
      if (access) this.log.add(access.line, access.text, 'bad-value', accessName);
      else {
        const at = secret ?? section;
        this.log.add(at.line, at.text, 'missing-access-key', accessName);
      }
      return undefined;
    }
    if (!secret) {
      this.log.add(access.line, access.text, 'missing-secret', secretName);
      return { accessKeyId: access.value };
    }
    if (!/^\S+$/.test(secret.value)) {
      this.log.add(secret.line, secret.text, 'bad-value', secretName);
      return { accessKeyId: access.value };
    }
    return { accessKeyId: access.value, secret: { secretAccessKey: secret.value } };
  }
}
