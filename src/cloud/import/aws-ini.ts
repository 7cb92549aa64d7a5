// Reads ~/.aws/credentials and ~/.aws/config (one or both), merged by profile name the way
// the AWS CLI does: keys from the credentials file first, everything else from config.

import { EUCALYPTUS_DEFAULTS, type Secret, type SignatureVersion } from '../profile';
import { isRegion } from '../profile-validation';
import { eucalyptusEndpoints, parseHttpUrl, s3EndpointUrl, type ValueRef } from './endpoints';
import { BOTOCORE_SYNTAX, entryValue, type IniEntry, type IniSection, parseIni } from './ini';
import { ProblemLog, splitLines } from './problems';
import type { ImportedProfile, ImportResult, ProfileDraft } from './types';

export interface AwsFiles {
  credentials?: string;
  config?: string;
}

type AwsFile = 'credentials' | 'config';

const CREDENTIAL_KEYS = new Set([
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
]);

/** Keys that make the CLI get credentials elsewhere (SSO, a role, a program). */
const CREDENTIAL_SOURCE_KEYS = [
  'role_arn',
  'credential_process',
  'sso_session',
  'sso_start_url',
  'web_identity_token_file',
  'credential_source',
];

/** Profile keys of ~/.aws/config that say nothing about where or as whom to connect. */
export const AWS_CONFIG_IGNORED_KEYS: ReadonlySet<string> = new Set([
  'output',
  'cli_pager',
  'cli_timestamp_format',
  'cli_binary_format',
  'cli_auto_prompt',
  'cli_follow_urlparam',
  'cli_history',
  'parameter_validation',
  'max_attempts',
  'retry_mode',
  'ca_bundle',
  'tcp_keepalive',
  'defaults_mode',
  'duration_seconds',
  'role_session_name',
  'external_id',
  'mfa_serial',
  'source_profile',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'use_fips_endpoint',
  'use_dualstack_endpoint',
  'sts_regional_endpoints',
  'ignore_configure_endpoint_urls',
  'endpoint_discovery_enabled',
  'metadata_service_timeout',
  'metadata_service_num_attempts',
  'ec2_metadata_service_endpoint',
  'ec2_metadata_service_endpoint_mode',
  'ec2_metadata_v1_disabled',
  'request_min_compression_size_bytes',
  'disable_request_compression',
  'sigv4a_signing_region_set',
  'account_id_endpoint_mode',
  'aws_account_id',
  'request_checksum_calculation',
  'response_checksum_validation',
  'sdk_ua_app_id',
]);

/** Keys Cirrus reads from a profile in ~/.aws/config, besides the credentials. */
const CONFIG_USED_KEYS = new Set(['region', 'endpoint_url', 'services', 's3', 'ec2']);
/** Nested keys Cirrus reads under `s3 =` and `ec2 =`; others are reported as ignored. */
const NESTED_USED_KEYS: Record<string, ReadonlySet<string>> = {
  s3: new Set(['endpoint_url', 'addressing_style', 'signature_version']),
  ec2: new Set(['endpoint_url']),
};

/** Non-profile sections of ~/.aws/config. */
const CONFIG_OTHER_SECTIONS = /^(sso-session\s+\S.*|services\s+\S.*|plugins|preview)$/;

interface ProfileSections {
  name: string;
  credentials?: IniSection;
  config?: IniSection;
}

interface ServiceEndpoints {
  s3?: IniEntry;
  ec2?: IniEntry;
}

export function parseAwsFiles(files: AwsFiles): ImportResult {
  const log = new ProblemLog(['credentials', 'config']);
  const profiles = new Map<string, ProfileSections>();
  const profileFor = (name: string): ProfileSections => {
    let p = profiles.get(name);
    if (!p) {
      p = { name };
      profiles.set(name, p);
    }
    return p;
  };
  const services = new Map<string, ServiceEndpoints>();

  if (files.credentials !== undefined) {
    const sections = parseIni(splitLines(files.credentials), BOTOCORE_SYNTAX, log, 'credentials');
    rememberSecrets(sections, log);
    for (const section of sections) {
      // The CLI reads "[profile dev]" here as a profile literally named "profile dev".
      if (/^profile\s/.test(section.name)) {
        log.add(section.line, section.text, 'extra-profile-prefix', section.name, 'credentials');
      }
      profileFor(section.name).credentials = section;
    }
  }
  if (files.config !== undefined) {
    const sections = parseIni(splitLines(files.config), BOTOCORE_SYNTAX, log, 'config');
    rememberSecrets(sections, log);
    for (const section of sections) {
      const profile = /^profile\s+(\S.*)$/.exec(section.name)?.[1]?.trim();
      if (section.name === 'default' || profile !== undefined) {
        profileFor(profile ?? 'default').config = section;
      } else if (/^services\s/.test(section.name)) {
        services.set(section.name.replace(/^services\s+/, '').trim(), readServices(section, log));
      } else if (!CONFIG_OTHER_SECTIONS.test(section.name)) {
        log.add(
          section.line,
          section.text,
          'missing-profile-prefix',
          `profile ${section.name}`,
          'config',
        );
      }
    }
  }

  const imported: ImportedProfile[] = [];
  for (const sections of profiles.values()) {
    const profile = new ProfileReader(sections, services, log).read();
    if (profile) imported.push(profile);
  }
  return {
    format: files.credentials !== undefined ? 'aws-credentials' : 'aws-config',
    profiles: imported,
    problems: log.finish(),
  };
}

/** Registers every secret value, quoted or not, so no problem text can carry it. */
function rememberSecrets(sections: readonly IniSection[], log: ProblemLog): void {
  for (const section of sections) {
    for (const entry of section.entries.values()) {
      if (!CREDENTIAL_KEYS.has(entry.key) || entry.key === 'aws_access_key_id') continue;
      log.secret(entry.value);
      log.secret(entry.value.replace(/^["']|["']$/g, ''));
    }
  }
}

/** A `[services NAME]` section: per-service nested blocks; only S3 and EC2 endpoints matter. */
function readServices(section: IniSection, log: ProblemLog): ServiceEndpoints {
  const found: ServiceEndpoints = {};
  for (const entry of section.entries.values()) {
    if (entry.children.size === 0) {
      log.add(entry.line, entry.text, 'unknown-key', entry.key, 'config');
      continue;
    }
    for (const child of entry.children.values()) {
      if ((entry.key === 's3' || entry.key === 'ec2') && child.key === 'endpoint_url') {
        found[entry.key] = child;
      } else {
        log.add(child.line, child.text, 'ignored-key', `${entry.key}.${child.key}`, 'config');
      }
    }
  }
  return found;
}

class ProfileReader {
  private readonly name: string;

  constructor(
    private readonly sections: ProfileSections,
    private readonly services: ReadonlyMap<string, ServiceEndpoints>,
    private readonly log: ProblemLog,
  ) {
    this.name = sections.name;
  }

  read(): ImportedProfile | undefined {
    const { credentials, config } = this.sections;
    if (credentials) this.checkCredentialsKeys(credentials);
    if (config) this.checkConfigKeys(config);

    // The CLI takes all three keys from the first file whose profile has an access key.
    const fromCredentials = credentials?.entries.has('aws_access_key_id') ? credentials : undefined;
    const keySection =
      fromCredentials ?? (config?.entries.has('aws_access_key_id') ? config : undefined);
    const keyFile: AwsFile = keySection === credentials ? 'credentials' : 'config';
    const header = (credentials ?? config) as IniSection;
    const headerFile: AwsFile = credentials ? 'credentials' : 'config';

    const sourceKey = config
      ? CREDENTIAL_SOURCE_KEYS.find((k) => config.entries.has(k))
      : undefined;
    if (sourceKey !== undefined && config) {
      const entry = config.entries.get(sourceKey) as IniEntry;
      this.log.add(entry.line, entry.text, 'unsupported-credentials', sourceKey, 'config');
    }

    const accessKey = keySection ? this.value(keySection, 'aws_access_key_id', keyFile) : undefined;
    if (accessKey === undefined || !/^\S+$/.test(accessKey.value)) {
      if (accessKey !== undefined) {
        this.log.add(accessKey.line, accessKey.text, 'bad-value', accessKey.key, keyFile);
      } else if (sourceKey === undefined) {
        this.log.add(
          header.line,
          header.text,
          'missing-access-key',
          'aws_access_key_id',
          headerFile,
        );
      }
      return undefined;
    }
    if (fromCredentials && config) this.checkConflict(config, 'aws_access_key_id', accessKey.value);

    const secretKey = this.value(keySection as IniSection, 'aws_secret_access_key', keyFile);
    const token =
      this.value(keySection as IniSection, 'aws_session_token', keyFile) ??
      this.value(keySection as IniSection, 'aws_security_token', keyFile);
    let secret: Secret | undefined;
    if (secretKey === undefined) {
      this.log.add(
        accessKey.line,
        accessKey.text,
        'missing-secret',
        'aws_secret_access_key',
        keyFile,
      );
    } else if (!/^\S+$/.test(secretKey.value)) {
      this.log.add(secretKey.line, secretKey.text, 'bad-value', secretKey.key, keyFile);
    } else {
      secret = { secretAccessKey: secretKey.value };
      if (token !== undefined) secret.sessionToken = token.value;
    }

    const draft = this.draft(accessKey.value, header, headerFile);
    if (!draft) return undefined;
    const source = [
      credentials ? `credentials [${credentials.name}]` : undefined,
      config ? `config [${config.name}]` : undefined,
    ]
      .filter((s) => s !== undefined)
      .join(' + ');
    return secret ? { draft, secret, source } : { draft, source };
  }

  private draft(
    accessKeyId: string,
    header: IniSection,
    headerFile: AwsFile,
  ): ProfileDraft | undefined {
    const config = this.sections.config;
    const nested = (key: 's3' | 'ec2') => config?.entries.get(key)?.children;
    const serviceName = config ? this.value(config, 'services', 'config') : undefined;
    let service: ServiceEndpoints | undefined;
    if (serviceName) {
      service = this.services.get(serviceName.value);
      if (!service) {
        this.log.add(serviceName.line, serviceName.text, 'bad-value', 'services', 'config');
      }
    }
    // Service-specific settings win over the profile-wide endpoint_url, as in the CLI.
    const s3Entry =
      service?.s3 ?? nested('s3')?.get('endpoint_url') ?? config?.entries.get('endpoint_url');
    const ec2Entry = service?.ec2 ?? nested('ec2')?.get('endpoint_url');
    const s3Url = s3Entry ? this.ref(s3Entry) : undefined;
    const ec2Url = ec2Entry ? this.ref(ec2Entry) : undefined;

    const s3Settings = nested('s3');
    const signatureVersion = this.signatureVersion(s3Settings?.get('signature_version'));
    const regionRef = config ? this.value(config, 'region', 'config') : undefined;
    let region = regionRef?.value;
    if (regionRef && !isRegion(regionRef.value)) {
      this.log.add(regionRef.line, regionRef.text, 'bad-value', 'region', 'config');
      region = undefined;
    }
    const regionOr = (fallback: string): string => {
      if (region !== undefined) return region;
      this.log.add(header.line, header.text, 'assumed-default', `region=${fallback}`, headerFile);
      return fallback;
    };

    if (ec2Url) {
      // EC2 at a non-Amazon endpoint: in Cirrus that is a Eucalyptus cloud.
      const endpoints = eucalyptusEndpoints(ec2Url, s3Url, this.log);
      if (!endpoints) return undefined;
      return {
        kind: 'eucalyptus',
        name: this.name,
        accessKeyId,
        ...endpoints,
        region: regionOr(EUCALYPTUS_DEFAULTS.region),
        signatureVersion,
        apiVersion: EUCALYPTUS_DEFAULTS.apiVersion,
      };
    }
    if (s3Url) {
      const endpoint = parseHttpUrl(s3Url.value);
      if (!endpoint) {
        this.log.add(s3Url.line, s3Url.text, 'bad-url', s3Url.key, 'config');
        return undefined;
      }
      return {
        kind: 's3',
        name: this.name,
        accessKeyId,
        endpoint: s3EndpointUrl(endpoint),
        pathStyle: this.pathStyle(s3Settings?.get('addressing_style'), s3Url),
        region: regionOr('us-east-1'),
        signatureVersion,
      };
    }
    return { kind: 'aws', name: this.name, accessKeyId, region: regionOr('us-east-1') };
  }

  private signatureVersion(entry: IniEntry | undefined): SignatureVersion {
    if (!entry) return 4;
    const value = entryValue(entry, this.log, '', 'config');
    if (value === 's3') return 2;
    if (value !== 's3v4' && value !== undefined) {
      this.log.add(entry.line, entry.text, 'bad-value', 's3.signature_version', 'config');
    }
    return 4;
  }

  /** Stores reached by IP or without wildcard DNS need path-style URLs, so that is the default. */
  private pathStyle(entry: IniEntry | undefined, endpoint: ValueRef): boolean {
    const value = entry ? entryValue(entry, this.log, '', 'config') : undefined;
    if (value === 'virtual') return false;
    if (value === 'path') return true;
    if (entry && value !== undefined && value !== 'auto') {
      this.log.add(entry.line, entry.text, 'bad-value', 's3.addressing_style', 'config');
    }
    this.log.add(endpoint.line, endpoint.text, 'assumed-default', 'pathStyle=true', 'config');
    return true;
  }

  private ref(entry: IniEntry): ValueRef | undefined {
    const value = entryValue(entry, this.log, '', 'config');
    if (value === undefined) return undefined;
    return { key: entry.key, value, line: entry.line, text: entry.text, file: 'config' };
  }

  private value(section: IniSection, key: string, file: AwsFile): ValueRef | undefined {
    const entry = section.entries.get(key);
    if (!entry) return undefined;
    const value = entryValue(entry, this.log, '', file);
    if (value === undefined || value === '') return undefined;
    return { key, value, line: entry.line, text: entry.text, file };
  }

  private checkConflict(config: IniSection, key: string, used: string): void {
    const entry = config.entries.get(key);
    if (entry && entry.value !== used) {
      this.log.add(entry.line, entry.text, 'conflicting-value', 'credentials', 'config');
    }
  }

  private checkCredentialsKeys(section: IniSection): void {
    for (const entry of section.entries.values()) {
      if (CREDENTIAL_KEYS.has(entry.key)) continue;
      // The CLI reads region, endpoints and the rest only from the config file.
      const known =
        CONFIG_USED_KEYS.has(entry.key) ||
        AWS_CONFIG_IGNORED_KEYS.has(entry.key) ||
        CREDENTIAL_SOURCE_KEYS.includes(entry.key);
      this.log.add(
        entry.line,
        entry.text,
        known ? 'ignored-key' : 'unknown-key',
        entry.key,
        'credentials',
      );
    }
  }

  private checkConfigKeys(section: IniSection): void {
    for (const entry of section.entries.values()) {
      if (CREDENTIAL_KEYS.has(entry.key)) continue;
      if (AWS_CONFIG_IGNORED_KEYS.has(entry.key) || CREDENTIAL_SOURCE_KEYS.includes(entry.key)) {
        continue;
      }
      if (entry.children.size > 0) {
        const used = NESTED_USED_KEYS[entry.key];
        for (const child of entry.children.values()) {
          if (!used?.has(child.key)) {
            this.log.add(
              child.line,
              child.text,
              'ignored-key',
              `${entry.key}.${child.key}`,
              'config',
            );
          }
        }
        continue;
      }
      if (!CONFIG_USED_KEYS.has(entry.key)) {
        this.log.add(entry.line, entry.text, 'unknown-key', entry.key, 'config');
      }
    }
  }
}
