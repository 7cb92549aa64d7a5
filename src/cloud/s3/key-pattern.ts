// What a whole-bucket search looks for in a key: plain text (a substring) or a glob (`*` within a
// path segment, `**` across segments, `?` one character). A pattern with `/` is matched against
// the key relative to the searched prefix, one without `/` against the last segment (the name).
// Compiled to one RegExp up front: a search tests it against every key of a 100,000-key bucket.

export interface KeyPatternOptions {
  caseInsensitive?: boolean;
}

/** Tests a key relative to the searched prefix. */
export type KeyMatcher = (relativeKey: string) => boolean;

const GLOB_CHARS = /[*?]/;
// Every character RegExp syntax gives a meaning to; with the `u` flag only these may be escaped.
const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** The glob as an anchored RegExp source; every other character stands for itself. */
export function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; ) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` also matches no folder at all, so `a/**/b` finds `a/b`.
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 3;
      } else {
        out += '.*';
        i += 2;
      }
    } else if (c === '*') {
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else {
      // Whole code points, so `?` and literal emoji line up under the `u` flag.
      const point = String.fromCodePoint(glob.codePointAt(i) as number);
      out += point.replace(SPECIAL, '\\$&');
      i += point.length;
    }
  }
  return `^${out}$`;
}

/** The last path segment of a relative key (a key's "name"). */
export function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * Compiles a search pattern once. Empty matches every key. Text without `*` or `?` is a
 * substring; with them, a glob that must match all of the name (or of the relative key).
 */
export function compileKeyPattern(pattern: string, opts: KeyPatternOptions = {}): KeyMatcher {
  if (!pattern) return () => true;
  const whole = pattern.includes('/');
  const pick = whole ? (key: string) => key : lastSegment;
  if (!isGlob(pattern)) {
    if (!opts.caseInsensitive) return (key) => pick(key).includes(pattern);
    const needle = pattern.toLowerCase();
    return (key) => pick(key).toLowerCase().includes(needle);
  }
  // `s`: keys may hold line breaks, and `**` must cross them too.
  const re = new RegExp(globSource(pattern), opts.caseInsensitive ? 'isu' : 'su');
  return (key) => re.test(pick(key));
}
