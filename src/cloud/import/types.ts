// What the import parsers hand to the "Import" dialog: drafts to review, never saved silently.

import type { AwsProfile, EucalyptusProfile, S3CompatibleProfile, Secret } from '../profile';

export type ProfileDraft =
  | Omit<AwsProfile, 'id'>
  | Omit<EucalyptusProfile, 'id'>
  | Omit<S3CompatibleProfile, 'id'>;

export interface ImportedProfile {
  draft: ProfileDraft;
  /** Absent when the file named an access key but no secret: the user types it in. */
  secret?: Secret;
  /** Which file/section it came from, e.g. "[default]" or "credentials [dev] + config [profile dev]". */
  source: string;
}

export type ImportFormat =
  | 'eucarc'
  | 'novarc'
  | 'aws-credentials'
  | 'aws-config'
  | 's3cfg'
  | 'boto';

/** Codes, not sentences: the UI translates them. `detail` carries a key name or a default, never a value. */
export type ImportProblemCode =
  /** Nothing in the text looks like a supported file (detail 'zip' for a credentials archive). */
  | 'unknown-format'
  /** Not an assignment, comment, section or known command. */
  | 'unreadable-line'
  | 'unterminated-quote'
  /** INI key before the first [section]; ignored. */
  | 'key-outside-section'
  /** A key this format does not define; ignored. */
  | 'unknown-key'
  /** A key this format defines but Cirrus does not use (detail names it); ignored. */
  | 'ignored-key'
  /** A section this format does not define; its keys are ignored. */
  | 'unknown-section'
  /** ~/.aws/config section without the "profile " prefix: the AWS CLI ignores it too. */
  | 'missing-profile-prefix'
  /** ~/.aws/credentials section with a "profile " prefix: the AWS CLI reads it under that literal name. */
  | 'extra-profile-prefix'
  /** The same section again; its keys are merged into the first one. */
  | 'duplicate-section'
  /** The same key again; the later value wins (as in the tools that read these files). */
  | 'duplicate-key'
  /** Two keys that mean the same thing disagree; detail names the key (or file) that was used. */
  | 'conflicting-value'
  /** A value wrapped in quotes the format does not strip; the quotes were removed. */
  | 'quoted-value'
  | 'bad-url'
  | 'bad-value'
  /** A value refers to something the file does not define ($VAR, $(command)); detail names it. */
  | 'unresolved-variable'
  /** An assignment inside if/fi: it was read, but the shell may not run it. */
  | 'conditional-assignment'
  /** A command that may define more values (source, eval); not followed. */
  | 'ignored-command'
  | 'missing-access-key'
  | 'missing-secret'
  /** No endpoint to build the profile from (detail names the key expected). */
  | 'missing-endpoint'
  /** A required section is absent (detail names it). */
  | 'missing-section'
  /** The S3 endpoint's scheme or port differs from the EC2 one; a Eucalyptus profile has one of each. */
  | 'endpoint-mismatch'
  /** Another service's URL (CloudWatch, Euare, Tokens) is not on the EC2 scheme, host and port; its default path is kept. */
  | 'service-url-mismatch'
  /** The cloud's object store is a separate service (OpenStack): the profile has no S3; detail names the key. */
  | 'separate-object-store'
  /** Credentials come from SSO, a role or a process (detail names the key); Cirrus needs static keys. */
  | 'unsupported-credentials'
  /** The file did not say, so a default was used; detail is "setting=value". */
  | 'assumed-default';

export interface ImportProblem {
  /** 1-based line number; 0 when the problem concerns the whole file. */
  line: number;
  /** The offending line text with any secret value replaced by '••••'. */
  text: string;
  code: ImportProblemCode;
  detail?: string;
  /** Which file, when one import reads several (aws: 'credentials' or 'config'). */
  file?: string;
}

export interface ImportResult {
  /** 'unknown' only with an 'unknown-format' problem. */
  format: ImportFormat | 'unknown';
  profiles: ImportedProfile[];
  problems: ImportProblem[];
}
