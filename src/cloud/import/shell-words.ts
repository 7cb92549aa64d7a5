// Splits one line of a POSIX shell file (an eucarc) into words and operators, keeping
// variable references apart from literal text so they can be expanded later. It does not
// run anything: command substitutions are kept as opaque parts.

export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'var'; name: string }
  /** $(...), `...`, ${VAR:-x}, $0 and friends: values only a running shell knows. */
  | { kind: 'opaque'; text: string };

export interface Word {
  parts: WordPart[];
  raw: string;
}

export type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string };

export type LexError = 'unterminated-quote' | 'unterminated-expansion' | 'line-continuation';

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: LexError };

const OPERATOR_CHARS = ';&|<>()';
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

class LexFailure {
  constructor(readonly error: LexError) {}
}

export function lexShellLine(line: string): LexResult {
  try {
    return { ok: true, tokens: new Lexer(line).tokens() };
  } catch (e) {
    if (e instanceof LexFailure) return { ok: false, error: e.error };
    throw e;
  }
}

class Lexer {
  private pos = 0;

  constructor(private readonly src: string) {}

  tokens(): Token[] {
    const out: Token[] = [];
    for (;;) {
      while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
      const c = this.peek();
      if (c === undefined || c === '#') return out;
      if (OPERATOR_CHARS.includes(c)) {
        out.push({ kind: 'op', op: this.operator(c) });
        continue;
      }
      out.push({ kind: 'word', word: this.word() });
    }
  }

  /** Reads `;`, `&`, `&&`, `|`, `||`, `(`, `)` and redirections such as `>&2` or `2>>`. */
  private operator(c: string): string {
    const next = this.peek(1) ?? '';
    const pair = c + next;
    const op = ['&&', '||', '>>', '>&', '<&', '&>', '<<'].includes(pair) ? pair : c;
    this.pos += op.length;
    return op;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private word(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    const text = (t: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text' && last.quoted === quoted) last.text += t;
      else parts.push({ kind: 'text', text: t, quoted });
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === ' ' || c === '\t' || OPERATOR_CHARS.includes(c)) break;
      if (c === '\\') {
        const next = this.peek(1);
        // A trailing backslash continues the command on the next line; values here are one line.
        if (next === undefined) throw new LexFailure('line-continuation');
        text(next, true);
        this.pos += 2;
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new LexFailure('unterminated-quote');
        text(this.src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        this.doubleQuoted(parts, (t) => text(t, true));
      } else if (c === '$') {
        const part = this.dollar();
        if (part.kind === 'text') text(part.text, false);
        else parts.push(part);
      } else if (c === '`') {
        parts.push(this.backtick());
      } else {
        text(c, false);
        this.pos++;
      }
    }
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private doubleQuoted(parts: WordPart[], text: (t: string) => void): void {
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new LexFailure('unterminated-quote');
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const next = this.peek(1);
        if (next === undefined) throw new LexFailure('unterminated-quote');
        // Inside double quotes a backslash only escapes these; elsewhere it is literal.
        text('$`"\\'.includes(next) ? next : `\\${next}`);
        this.pos += 2;
      } else if (c === '$') {
        const part = this.dollar();
        if (part.kind === 'text') text(part.text);
        else parts.push(part);
      } else if (c === '`') {
        parts.push(this.backtick());
      } else {
        text(c);
        this.pos++;
      }
    }
  }

  /** At a '$': a variable, an opaque expansion, or a literal dollar sign. */
  private dollar(): WordPart {
    const start = this.pos;
    const next = this.peek(1);
    if (next === '{') {
      const end = this.closing(this.pos + 2, '{', '}');
      this.pos = end + 1;
      const inner = this.src.slice(start + 2, end);
      return /^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)
        ? { kind: 'var', name: inner }
        : { kind: 'opaque', text: this.src.slice(start, this.pos) };
    }
    if (next === '(') {
      const end = this.closing(this.pos + 2, '(', ')');
      this.pos = end + 1;
      return { kind: 'opaque', text: this.src.slice(start, this.pos) };
    }
    if (next !== undefined && NAME_START.test(next)) {
      this.pos++;
      while (this.peek() !== undefined && NAME_CHAR.test(this.peek() ?? '')) this.pos++;
      return { kind: 'var', name: this.src.slice(start + 1, this.pos) };
    }
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      this.pos += 2;
      return { kind: 'opaque', text: this.src.slice(start, this.pos) };
    }
    this.pos++;
    return { kind: 'text', text: '$', quoted: false };
  }

  private backtick(): WordPart {
    const end = this.src.indexOf('`', this.pos + 1);
    if (end < 0) throw new LexFailure('unterminated-quote');
    const text = this.src.slice(this.pos, end + 1);
    this.pos = end + 1;
    return { kind: 'opaque', text };
  }

  /** Index of the bracket that closes one opened just before `from`, skipping quoted text. */
  private closing(from: number, open: string, close: string): number {
    let depth = 1;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') {
        i++;
      } else if (c === "'" || c === '"') {
        const end = this.src.indexOf(c, i + 1);
        if (end < 0) throw new LexFailure('unterminated-quote');
        i = end;
      } else if (c === open) {
        depth++;
      } else if (c === close) {
        depth--;
        if (depth === 0) return i;
      }
    }
    throw new LexFailure('unterminated-expansion');
  }
}
