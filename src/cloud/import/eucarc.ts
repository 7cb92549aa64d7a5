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
  type ValueRef,
} from './endpoints';
import { ProblemLog, splitLines } from './problems';
import { lexShellLine, type Token, type Word, type WordPart } from './shell-words';
import type { ImportProblemCode, ImportResult, ProfileDraft } from './types';

/** Variables that build the profile, in order of precedence within each group. */
const ACCESS_KEY_VARS = ['EC2_ACCESS_KEY', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID'];
const SECRET_KEY_VARS = ['EC2_SECRET_KEY', 'AWS_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY'];
const SESSION_TOKEN_VARS = ['AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];
const REGION_VARS = ['AWS_DEFAULT_REGION', 'AWS_REGION', 'EC2_REGION'];
const URL_VARS = ['EC2_URL', 'S3_URL'];
const USED_VARS = new Set([
  ...ACCESS_KEY_VARS,
  ...SECRET_KEY_VARS,
  ...SESSION_TOKEN_VARS,
  ...REGION_VARS,
  ...URL_VARS,
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
  'EUARE_URL',
  'AWS_IAM_URL',
  'TOKEN_URL',
  'AWS_STS_URL',
  'AWS_AUTO_SCALING_URL',
  'AWS_CLOUDFORMATION_URL',
  'AWS_CLOUDWATCH_URL',
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

/** Shell commands that cannot change the credentials; their lines are skipped quietly. */
const HARMLESS_COMMANDS = new Set([
  'alias',
  'unalias',
  'echo',
  'printf',
  'true',
  'false',
  ':',
  'set',
  'shopt',
  'umask',
  'return',
  'unset',
  'test',
  '[',
  '[[',
  'complete',
  'trap',
]);
/** Commands that can define more variables from elsewhere; reported, not followed. */
const FOREIGN_COMMANDS = new Set(['source', '.', 'eval']);
const DECLARE_COMMANDS = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);
const COMMAND_SEPARATORS = new Set([';', '&', '&&', '|', '||']);
const CONTROL_WORDS = new Set(['if', 'elif', 'while', 'until', 'for', 'case']);
const BODY_WORDS = new Set(['then', 'else', 'do', '!', '{']);
const END_WORDS = new Set(['fi', 'done', 'esac', '}']);

type Resolved = { value: string } | { unresolved: string };

interface Assignment {
  name: string;
  line: number;
  text: string;
  resolved: Resolved;
}

export function parseEucarc(text: string, fileName?: string): ImportResult {
  const reader = new EucarcReader();
  const lines = splitLines(text);
  lines.forEach((line, i) => {
    reader.readLine(line, i + 1);
  });
  return reader.result(fileName ?? 'eucarc');
}

class EucarcReader {
  readonly log = new ProblemLog();
  /** Every variable as the shell would hold it after the lines read so far. */
  private readonly vars = new Map<string, Resolved>();
  private readonly used = new Map<string, Assignment>();
  private readonly unknown: Assignment[] = [];
  private readonly referenced = new Set<string>();
  private certFile: string | undefined;
  private conditionalDepth = 0;
  private line = 0;
  private text = '';

  readLine(text: string, line: number): void {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    this.line = line;
    this.text = text;
    const lexed = lexShellLine(text);
    if (!lexed.ok) {
      if (lexed.error === 'unterminated-quote') this.problem('unterminated-quote');
      else this.problem('unreadable-line', lexed.error);
      return;
    }
    // `a; b`, `a && b` and pipelines are separate commands; each is checked on its own.
    let command: Token[] = [];
    for (const token of lexed.tokens) {
      if (token.kind === 'op' && COMMAND_SEPARATORS.has(token.op)) {
        this.command(command);
        command = [];
      } else {
        command.push(token);
      }
    }
    this.command(command);
  }

  private problem(code: ImportProblemCode, detail?: string): void {
    this.log.add(this.line, this.text, code, detail);
  }

  private command(tokens: Token[]): void {
    const first = tokens[0];
    if (first === undefined) return;
    if (first.kind === 'op') {
      this.problem('unreadable-line');
      return;
    }
    if (assignmentName(first.word) !== undefined) {
      // `A=1 B=2` assigns both; `A=1 cmd` only sets A for cmd, which is not what an rc file means.
      if (tokens.every((t) => t.kind === 'word' && assignmentName(t.word) !== undefined)) {
        for (const t of tokens) if (t.kind === 'word') this.assign(t.word);
      } else {
        this.problem('unreadable-line');
      }
      return;
    }
    const name = plainWord(first.word);
    const rest = tokens.slice(1);
    if (name === undefined) {
      this.problem('unreadable-line');
    } else if (DECLARE_COMMANDS.has(name)) {
      this.declare(rest);
    } else if (CONTROL_WORDS.has(name)) {
      // The condition itself is a test; what matters is that the body may not run.
      if (name !== 'elif') this.conditionalDepth++;
    } else if (BODY_WORDS.has(name)) {
      this.command(rest);
    } else if (END_WORDS.has(name)) {
      if (name !== '}') this.conditionalDepth = Math.max(0, this.conditionalDepth - 1);
    } else if (FOREIGN_COMMANDS.has(name)) {
      this.problem('ignored-command', name);
    } else if (!HARMLESS_COMMANDS.has(name)) {
      this.problem('unreadable-line');
    }
  }

  /** `export A=1 B`, `declare -x A=1`: assignments and names, options skipped. */
  private declare(tokens: Token[]): void {
    for (const token of tokens) {
      if (token.kind === 'op') {
        this.problem('unreadable-line');
        return;
      }
      if (assignmentName(token.word) !== undefined) {
        this.assign(token.word);
        continue;
      }
      const word = plainWord(token.word);
      if (word === undefined || !/^(-\w+|[A-Za-z_]\w*)$/.test(word)) {
        this.problem('unreadable-line');
        return;
      }
    }
  }

  private assign(word: Word): void {
    const name = assignmentName(word) ?? '';
    const parts = valueParts(word, name);
    for (const part of parts) if (part.kind === 'var') this.referenced.add(part.name);
    const resolved = this.resolve(parts);
    this.vars.set(name, resolved);
    const assignment: Assignment = { name, line: this.line, text: this.text, resolved };
    if ('value' in resolved && SECRET_VARS.has(name)) this.log.secret(resolved.value);
    if (USED_VARS.has(name)) {
      if (this.used.has(name)) this.problem('duplicate-key', name);
      if (this.conditionalDepth > 0) this.problem('conditional-assignment', name);
      this.used.set(name, assignment);
    } else if (name === 'EC2_CERT' || name === 'EC2_PRIVATE_KEY') {
      // Only the file name matters (it carries the user name), so unexpanded text will do.
      this.certFile = word.raw.slice(name.length + 1);
    } else if (!EUCARC_IGNORED_VARS.has(name) && !name.startsWith('EUCA_')) {
      this.unknown.push(assignment);
    }
  }

  private resolve(parts: WordPart[]): Resolved {
    let value = '';
    for (const part of parts) {
      if (part.kind === 'text') {
        value += part.text;
      } else if (part.kind === 'opaque') {
        return { unresolved: part.text };
      } else {
        const known = this.vars.get(part.name);
        if (known === undefined || !('value' in known)) return { unresolved: part.name };
        value += known.value;
      }
    }
    return { value };
  }

  /** The first usable value among `names`, reporting unusable and disagreeing ones. */
  private pick(names: string[], check: (value: string) => boolean): ValueRef | undefined {
    let chosen: ValueRef | undefined;
    const others: ValueRef[] = [];
    for (const name of names) {
      const a = this.used.get(name);
      if (a === undefined) continue;
      if (!('value' in a.resolved)) {
        this.log.add(a.line, a.text, 'unresolved-variable', a.resolved.unresolved);
        continue;
      }
      if (a.resolved.value === '') continue;
      if (!check(a.resolved.value)) {
        this.log.add(a.line, a.text, 'bad-value', name);
        continue;
      }
      const ref = { key: name, value: a.resolved.value, line: a.line, text: a.text };
      if (chosen === undefined) chosen = ref;
      else others.push(ref);
    }
    for (const other of others) {
      if (chosen && other.value !== chosen.value) {
        this.log.add(other.line, other.text, 'conflicting-value', chosen.key);
      }
    }
    return chosen;
  }

  result(source: string): ImportResult {
    for (const a of this.unknown) {
      // Helper variables (REGION=...; EC2_URL=http://ec2.$REGION...) are used, not unknown.
      if (!this.referenced.has(a.name)) this.log.add(a.line, a.text, 'unknown-key', a.name);
    }
    const profile = this.profile(source);
    return {
      format: 'eucarc',
      profiles: profile ? [profile] : [],
      problems: this.log.finish(),
    };
  }

  private profile(source: string): ImportResult['profiles'][number] | undefined {
    const isUrl = (v: string) => !/\s/.test(v);
    const isKey = (v: string) => /^\S+$/.test(v);
    const ec2 = this.pick(['EC2_URL'], isUrl);
    const s3 = this.pick(['S3_URL'], isUrl);
    const accessKey = this.pick(ACCESS_KEY_VARS, isKey);
    const secretKey = this.pick(SECRET_KEY_VARS, isKey);
    const sessionToken = this.pick(SESSION_TOKEN_VARS, isKey);
    const region = this.pick(REGION_VARS, isRegion);

    if (ec2 === undefined) {
      this.log.add(0, '', 'missing-endpoint', 'EC2_URL');
      return undefined;
    }
    if (accessKey === undefined) {
      const at = secretKey ?? ec2;
      this.log.add(at.line, at.text, 'missing-access-key', ACCESS_KEY_VARS[0]);
      return undefined;
    }
    if (secretKey === undefined) {
      this.log.add(accessKey.line, accessKey.text, 'missing-secret', SECRET_KEY_VARS[0]);
    }

    const compute = parseHttpUrl(ec2.value);
    let draft: ProfileDraft | undefined;
    if (compute && isAwsHost(compute.host)) {
      // An rc file for Amazon's EC2 API tools: same variables, Amazon endpoint.
      const hostRegion = awsRegionFromEc2Host(compute.host);
      if (hostRegion && region && region.value !== hostRegion) {
        this.log.add(region.line, region.text, 'conflicting-value', 'EC2_URL');
      }
      let awsRegion = hostRegion ?? region?.value;
      if (awsRegion === undefined) {
        awsRegion = 'us-east-1';
        this.log.add(ec2.line, ec2.text, 'assumed-default', `region=${awsRegion}`);
      }
      draft = {
        kind: 'aws',
        name: compute.host,
        accessKeyId: accessKey.value,
        region: awsRegion,
      };
    } else {
      const endpoints = eucalyptusEndpoints(ec2, s3, this.log);
      if (!endpoints) return undefined;
      const user = this.certFile
        ? /euca2-(.+)-[0-9a-f]{8}-(?:cert|pk)\.pem$/.exec(this.certFile)?.[1]
        : undefined;
      const host = nameFromHost(endpoints.host);
      draft = {
        kind: 'eucalyptus',
        name: user ? `${user}@${host}` : host,
        accessKeyId: accessKey.value,
        ...endpoints,
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
}

/** NAME when the word is an assignment NAME=..., as the shell decides it (unquoted name). */
function assignmentName(word: Word): string | undefined {
  const first = word.parts[0];
  if (first?.kind !== 'text' || first.quoted) return undefined;
  return /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text)?.[1];
}

function valueParts(word: Word, name: string): WordPart[] {
  const [first, ...rest] = word.parts;
  if (first?.kind !== 'text') return word.parts;
  const remainder = first.text.slice(name.length + 1);
  return remainder === '' ? rest : [{ ...first, text: remainder }, ...rest];
}

/** The word's text when it has no quotes or expansions, as command names do. */
function plainWord(word: Word): string | undefined {
  const only = word.parts[0];
  if (word.parts.length !== 1 || only?.kind !== 'text') return undefined;
  return only.text;
}
