// Shared by the import tests: fixture loading and the "no secret in any problem" check.

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ImportResult } from '../../../src/cloud/import';

export function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/import/${path}`, import.meta.url), 'utf8');
}

/** Every value written after a secret-looking name (secret keys, tokens, passphrases). */
export function secretValues(text: string): string[] {
  const values: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /(secret|token|passphrase)\w*\s*[=:]\s*(.*)$/i.exec(line);
    const value = m?.[2]?.trim().replace(/^["']|["']$/g, '');
    if (value && value.length >= 4 && !value.startsWith('$')) values.push(value);
  }
  return values;
}

/** No problem of `result` carries any secret value written in `texts`. */
export function expectNoSecrets(result: ImportResult, ...texts: string[]): void {
  const secrets = texts.flatMap(secretValues);
  const problems = JSON.stringify(result.problems);
  for (const secret of secrets) expect(problems).not.toContain(secret);
}

/** Problems reduced to what the tests compare: line, code, detail (and file when set). */
export function codes(result: ImportResult): string[] {
  return result.problems.map(
    (p) => `${p.file ? `${p.file}:` : ''}${p.line} ${p.code}${p.detail ? ` ${p.detail}` : ''}`,
  );
}
