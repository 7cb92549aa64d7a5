// The terms of a search box: plain words, and `tag:KEY=VALUE` / `tag:KEY` filters. Each term
// becomes a needle found by substring in a row's indexed text, where tags are written between
// separators (tagText): so a tag filter costs a keystroke no more than a word does, and the rows'
// texts are still made once (list-search.ts).

import type { Tag } from '../../cloud/ec2';

// Control characters nobody types: they bound a tag's key and value in the indexed text, so
// `tag:env=prod` cannot match a key "my env" or a value "production".
const OPEN = '\u001d';
const EQUALS = '\u001e';
const CLOSE = '\u001f';
const SEPARATORS = new RegExp(`[${OPEN}${EQUALS}${CLOSE}]`, 'g');

export type SearchTerm =
  | { kind: 'word'; text: string }
  /** No value: the row has the key, whatever its value. */
  | { kind: 'tag'; key: string; value?: string };

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * A quoted part (`"Cost Center"`, with \" and \\ inside) or a bare one up to a space (or to `=`
 * for a key). Null when a quote is never closed.
 */
function readPart(
  query: string,
  from: number,
  isKey: boolean,
): { text: string; end: number } | null {
  if (query[from] === '"') {
    let text = '';
    for (let i = from + 1; i < query.length; i++) {
      const c = query[i] as string;
      if (c === '"') return { text, end: i + 1 };
      if (c === '\\' && (query[i + 1] === '"' || query[i + 1] === '\\')) {
        text += query[i + 1];
        i++;
      } else text += c;
    }
    return null;
  }
  let end = from;
  while (end < query.length && !isSpace(query[end]) && !(isKey && query[end] === '=')) end++;
  return { text: query.slice(from, end), end };
}

/** `KEY`, `KEY=VALUE`, quoted or not, from just after `tag:`; null when it is not one. */
function readTagTerm(query: string, from: number): { term: SearchTerm; end: number } | null {
  const key = readPart(query, from, true);
  if (!key || key.text === '') return null;
  const atEnd = (i: number) => i === query.length || isSpace(query[i]);
  if (atEnd(key.end)) return { term: { kind: 'tag', key: key.text }, end: key.end };
  if (query[key.end] !== '=') return null;
  const value = readPart(query, key.end + 1, false);
  if (!value || !atEnd(value.end)) return null;
  return { term: { kind: 'tag', key: key.text, value: value.text }, end: value.end };
}

/**
 * The terms of a query, in order. Words are split at spaces; `tag:` starts a tag filter whose key
 * and value may be quoted (tag:"Cost Center"="a b"). A `tag:` term that does not parse is an
 * ordinary word, so a half-typed filter still narrows the list instead of failing.
 */
export function parseSearch(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < query.length) {
    if (isSpace(query[i])) {
      i++;
      continue;
    }
    if (query.slice(i, i + 4).toLowerCase() === 'tag:') {
      const tag = readTagTerm(query, i + 4);
      if (tag) {
        terms.push(tag.term);
        i = tag.end;
        continue;
      }
    }
    let end = i;
    while (end < query.length && !isSpace(query[end])) end++;
    const text = query.slice(i, end).replace(SEPARATORS, '');
    if (text) terms.push({ kind: 'word', text });
    i = end;
  }
  return terms;
}

const clean = (s: string) => s.replace(SEPARATORS, ' ');

/** What a term looks for in a row's lower-case text. */
export function needleOf(term: SearchTerm): string {
  if (term.kind === 'word') return term.text.toLowerCase();
  const key = `${OPEN}${clean(term.key)}${EQUALS}`;
  return (term.value === undefined ? key : `${key}${clean(term.value)}${CLOSE}`).toLowerCase();
}

/** The needles of a query, lower-case; none means no filter. */
export function queryNeedles(query: string): string[] {
  return parseSearch(query).map(needleOf);
}

/**
 * Tags as they go into a row's search text: plain words find their keys and values, and the
 * separators let a tag filter match a whole key and a whole value.
 */
export function tagText(tags: readonly Tag[]): string {
  let out = '';
  for (const tag of tags) out += `${OPEN}${clean(tag.key)}${EQUALS}${clean(tag.value)}${CLOSE}`;
  return out;
}
