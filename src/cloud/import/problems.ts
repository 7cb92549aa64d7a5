// Collects import problems and guarantees that no secret value leaves in their text.

import type { ImportProblem, ImportProblemCode } from './types';

export const MASK = '••••';

// Key names whose values are secret in any of the formats (secret keys, session tokens,
// s3cmd's gpg_passphrase, boto's proxy_pass, credential_process command lines).
const SECRET_NAME =
  /[A-Za-z0-9_.-]*(?:secret|token|pass(?:word|wd|phrase)?|credential_process)[A-Za-z0-9_.-]*/i;

// A whole line that is one long base64-like word: most likely a secret wrapped onto its own line.
const BARE_SECRET = /^[A-Za-z0-9+/=]{16,}$/;

/** Hides the value after a secret-looking key name, and lines that look like a bare secret. */
export function maskLine(line: string): string {
  // Section headers name profiles ("[nosecret]"), never hold values.
  if (/^\s*\[[^\]]*\]\s*$/.test(line)) return line;
  const match = SECRET_NAME.exec(line);
  if (match) {
    const nameEnd = match.index + match[0].length;
    const rest = line.slice(nameEnd);
    const separator = /^\s*[=:]?\s*/.exec(rest)?.[0] ?? '';
    const value = rest.slice(separator.length);
    if (value.trim() !== '') return `${line.slice(0, nameEnd)}${separator}${MASK}`;
  }
  const trimmed = line.trim();
  if (
    BARE_SECRET.test(trimmed) &&
    !trimmed.startsWith('/') &&
    /[0-9]/.test(trimmed) &&
    /[A-Za-z]/.test(trimmed)
  ) {
    return line.replace(trimmed, MASK);
  }
  return line;
}

export class ProblemLog {
  private readonly items: ImportProblem[] = [];
  private readonly secrets = new Set<string>();

  /** `files` fixes the order in which several files' problems are listed. */
  constructor(private readonly files: readonly string[] = []) {}

  /** `text` is the raw line; it is masked here so callers cannot forget. */
  add(line: number, text: string, code: ImportProblemCode, detail?: string, file?: string): void {
    const problem: ImportProblem = { line, text: maskLine(text), code };
    if (detail !== undefined) problem.detail = detail;
    if (file !== undefined) problem.file = file;
    this.items.push(problem);
  }

  /** Remembers a secret value so it is scrubbed from every problem, wherever it appears. */
  secret(value: string | undefined): void {
    if (value !== undefined && value.length >= 4) this.secrets.add(value);
  }

  /** Problems grouped by file (in the order files were read), then by line, secrets scrubbed. */
  finish(): ImportProblem[] {
    const scrub = (s: string): string => {
      let out = s;
      for (const secret of this.secrets) out = out.split(secret).join(MASK);
      return out;
    };
    const fileOrder = new Map<string, number>(this.files.map((f, i) => [f, i]));
    for (const p of this.items) {
      const file = p.file ?? '';
      if (!fileOrder.has(file)) fileOrder.set(file, fileOrder.size);
    }
    const rank = (p: ImportProblem): number => fileOrder.get(p.file ?? '') ?? 0;
    return this.items
      .map((p) => {
        const clean: ImportProblem = { ...p, text: scrub(p.text) };
        if (p.detail !== undefined) clean.detail = scrub(p.detail);
        return clean;
      })
      .sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  }
}

/** Splits text into lines the way editors number them (CRLF, CR or LF; BOM dropped). */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
