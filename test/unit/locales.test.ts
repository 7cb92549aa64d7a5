import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
type Catalog = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (locale: string): Catalog =>
  JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8'));
const en = load('en');
const ja = load('ja');

describe('locales', () => {
  test('English and Japanese have the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  test('the certificate hint says how to trust the CA first, accepting it in a tab only after', () => {
    for (const [catalog, trust, once] of [
      [en, 'CA certificate', 'accept the certificate'],
      [ja, 'CA 証明書', '証明書を受け入れて'],
    ] as const) {
      const hint = catalog.hintTlsOrUnreachable?.message ?? '';
      expect(hint).toContain('Firefox');
      expect(hint).toContain('Chrome');
      expect(hint.indexOf(trust)).toBeGreaterThan(-1);
      expect(hint.indexOf(once)).toBeGreaterThan(hint.indexOf(trust));
    }
  });

  test('no message is empty, and placeholders match', () => {
    for (const [key, entry] of Object.entries(en)) {
      const other = ja[key];
      expect(entry.message.trim(), key).not.toBe('');
      expect(other?.message.trim(), key).not.toBe('');
      const used = (m: string) =>
        [...m.matchAll(/\$([A-Z_]+)\$/gi)].map((x) => x[1]?.toLowerCase()).sort();
      expect(used(other?.message ?? ''), key).toEqual(used(entry.message));
      expect(Object.keys(other?.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(entry.placeholders ?? {}).sort(),
      );
    }
  });

  test('every __MSG_ in manifest.json exists', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g))
      expect(en, key).toHaveProperty(key as string);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx$/.test(entry.name) ? [path] : [];
  });
}

/** Attributes a person reads or hears: their values must come from t(). */
const SPOKEN_ATTRIBUTES = new Set(['title', 'placeholder', 'alt', 'aria-label', 'label', 'value']);

/** Finds JSX text and spoken attributes that are literal words instead of t('key'). */
function literalStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const words = /\p{L}/u;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && words.test(node.getText())) found.push(node.getText().trim());
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init.text
          : init &&
              ts.isJsxExpression(init) &&
              init.expression &&
              ts.isStringLiteralLike(init.expression)
            ? init.expression.text
            : null;
      if (literal && words.test(literal)) found.push(`${node.name.getText()}="${literal}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  test('contain no literal user-visible strings', () => {
    const offenders = sourceFiles(join(root, 'src/panels')).flatMap((file) =>
      literalStrings(file, readFileSync(file, 'utf8')).map(
        (s) => `${file.slice(root.length + 1)}: ${s}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  test('the check itself catches literal text and labels', () => {
    const sample = `const A = () => <p title="Delete it">Hello<b aria-label={'Close'}>{t('x')}</b> </p>;`;
    expect(literalStrings('a.tsx', sample)).toEqual([
      'title="Delete it"',
      'Hello',
      'aria-label="Close"',
    ]);
  });
});
