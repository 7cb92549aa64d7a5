// Picks the parser for a dropped file or pasted text: by file name when there is one,
// otherwise by what the text contains.

import { parseAwsFiles } from './aws-ini';
import { parseBoto } from './boto';
import { parseEucarc } from './eucarc';
import { parseNovarc } from './novarc';
import { parseS3cfg } from './s3cfg';
import type { ImportFormat, ImportResult } from './types';

/** The format a file name announces, if any (only the base name counts). */
export function formatFromFileName(fileName: string): ImportFormat | undefined {
  const base = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (/eucarc/.test(base)) return 'eucarc';
  if (/novarc/.test(base)) return 'novarc';
  if (base === 'credentials') return 'aws-credentials';
  if (base === 'config') return 'aws-config';
  if (/(^|\.)s3cfg$/.test(base)) return 's3cfg';
  if (base === '.boto' || base === 'boto' || base === 'boto.cfg') return 'boto';
  return undefined;
}

/** The format of `text`: the file name decides when it names one, else the content. */
export function detectFormat(text: string, fileName?: string): ImportFormat | undefined {
  const byName = fileName === undefined ? undefined : formatFromFileName(fileName);
  return byName ?? formatFromContent(text);
}

function formatFromContent(text: string): ImportFormat | undefined {
  const has = (re: RegExp) => re.test(text);
  const sections = [...text.matchAll(/^\s*\[([^\]\r\n]+)\]\s*$/gm)].map((m) => m[1]?.trim() ?? '');
  if (sections.length === 0) {
    // Nova's own variables (or nova's EC2 path) tell a novarc from an eucarc.
    if (has(/^\s*(export\s+)?(NOVA_[A-Z_]+|NOVARC)=|\/services\/Cloud\b/m)) return 'novarc';
    // Shell assignments of the variables an eucarc sets.
    return has(/^\s*(export\s+)?(EC2_URL|S3_URL|EC2_ACCESS_KEY|EC2_SECRET_KEY|EUCA_KEY_DIR)=/m)
      ? 'eucarc'
      : undefined;
  }
  if (sections.includes('Credentials') || sections.includes('Boto')) return 'boto';
  if (has(/^\s*(host_base|host_bucket|access_key|secret_key)\s*=/m)) return 's3cfg';
  return awsFileFromContent(sections, has);
}

/**
 * ~/.aws/config names its sections "profile NAME"; ~/.aws/credentials just "NAME". The
 * majority of non-default sections decides, so one misnamed section does not flip the file.
 */
function awsFileFromContent(
  sections: string[],
  has: (re: RegExp) => boolean,
): ImportFormat | undefined {
  const keyed = has(/^\s*aws_(access_key_id|secret_access_key|session_token)\s*[=:]/im);
  const configured = has(
    /^\s*(region|output|endpoint_url|role_arn|sso_\w+|credential_process)\s*[=:]/im,
  );
  // Any other INI file (a .gitconfig, say) is not ours.
  if (!keyed && !configured) return undefined;
  const named = sections.filter((s) => s !== 'default');
  if (named.length > 0) {
    const prefixed = named.filter((s) => /^(profile|sso-session|services)\s/.test(s)).length;
    return prefixed * 2 > named.length ? 'aws-config' : 'aws-credentials';
  }
  // Only [default]: config can hold keys too, and reading it as config keeps the region.
  return configured ? 'aws-config' : 'aws-credentials';
}

/** Parses text in whatever supported format it is in; unknown text yields one problem. */
export function importText(text: string, fileName?: string): ImportResult {
  // Eucalyptus hands out credentials as a zip; say so instead of reading binary as text.
  if (text.startsWith('PK\u0003\u0004')) return unknown('zip');
  if (text.includes('\u0000')) return unknown('binary');
  switch (detectFormat(text, fileName)) {
    case 'eucarc':
      return parseEucarc(text, fileName);
    case 'novarc':
      return parseNovarc(text, fileName);
    case 'aws-credentials':
      return parseAwsFiles({ credentials: text });
    case 'aws-config':
      return parseAwsFiles({ config: text });
    case 's3cfg':
      return parseS3cfg(text);
    case 'boto':
      return parseBoto(text);
    case undefined:
      return unknown();
  }
}

export interface ImportFile {
  name: string;
  text: string;
}

/**
 * Parses several dropped files. An AWS credentials file and an AWS config file dropped
 * together are read as one, so their profiles merge by name as the AWS CLI merges them.
 */
export function importFiles(files: readonly ImportFile[]): ImportResult[] {
  const results: ImportResult[] = [];
  let credentials: ImportFile | undefined;
  let config: ImportFile | undefined;
  for (const file of files) {
    const format = detectFormat(file.text, file.name);
    if (format === 'aws-credentials' && !credentials) credentials = file;
    else if (format === 'aws-config' && !config) config = file;
    else results.push(importText(file.text, file.name));
  }
  if (credentials || config) {
    const aws: { credentials?: string; config?: string } = {};
    if (credentials) aws.credentials = credentials.text;
    if (config) aws.config = config.text;
    results.unshift(parseAwsFiles(aws));
  }
  return results;
}

function unknown(detail?: string): ImportResult {
  return {
    format: 'unknown',
    profiles: [],
    problems: [{ line: 1, text: '', code: 'unknown-format', ...(detail ? { detail } : {}) }],
  };
}
