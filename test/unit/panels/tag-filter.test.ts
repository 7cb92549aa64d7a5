// The search box's tag: terms: how they parse, and that a list finds rows by them (and by plain
// words in tag keys and values) without giving up its one-time indexing.

import { signal } from '@preact/signals';
import { describe, expect, test } from 'vitest';
import type { Tag } from '../../../src/cloud/ec2';
import { createListSearch } from '../../../src/panels/components/list-search';
import { parseSearch, queryNeedles } from '../../../src/panels/components/tag-filter';

describe('parseSearch', () => {
  test('plain words and tag terms, in order', () => {
    expect(parseSearch('  web tag:Env=prod  tag:Owner db ')).toEqual([
      { kind: 'word', text: 'web' },
      { kind: 'tag', key: 'Env', value: 'prod' },
      { kind: 'tag', key: 'Owner' },
      { kind: 'word', text: 'db' },
    ]);
    expect(parseSearch('')).toEqual([]);
    expect(parseSearch('   ')).toEqual([]);
  });

  test('quoted keys and values keep their spaces; \\" and \\\\ escape inside quotes', () => {
    expect(parseSearch('tag:"Cost Center"="a b"')).toEqual([
      { kind: 'tag', key: 'Cost Center', value: 'a b' },
    ]);
    expect(parseSearch('tag:"Cost Center"')).toEqual([{ kind: 'tag', key: 'Cost Center' }]);
    expect(parseSearch('tag:Env="blue green" x')).toEqual([
      { kind: 'tag', key: 'Env', value: 'blue green' },
      { kind: 'word', text: 'x' },
    ]);
    expect(parseSearch('tag:"say \\"hi\\""="c:\\\\tmp"')).toEqual([
      { kind: 'tag', key: 'say "hi"', value: 'c:\\tmp' },
    ]);
  });

  test('the tag: prefix in any case; an empty value is a value; = after the first is data', () => {
    expect(parseSearch('TAG:Env=')).toEqual([{ kind: 'tag', key: 'Env', value: '' }]);
    expect(parseSearch('Tag:url=a=b')).toEqual([{ kind: 'tag', key: 'url', value: 'a=b' }]);
  });

  test('a term that does not parse is an ordinary word', () => {
    for (const raw of ['tag:', 'tag:=x', 'tag:""', 'tag:"x"y', 'tag:k="v"w']) {
      expect(parseSearch(raw), raw).toEqual([{ kind: 'word', text: raw }]);
    }
    // An unclosed quote: the words as typed, split at spaces.
    expect(parseSearch('tag:"Cost Center')).toEqual([
      { kind: 'word', text: 'tag:"Cost' },
      { kind: 'word', text: 'Center' },
    ]);
    expect(parseSearch('tag:Env="a b')).toEqual([
      { kind: 'word', text: 'tag:Env="a' },
      { kind: 'word', text: 'b' },
    ]);
  });

  test('needles are lower-case', () => {
    const [word, tag] = queryNeedles('WEB tag:ENV=Prod');
    expect(word).toBe('web');
    expect(tag).toBe(tag?.toLowerCase());
  });
});

interface Row {
  id: string;
  name: string;
  tags: Tag[];
}

const row = (id: string, name: string, tags: Record<string, string>): Row => ({
  id,
  name,
  tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
});

function searchOf(rows: Row[]) {
  return createListSearch(
    signal<readonly Row[]>(rows),
    (r) => `${r.id}\n${r.name}`,
    (r) => r.tags,
  );
}

const ids = (rows: readonly Row[]) => rows.map((r) => r.id);

describe('a list searched by tags', () => {
  const rows = [
    row('vol-1', 'data', { Env: 'prod', 'Cost Center': 'a b' }),
    row('vol-2', 'scratch', { Env: 'production', Owner: 'kim' }),
    row('vol-3', 'logs', { env: 'PROD', 'my env': 'prod' }),
    row('vol-4', 'spare', {}),
  ];

  test('tag:KEY=VALUE matches the whole key and the whole value, in any case', () => {
    const search = searchOf(rows);
    search.query.value = 'tag:Env=prod';
    expect(ids(search.filtered.value)).toEqual(['vol-1', 'vol-3']);
    search.query.value = 'tag:ENV=PRODUCTION';
    expect(ids(search.filtered.value)).toEqual(['vol-2']);
    search.query.value = 'tag:env=pro';
    expect(ids(search.filtered.value)).toEqual([]);
  });

  test('tag:KEY is "has the key"; quoted terms; mixed with words', () => {
    const search = searchOf(rows);
    search.query.value = 'tag:owner';
    expect(ids(search.filtered.value)).toEqual(['vol-2']);
    search.query.value = 'tag:"Cost Center"="a b"';
    expect(ids(search.filtered.value)).toEqual(['vol-1']);
    search.query.value = 'tag:"my env"';
    expect(ids(search.filtered.value)).toEqual(['vol-3']);
    search.query.value = 'tag:env LOGS';
    expect(ids(search.filtered.value)).toEqual(['vol-3']);
  });

  test('plain words find tag keys and values', () => {
    const search = searchOf(rows);
    search.query.value = 'kim';
    expect(ids(search.filtered.value)).toEqual(['vol-2']);
    search.query.value = 'center';
    expect(ids(search.filtered.value)).toEqual(['vol-1']);
  });

  test('an unparsable tag term searches as a word', () => {
    const search = searchOf([...rows, row('vol-5', 'notes on tag:"x', {})]);
    search.query.value = 'tag:"x';
    expect(ids(search.filtered.value)).toEqual(['vol-5']);
  });

  test('separator characters in a tag or a query cannot forge a match', () => {
    const search = searchOf([row('vol-9', 'odd', { 'a\u001eb': 'c\u001fd' })]);
    search.query.value = 'tag:a=b';
    expect(ids(search.filtered.value)).toEqual([]);
    search.query.value = 'tag:"a b"="c d"';
    expect(ids(search.filtered.value)).toEqual(['vol-9']);
  });

  test("each row's text, tags included, is made once when the row arrives", () => {
    let made = 0;
    const source = signal<readonly Row[]>(rows);
    const search = createListSearch(
      source,
      (r) => r.id,
      (r) => {
        made++;
        return r.tags;
      },
    );
    expect(made).toBe(rows.length);
    for (const q of ['tag:env', 'tag:env=prod', 'kim', 'tag:"Cost Center"="a b"'])
      search.query.value = q;
    void search.filtered.value;
    expect(made).toBe(rows.length);
    search.dispose();
  });
});
