// A streaming scanner for big list responses (DescribeImages can be 70 MB): it hands out the
// items at one path as soon as their closing tag arrives and builds the rest of the document,
// both shaped exactly as parseXml() in ./xml builds them (fast-xml-parser v5 with our options).
// Pure TypeScript: runs in Node, in the page and in a worker. Hot loops use indexOf/charCodeAt
// over the chunk; only an unfinished tag (and text not yet closed) is carried to the next chunk.
//
// What it reads: elements, text, CDATA, comments, processing instructions, a DOCTYPE without
// entity declarations, the five XML entities and numeric character references (which, like
// fast-xml-parser with htmlEntities off, it keeps as written: see decode()). Attributes are
// checked for syntax and skipped. A well-formed document reads exactly as with fast-xml-parser;
// where fast-xml-parser also accepts garbage (a second root after a self-closing one, text after
// it, CDATA outside the root, `<!foo>`, a DOCTYPE or `<?xml` past the start) this scanner throws,
// and a DOCTYPE that declares entities is refused instead of expanded.

import { CloudError } from './errors';
import type { XmlElement, XmlValue } from './xml';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const HASH = 35;
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

// fast-xml-parser's name rule (src/util.js), so the same tag and attribute names are refused.
const NAME_START =
  ':A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`);

// fast-xml-parser refuses these element names and renames the others (prototype pollution guard).
const REFUSED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const RENAMED_NAMES = new Set([
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
/** fast-xml-parser's maxNestedTags: opening an element below this many open ones fails. */
const MAX_OPEN = 100;
const NAME_CACHE_LIMIT = 4096;

/** A tag name seen before, with a guess at the names that follow it (AWS repeats its shapes). */
interface TagName {
  raw: string;
  /** Local name (prefix removed), matched against itemPath. */
  local: string;
  /** Property name in the result, as fast-xml-parser writes it. */
  key: string;
  /** The name that last followed this one as a sibling. */
  next: TagName | undefined;
  /** The name of this element's first child, last time. */
  first: TagName | undefined;
}

interface Frame {
  name: TagName;
  obj: XmlElement | undefined;
  /** Text parts so far (trimmed, decoded, joined), undefined while none. */
  text: string | undefined;
  item: boolean;
  /** The last child's name, to guess the next one. */
  last: TagName | undefined;
}

/** XML white space as fast-xml-parser's validator sees it between tags. */
function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

/**
 * The engine's own copy of a name (as property keys are kept): flat for charCodeAt, and a
 * property store with it needs no lookup in the string table. Names never look like indexes.
 */
function intern(name: string): string {
  return Object.keys({ [name]: 0 })[0] ?? name;
}

/** s has `name` at `at` (a loop beats startsWith on names this short). */
function nameAt(s: string, at: number, name: string): boolean {
  const m = name.length;
  if (at + m > s.length) return false;
  for (let j = 0; j < m; j++) if (s.charCodeAt(at + j) !== name.charCodeAt(j)) return false;
  return true;
}

function isNameEnd(c: number): boolean {
  return c === GT || c === SLASH || c === SPACE || c === LF || c === TAB || c === CR;
}

/**
 * Decodes text the way fast-xml-parser does with our options (processEntities on, htmlEntities
 * off): the five XML entities are replaced; numeric references (`&#65;`, `&#x1F600;`) are left
 * as written, except code points XML 1.0 forbids (NUL, surrogates, C0 controls but tab, LF, CR),
 * which are removed; unknown named entities stay as written. A `&` that starts no reference is
 * refused, as fast-xml-parser's validator does. Returns undefined for a bad reference.
 */
function decode(v: string, amp: number, xml11: boolean): string | undefined {
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const semi = v.indexOf(';', amp + 1);
    if (semi === -1) return undefined;
    let replacement: string | undefined;
    if (v.charCodeAt(amp + 1) === HASH) {
      const hex = v.charCodeAt(amp + 2) === 120; // x
      const start = hex ? amp + 3 : amp + 2;
      for (let k = start; k < semi; k++) {
        const c = v.charCodeAt(k);
        const digit = c >= 48 && c <= 57;
        if (!digit && !(hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)))) return undefined;
      }
      // fast-xml-parser's decoder looks for ';' at most 33 characters on; past that it leaves it.
      if (semi > start && semi - amp <= 33) {
        const cp = Number.parseInt(v.slice(start, semi), hex ? 16 : 10);
        const forbidden =
          cp === 0 ||
          (cp >= 0xd800 && cp <= 0xdfff) ||
          (!xml11 && cp < 0x20 && cp !== TAB && cp !== LF && cp !== CR);
        if (forbidden) replacement = '';
      }
    } else {
      const length = semi - amp - 1;
      if (length < 1 || length > 20) return undefined;
      for (let k = amp + 1; k < semi; k++) {
        const c = v.charCodeAt(k);
        const word =
          (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
        if (!word) return undefined;
      }
      switch (v.slice(amp + 1, semi)) {
        case 'lt':
          replacement = '<';
          break;
        case 'gt':
          replacement = '>';
          break;
        case 'amp':
          replacement = '&';
          break;
        case 'quot':
          replacement = '"';
          break;
        case 'apos':
          replacement = "'";
          break;
      }
    }
    if (replacement !== undefined) {
      out += v.slice(last, amp) + replacement;
      last = semi + 1;
    }
    amp = v.indexOf('&', semi + 1);
  }
  return last === 0 ? v : out + v.slice(last);
}

/**
 * Scans one XML document fed in chunks and hands out the elements at `itemPath` one by one.
 * Feed it with write(), finish with end(). Items are emitted from inside write(), as soon as
 * their closing tag is read; a document found malformed later still had its earlier items
 * emitted, and end() (or the write() that found it) throws.
 */
export class XmlItemScanner {
  private readonly path: string[];
  private readonly onItem: (item: XmlValue) => void;
  private readonly names = new Map<string, TagName>();
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** How many open elements, from the root down, match itemPath. */
  private matched = 0;
  private top: Frame | undefined;
  private root: XmlElement | undefined;
  private rootName: TagName | undefined;
  private doctype = false;
  private xml11 = false;
  /** Unfinished markup carried to the next chunk (starts with '<'). */
  private tail = '';
  /** Raw text carried over a chunk boundary or a comment, not yet trimmed. */
  private pend = '';
  /** Document offset where pend starts. */
  private pendAt = 0;
  /** Where a search for ']]>' or '-->' in the tail may resume. */
  private resume = 0;
  /** The previous chunk ended with CR: its LF may come next. */
  private cr = false;
  /** Document offset of the first character of the current buffer. */
  private base = 0;
  private selfClosing = false;
  private started = false;
  /** The error that stopped the scan (malformed input, or thrown by onItem): thrown again. */
  private broken: unknown;
  private ended = false;

  /**
   * itemPath: element local names from the root down to the repeated item, e.g.
   * ['DescribeImagesResponse', 'imagesSet', 'item']; '*' matches any name (typically the root).
   * Namespace prefixes are ignored (local names match). Only elements at exactly that depth
   * under matching parents are items: an `item` inside an item stays part of it.
   */
  constructor(itemPath: string[], onItem: (item: XmlValue) => void) {
    if (itemPath.length < 2) throw new TypeError('itemPath needs the root and at least one level');
    this.path = itemPath;
    this.onItem = onItem;
  }

  /** Feeds the next chunk of text; chunks may split anywhere (tags, entities, names, CDATA). */
  write(chunk: string): void {
    if (this.broken !== undefined) throw this.broken;
    if (this.ended) throw new TypeError('XmlItemScanner: write() after end()');
    if (!this.started) {
      if (chunk === '') return;
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1); // byte order mark
    }
    // fast-xml-parser reads CR LF and lone CR as LF everywhere; a CR ending a chunk waits for it.
    if (this.cr) {
      chunk = `\r${chunk}`;
      this.cr = false;
    }
    if (chunk.indexOf('\r') !== -1) {
      if (chunk.charCodeAt(chunk.length - 1) === CR) {
        this.cr = true;
        chunk = chunk.slice(0, -1);
      }
      chunk = chunk.replace(/\r\n?/g, '\n');
    }
    this.feed(chunk);
  }

  /**
   * Ends the document; returns the whole document without the items at itemPath, shaped as
   * parseXml() would return it (read nextToken or requestId from it). A parent left with no
   * children reads '' like an empty list. Throws CloudError MalformedXml on unclosed tags, a
   * truncated tag, or no root element.
   */
  end(): XmlElement {
    if (this.broken !== undefined) throw this.broken;
    if (this.ended) throw new TypeError('XmlItemScanner: end() called twice');
    if (this.cr) {
      this.cr = false;
      this.feed('\n');
    }
    this.ended = true;
    if (this.tail !== '') {
      const what = this.tail.slice(0, 20);
      return this.fail(`document ends inside markup "${what}"`, 0);
    }
    if (this.depth > 0) {
      return this.fail(`unclosed tag <${this.top?.name.raw}>`, 0);
    }
    if (this.root === undefined) return this.fail('no root element', 0);
    return this.root;
  }

  private feed(chunk: string): void {
    try {
      const from = this.tail === '' ? 0 : this.finishTail(chunk);
      if (from < 0) return;
      this.scan(chunk, from);
      this.base += chunk.length - this.tail.length;
    } catch (error) {
      this.broken = error;
      throw error;
    }
  }

  /**
   * Finishes the markup carried from the last chunk on a short string (the tail and the chunk up
   * to a '>'): `tail + chunk` would copy every chunk, and values sliced from the copies would keep
   * them all alive. Returns where to go on in the chunk, -1 when the whole chunk was used.
   */
  private finishTail(chunk: string): number {
    const tail = this.tail;
    let k = chunk.indexOf('>');
    for (let tries = 1; ; tries++) {
      // A comment or a quoted value full of '>': after a few tries, take the whole chunk.
      const end = k === -1 || tries > 8 ? chunk.length : k + 1;
      const head = tail + chunk.slice(0, end);
      this.tail = '';
      this.scan(head, 0);
      if (this.tail.length < head.length) {
        // Done, and maybe a new markup started before `end`: go on from it in the chunk.
        const from = head.length - this.tail.length - tail.length;
        this.tail = '';
        this.base += tail.length;
        return from;
      }
      if (end === chunk.length) return -1; // still unfinished, tail = head
      this.tail = tail; // needs a later '>'
      k = chunk.indexOf('>', k + 1);
    }
  }

  private fail(detail: string, at: number): never {
    throw new CloudError({
      code: 'MalformedXml',
      message: `Response is not well-formed XML: ${detail} at offset ${this.base + at}`,
    });
  }

  private scan(s: string, from: number): void {
    const n = s.length;
    let i = from;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        this.carry(s, i, n);
        return;
      }
      const c = lt + 1 < n ? s.charCodeAt(lt + 1) : -1;
      let end: number;
      if (c === -1) end = -1;
      else if (c === SLASH) end = this.closeTag(s, i, lt);
      else if (c === BANG) end = this.bang(s, i, lt);
      else if (c === QUESTION) end = this.instruction(s, i, lt);
      else end = this.openTag(s, i, lt);
      if (end < 0) {
        // Unfinished markup: keep it (and the text before it) for the next chunk.
        this.carry(s, i, lt);
        this.tail = s.slice(lt);
        return;
      }
      i = end;
    }
  }

  /** Keeps raw text [a, b) that continues after a chunk boundary or a comment. */
  private carry(s: string, a: number, b: number): void {
    if (a >= b) return;
    if (this.depth === 0) {
      for (let k = a; k < b; k++) {
        if (!isSpace(s.charCodeAt(k))) {
          this.fail(this.root ? 'text after the root element' : 'text before the root element', k);
        }
      }
      return;
    }
    if (this.pend === '') this.pendAt = this.base + a;
    this.pend += s.slice(a, b);
  }

  /** Ends a text part ([a, b) plus any carried text): trims, decodes and adds it to the open element. */
  private flush(s: string, a: number, b: number): void {
    if (this.depth === 0) {
      this.carry(s, a, b);
      this.pend = '';
      return;
    }
    let v: string;
    const start = this.pend === '' ? a : this.pendAt - this.base; // for errors
    if (this.pend !== '') {
      v = (this.pend + s.slice(a, b)).trim();
      this.pend = '';
      if (v === '') return;
    } else {
      if (a === b) return;
      let c = s.charCodeAt(a);
      while (c <= SPACE && (c === SPACE || (c >= TAB && c <= CR))) {
        if (++a === b) return;
        c = s.charCodeAt(a);
      }
      const first = c;
      c = s.charCodeAt(b - 1);
      while (c <= SPACE && (c === SPACE || (c >= TAB && c <= CR))) c = s.charCodeAt(--b - 1);
      v = s.slice(a, b);
      // String.prototype.trim (which fast-xml-parser uses) also trims Unicode spaces.
      if (first >= 0x80 || c >= 0x80) {
        v = v.trim();
        if (v === '') return;
      }
    }
    const amp = v.indexOf('&');
    if (amp !== -1) {
      const decoded = decode(v, amp, this.xml11);
      if (decoded === undefined)
        this.fail(`bad entity reference in "${v.slice(amp, amp + 12)}"`, start);
      if (decoded === '') return;
      v = decoded;
    }
    const top = this.top as Frame;
    top.text = top.text === undefined ? v : top.text + v;
  }

  private openTag(s: string, i: number, lt: number): number {
    const n = s.length;
    const top = this.top;
    const p = lt + 1;
    // Guess the name from the shape seen so far: a comparison instead of a slice and a lookup.
    const guess =
      top === undefined ? this.rootName : top.last === undefined ? top.name.first : top.last.next;
    let name: TagName;
    let k: number;
    let c: number;
    if (
      guess !== undefined &&
      nameAt(s, p, guess.raw) &&
      isNameEnd(s.charCodeAt(p + guess.raw.length))
    ) {
      name = guess;
      k = p + guess.raw.length;
      c = s.charCodeAt(k);
    } else {
      k = p;
      c = s.charCodeAt(k);
      while (k < n && !isNameEnd(c)) c = s.charCodeAt(++k);
      if (k >= n) return -1;
      const raw = s.slice(p, k);
      name = this.names.get(raw) ?? this.learn(raw, lt);
      if (top === undefined) this.rootName = name;
      else if (top.last === undefined) top.name.first = name;
      else top.last.next = name;
    }
    let end: number;
    let selfClosing = false;
    if (c === GT) {
      end = k + 1;
    } else if (c === SLASH) {
      if (k + 1 >= n) return -1;
      if (s.charCodeAt(k + 1) !== GT) this.fail(`bad tag <${name.raw}`, lt);
      selfClosing = true;
      end = k + 2;
    } else {
      const gt = this.attributes(s, k);
      if (gt < 0) return -1;
      selfClosing = this.selfClosing;
      end = gt + 1;
    }

    const d = this.depth;
    if (d === 0 && this.root !== undefined) this.fail(`second root element <${name.raw}>`, lt);
    this.flush(s, i, lt);
    if (top !== undefined) top.last = name;
    let item = false;
    if (this.matched === d && d < this.path.length) {
      const want = this.path[d];
      if (want === '*' || want === name.local) {
        if (d === this.path.length - 1) item = true;
        else if (!selfClosing) this.matched = d + 1;
      }
    }
    if (selfClosing) {
      this.add(d, name, '', item);
      return end;
    }
    if (d > MAX_OPEN) this.fail(`elements nested deeper than ${MAX_OPEN + 1}`, lt);
    let frame = this.frames[d];
    if (frame === undefined) {
      frame = { name, obj: undefined, text: undefined, item, last: undefined };
      this.frames[d] = frame;
    } else {
      frame.name = name;
      frame.obj = undefined;
      frame.text = undefined;
      frame.item = item;
      frame.last = undefined;
    }
    this.top = frame;
    this.depth = d + 1;
    return end;
  }

  /** A tag name seen for the first time: checked, its prefix removed, made a safe key. */
  private learn(sliced: string, lt: number): TagName {
    const raw = intern(sliced);
    if (!NAME.test(raw)) {
      this.fail(
        raw === '' ? "no tag name after '<'" : `invalid tag name "${raw.slice(0, 40)}"`,
        lt,
      );
    }
    const colon = raw.indexOf(':');
    const local = colon === -1 ? raw : intern(raw.slice(colon + 1));
    if (REFUSED_NAMES.has(local)) this.fail(`reserved tag name "${local}"`, lt);
    const key = RENAMED_NAMES.has(local) ? intern(`__${local}`) : local;
    const name: TagName = { raw, local, key, next: undefined, first: undefined };
    if (this.names.size < NAME_CACHE_LIMIT) this.names.set(raw, name);
    return name;
  }

  /**
   * Skips attributes from k (white space after the tag name), checking them as fast-xml-parser's
   * validator does (quoted values, space between, no repeats, valid names); quotes may hold
   * '>' and '/'. Returns the index of the closing '>' (this.selfClosing tells `/>`), -1 when
   * the tag continues in the next chunk.
   */
  private attributes(s: string, k: number): number {
    const n = s.length;
    let seen: string[] | undefined;
    for (;;) {
      let spaced = false;
      let c = s.charCodeAt(k);
      while (k < n && isSpace(c)) {
        spaced = true;
        c = s.charCodeAt(++k);
      }
      if (k >= n) return -1;
      if (c === GT) {
        this.selfClosing = false;
        return k;
      }
      if (c === SLASH) {
        if (k + 1 >= n) return -1;
        if (s.charCodeAt(k + 1) !== GT) this.fail("'/' inside a tag", k);
        this.selfClosing = true;
        return k + 1;
      }
      if (!spaced) this.fail('no space before an attribute', k);
      const start = k;
      while (k < n && c !== EQUALS && c !== GT && c !== SLASH && !isSpace(c)) c = s.charCodeAt(++k);
      if (k >= n) return -1;
      const attribute = s.slice(start, k);
      if (!NAME.test(attribute)) this.fail(`invalid attribute name "${attribute}"`, start);
      while (k < n && isSpace(c)) c = s.charCodeAt(++k);
      if (k >= n) return -1;
      if (c !== EQUALS) this.fail(`attribute "${attribute}" without a value`, start);
      c = s.charCodeAt(++k);
      while (k < n && isSpace(c)) c = s.charCodeAt(++k);
      if (k >= n) return -1;
      if (c !== DQUOTE && c !== SQUOTE) this.fail(`attribute "${attribute}" is not quoted`, k);
      const close = s.indexOf(c === DQUOTE ? '"' : "'", k + 1);
      if (close === -1) return -1;
      k = close + 1;
      if (seen === undefined) seen = [attribute];
      else if (seen.includes(attribute)) this.fail(`attribute "${attribute}" repeated`, start);
      else seen.push(attribute);
    }
  }

  private closeTag(s: string, i: number, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt === -1) return -1;
    const top = this.top;
    if (top === undefined) {
      const found = s.slice(lt + 2, Math.min(gt, lt + 42)).trim();
      return this.fail(`closing tag </${found}> without an open element`, lt);
    }
    const raw = top.name.raw;
    let ok = nameAt(s, lt + 2, raw);
    for (let k = lt + 2 + raw.length; ok && k < gt; k++) ok = isSpace(s.charCodeAt(k));
    if (!ok) {
      const found = s.slice(lt + 2, Math.min(gt, lt + 42)).trim();
      this.fail(`expected </${raw}>, found </${found}>`, lt);
    }
    this.flush(s, i, lt);

    const d = this.depth - 1;
    this.depth = d;
    this.top = d === 0 ? undefined : this.frames[d - 1];
    if (this.matched > d) this.matched = d;
    let value: XmlValue;
    const obj = top.obj;
    if (obj === undefined) {
      value = top.text ?? '';
    } else {
      if (top.text !== undefined) obj['#text'] = top.text;
      value = obj;
    }
    top.obj = undefined;
    top.text = undefined;
    this.add(d, top.name, value, top.item);
    return gt + 1;
  }

  /** Adds a finished element at depth d to its parent, to the result, or hands it out. */
  private add(d: number, name: TagName, value: XmlValue, item: boolean): void {
    if (item) {
      this.onItem(value);
    } else if (d === 0) {
      this.root = { [name.key]: value };
    } else {
      const parent = this.frames[d - 1] as Frame;
      let obj = parent.obj;
      if (obj === undefined) {
        obj = {};
        parent.obj = obj;
      }
      const key = name.key;
      const previous = obj[key];
      // Own values are never functions: a function is inherited (isPrototypeOf...), not a child.
      if (previous === undefined || typeof previous === 'function') obj[key] = value;
      else if (Array.isArray(previous)) previous.push(value);
      else obj[key] = [previous, value];
    }
  }

  /** `<!--`, `<![CDATA[` or `<!DOCTYPE`. */
  private bang(s: string, i: number, lt: number): number {
    const n = s.length;
    if (s.startsWith('<!--', lt)) {
      const close = s.indexOf('-->', Math.max(lt + 4, lt + this.resume));
      if (close === -1) return this.wait(s, lt, 2);
      this.resume = 0;
      this.carry(s, i, lt); // text around a comment is one part, as in fast-xml-parser
      return close + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) this.fail('CDATA outside the root element', lt);
      const close = s.indexOf(']]>', Math.max(lt + 9, lt + this.resume));
      if (close === -1) return this.wait(s, lt, 2);
      this.resume = 0;
      this.flush(s, i, lt);
      if (close > lt + 9) {
        const top = this.top as Frame;
        const v = s.slice(lt + 9, close); // CDATA: neither trimmed nor decoded
        top.text = top.text === undefined ? v : top.text + v;
      }
      return close + 3;
    }
    if (s.startsWith('<!DOCTYPE', lt)) {
      if (this.depth > 0 || this.root !== undefined || this.doctype) {
        this.fail('DOCTYPE after the start of the document', lt);
      }
      const close = this.doctypeEnd(s, lt + 9);
      if (close < 0) return -1;
      this.doctype = true;
      this.carry(s, i, lt);
      return close + 1;
    }
    const rest = s.slice(lt, lt + 9);
    if (
      n - lt < 9 &&
      ('<![CDATA['.startsWith(rest) || '<!DOCTYPE'.startsWith(rest) || rest === '<!-')
    ) {
      return -1;
    }
    return this.fail(`unexpected "${rest}"`, lt);
  }

  /** An unclosed comment or CDATA: resume the search near the end of what was read. */
  private wait(s: string, lt: number, overlap: number): number {
    this.resume = Math.max(0, s.length - lt - overlap);
    return -1;
  }

  /**
   * The '>' ending a DOCTYPE, skipping quoted literals and the internal subset; -1 when it
   * continues in the next chunk. An internal subset declaring entities is refused:
   * fast-xml-parser would expand them, AWS never sends one.
   */
  private doctypeEnd(s: string, k: number): number {
    const n = s.length;
    let subset = false;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c === DQUOTE || c === SQUOTE) {
        k = s.indexOf(c === DQUOTE ? '"' : "'", k + 1);
        if (k === -1) return -1;
      } else if (c === 91) {
        subset = true; // [
      } else if (c === 93) {
        subset = false; // ]
      } else if (subset && c === LT) {
        if (s.startsWith('<!--', k)) {
          k = s.indexOf('-->', k + 4);
          if (k === -1) return -1;
          k += 2;
        } else if (s.startsWith('<!ENTITY', k)) {
          this.fail('DOCTYPE entity declarations are not supported', k);
        } else if (n - k < 8) {
          return -1;
        }
      } else if (c === GT && !subset) {
        return k;
      }
    }
    return -1;
  }

  /** A processing instruction (ignored) or the XML declaration (only at the very start). */
  private instruction(s: string, i: number, lt: number): number {
    // Quoted strings may hold '?>', as fast-xml-parser reads them (and `<?>` ends at once).
    const n = s.length;
    let close = lt + 1;
    for (; close < n; close++) {
      const c = s.charCodeAt(close);
      if (c === DQUOTE || c === SQUOTE) {
        close = s.indexOf(c === DQUOTE ? '"' : "'", close + 1);
        if (close === -1) return -1;
      } else if (c === QUESTION && s.charCodeAt(close + 1) === GT) {
        break;
      }
    }
    if (close >= n) return -1;
    if (s.startsWith('xml', lt + 2)) {
      const c = s.charCodeAt(lt + 5);
      if (isSpace(c) || c === QUESTION) {
        if (this.base + lt !== 0) this.fail('XML declaration not at the start', lt);
        this.xml11 = /version\s*=\s*["']1\.1["']/.test(s.slice(lt, close));
      }
    }
    this.flush(s, i, lt);
    return close + 2;
  }
}

/** Scans a whole document held in a string. */
export function scanText(
  text: string,
  itemPath: string[],
  onItem: (item: XmlValue) => void,
): XmlElement {
  const scanner = new XmlItemScanner(itemPath, onItem);
  scanner.write(text);
  return scanner.end();
}

/** Decodes a UTF-8 byte stream (characters may be split across chunks) and scans it. */
export async function scanStream(
  body: ReadableStream<Uint8Array>,
  itemPath: string[],
  onItem: (item: XmlValue) => void,
): Promise<XmlElement> {
  const scanner = new XmlItemScanner(itemPath, onItem);
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      scanner.write(decoder.decode(value, { stream: true }));
    }
    scanner.write(decoder.decode());
    return scanner.end();
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
  }
}
