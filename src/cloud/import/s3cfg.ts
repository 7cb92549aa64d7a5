// Reads s3cmd's ~/.s3cfg. It always yields an S3-compatible profile: the endpoint is whatever
// host_base says, Amazon included, because that is how s3cmd itself treats it.

import type { Secret, SignatureVersion } from '../profile';
import { isRegion } from '../profile-validation';
import { parseHttpUrl, s3EndpointUrl } from './endpoints';
import { entryValue, type IniEntry, type IniSection, parseIni, S3CMD_SYNTAX } from './ini';
import { ProblemLog, splitLines } from './problems';
import type { ImportResult } from './types';

const SECRET_KEYS = new Set(['secret_key', 'access_token', 'gpg_passphrase']);
const USED_KEYS = new Set([
  'access_key',
  'secret_key',
  'access_token',
  'host_base',
  'host_bucket',
  'use_https',
  'signature_v2',
  'service_path',
  'bucket_location',
]);

/** Settings `s3cmd --configure` writes that do not change where or as whom it connects. */
export const S3CFG_IGNORED_KEYS: ReadonlySet<string> = new Set([
  'add_encoding_exts',
  'add_headers',
  'ca_certs_file',
  'cache_file',
  'check_ssl_certificate',
  'check_ssl_hostname',
  'cloudfront_host',
  'connection_max_age',
  'connection_pooling',
  'content_disposition',
  'content_type',
  'default_mime_type',
  'delay_updates',
  'delete_after',
  'delete_after_fetch',
  'delete_removed',
  'dry_run',
  'enable_multipart',
  'encoding',
  'encrypt',
  'expiry_date',
  'expiry_days',
  'expiry_prefix',
  'follow_symlinks',
  'force',
  'get_continue',
  'gpg_command',
  'gpg_decrypt',
  'gpg_encrypt',
  'gpg_passphrase',
  'guess_mime_type',
  'human_readable_sizes',
  'invalidate_default_index_on_cf',
  'invalidate_default_index_root_on_cf',
  'invalidate_on_cf',
  'keep_dirs',
  'kms_key',
  'limit',
  'limitrate',
  'list_allow_unordered',
  'list_md5',
  'log_target_prefix',
  'long_listing',
  'max_delete',
  'max_retries',
  'mime_type',
  'multipart_chunk_size_mb',
  'multipart_copy_chunk_size_mb',
  'multipart_max_chunks',
  'preserve_attrs',
  'progress_meter',
  'proxy_host',
  'proxy_port',
  'public_url_use_https',
  'put_continue',
  'recursive',
  'recv_chunk',
  'reduced_redundancy',
  'requester_pays',
  'restore_days',
  'restore_priority',
  'retry_delay',
  'send_chunk',
  'server_side_encryption',
  'signurl_use_https',
  'simpledb_host',
  'skip_destination_validation',
  'skip_existing',
  'socket_timeout',
  'ssl_client_cert_file',
  'ssl_client_key_file',
  'stats',
  'stop_on_error',
  'storage_class',
  'throttle_max',
  'upload_id',
  'urlencoding_mode',
  'use_http_expect',
  'use_mime_magic',
  'verbosity',
  'website_endpoint',
  'website_error',
  'website_index',
]);

/** s3cmd's own legacy location names. */
const LOCATION_REGIONS: Record<string, string> = { US: 'us-east-1', EU: 'eu-west-1' };

export function parseS3cfg(text: string): ImportResult {
  const log = new ProblemLog();
  const sections = parseIni(splitLines(text), S3CMD_SYNTAX, log);
  for (const section of sections) {
    for (const [key, entry] of section.entries) {
      if (SECRET_KEYS.has(key)) log.secret(entry.value);
    }
  }
  let section: IniSection | undefined;
  for (const s of sections) {
    if (s.name === 'default') section = s;
    else log.add(s.line, s.text, 'unknown-section', s.name);
  }
  const profile = section ? readDefault(section, log) : undefined;
  if (!section) log.add(0, '', 'missing-section', 'default');
  return { format: 's3cfg', profiles: profile ? [profile] : [], problems: log.finish() };
}

function readDefault(
  section: IniSection,
  log: ProblemLog,
): ImportResult['profiles'][number] | undefined {
  for (const entry of section.entries.values()) {
    if (!USED_KEYS.has(entry.key) && !S3CFG_IGNORED_KEYS.has(entry.key)) {
      log.add(entry.line, entry.text, 'unknown-key', entry.key);
    }
  }
  const read = (key: string): { value: string; entry: IniEntry } | undefined => {
    const entry = section.entries.get(key);
    if (!entry) return undefined;
    // s3cmd strips double quotes itself; single quotes it keeps.
    const value = entryValue(entry, log, '"', undefined);
    if (value === undefined || value === '') return undefined;
    // s3cmd reads "$NAME" from the environment, which a file cannot show.
    if (value.startsWith('$')) {
      log.add(entry.line, entry.text, 'unresolved-variable', value.slice(1));
      return undefined;
    }
    return { value, entry };
  };
  const bool = (key: string, fallback: boolean | undefined): boolean | undefined => {
    const found = read(key);
    if (!found) return fallback;
    const v = found.value.toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(v)) return true;
    if (['false', 'no', 'off', '0'].includes(v)) return false;
    log.add(found.entry.line, found.entry.text, 'bad-value', key);
    return fallback;
  };

  const accessKey = read('access_key');
  const secretKey = read('secret_key');
  const token = read('access_token');
  const hostBase = read('host_base');
  const hostBucket = read('host_bucket');
  const servicePath = read('service_path');
  const location = read('bucket_location');
  let useHttps = bool('use_https', undefined);
  const signatureV2 = bool('signature_v2', false);

  if (!accessKey || !/^\S+$/.test(accessKey.value)) {
    if (accessKey) log.add(accessKey.entry.line, accessKey.entry.text, 'bad-value', 'access_key');
    else log.add(section.line, section.text, 'missing-access-key', 'access_key');
    return undefined;
  }
  if (useHttps === undefined) {
    // s3cmd 2.x connects over HTTPS unless told otherwise; 1.x did the opposite.
    useHttps = true;
    log.add(section.line, section.text, 'assumed-default', 'use_https=True');
  }
  // s3cmd's own default host_base.
  const host = hostBase?.value ?? 's3.amazonaws.com';
  let path = '';
  if (servicePath) {
    if (servicePath.value.startsWith('/')) path = servicePath.value;
    else log.add(servicePath.entry.line, servicePath.entry.text, 'bad-value', 'service_path');
  }
  const endpoint = /^[^/?#@\s]+$/.test(host)
    ? parseHttpUrl(`${useHttps ? 'https' : 'http'}://${host}${path}`)
    : undefined;
  if (!endpoint) {
    if (hostBase) log.add(hostBase.entry.line, hostBase.entry.text, 'bad-url', 'host_base');
    return undefined;
  }

  // Virtual-host style only when host_bucket puts the bucket in front of a host name.
  let pathStyle = true;
  if (hostBucket) pathStyle = !hostBucket.value.includes('%(bucket)s.');
  else {
    pathStyle = false;
    log.add(
      section.line,
      section.text,
      'assumed-default',
      'host_bucket=%(bucket)s.s3.amazonaws.com',
    );
  }

  let region = 'us-east-1';
  if (location) {
    const mapped = LOCATION_REGIONS[location.value.toUpperCase()] ?? location.value;
    if (isRegion(mapped)) region = mapped;
    else log.add(location.entry.line, location.entry.text, 'bad-value', 'bucket_location');
  }
  const signatureVersion: SignatureVersion = signatureV2 ? 2 : 4;

  const draft = {
    kind: 's3' as const,
    name: host,
    accessKeyId: accessKey.value,
    endpoint: s3EndpointUrl(endpoint),
    pathStyle,
    region,
    signatureVersion,
  };
  const source = `[${section.name}]`;
  if (!secretKey) {
    log.add(accessKey.entry.line, accessKey.entry.text, 'missing-secret', 'secret_key');
    return { draft, source };
  }
  if (!/^\S+$/.test(secretKey.value)) {
    log.add(secretKey.entry.line, secretKey.entry.text, 'bad-value', 'secret_key');
    return { draft, source };
  }
  const secret: Secret = { secretAccessKey: secretKey.value };
  if (token) secret.sessionToken = token.value;
  return { draft, secret, source };
}
