// Reads a shell rc file of credentials (an eucarc, a novarc) without running it: assignments
// are followed as the shell would expand them, $(...) stays unknown, and every line the reader
// cannot account for is reported with its number. Each format names its own variables.

import type { ValueRef } from './endpoints';
import { ProblemLog, splitLines } from './problems';
import { lexShellLine, type Token, type Word, type WordPart } from './shell-words';
import type { ImportProblemCode } from './types';

/** The variables a format reads, hides and knows to ignore. */
export interface RcVocabulary {
  used: ReadonlySet<string>;
  /** Values masked in problem reports. */
  secret: ReadonlySet<string>;
  /** Kept as written, unexpanded (certificate file names). */
  raw?: ReadonlySet<string>;
  /** Known variables the format sets that Cirrus has no use for. */
  ignored: (name: string) => boolean;
}

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

export class RcReader {
  constructor(private readonly vocabulary: RcVocabulary) {}

  readonly log = new ProblemLog();
  /** Every variable as the shell would hold it after the lines read so far. */
  private readonly vars = new Map<string, Resolved>();
  private readonly used = new Map<string, Assignment>();
  private readonly unknown: Assignment[] = [];
  private readonly referenced = new Set<string>();
  /** Unexpanded text of the vocabulary's `raw` variables (file names: only the name matters). */
  private readonly rawText = new Map<string, string>();
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

  problem(code: ImportProblemCode, detail?: string): void {
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
    if ('value' in resolved && this.vocabulary.secret.has(name)) this.log.secret(resolved.value);
    if (this.vocabulary.used.has(name)) {
      if (this.used.has(name)) this.problem('duplicate-key', name);
      if (this.conditionalDepth > 0) this.problem('conditional-assignment', name);
      this.used.set(name, assignment);
    } else if (this.vocabulary.raw?.has(name)) {
      this.rawText.set(name, word.raw.slice(name.length + 1));
    } else if (!this.vocabulary.ignored(name)) {
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
  pick(names: string[], check: (value: string) => boolean): ValueRef | undefined {
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

  /** The unexpanded text a `raw` variable was given. */
  raw(name: string): string | undefined {
    return this.rawText.get(name);
  }

  /** Reports the unknown variables; call once, after the last line. */
  finishUnknown(): void {
    for (const a of this.unknown) {
      // Helper variables (REGION=...; EC2_URL=http://ec2.$REGION...) are used, not unknown.
      if (!this.referenced.has(a.name)) this.log.add(a.line, a.text, 'unknown-key', a.name);
    }
  }
}

/** Reads every line of `text`. */
export function readRc(text: string, vocabulary: RcVocabulary): RcReader {
  const reader = new RcReader(vocabulary);
  splitLines(text).forEach((line, i) => {
    reader.readLine(line, i + 1);
  });
  return reader;
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
