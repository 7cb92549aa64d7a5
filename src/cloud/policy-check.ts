// Checks a policy document before it is sent: JSON syntax (with the line and column of the first
// mistake, which JSON.parse words differently in every engine) and the basic shape of the IAM
// policy grammar. Pure, so bucket policies and IAM policies share it, and tests drive it in Node.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html

export type JsonErrorCode =
  | 'unexpectedEnd'
  | 'unexpectedCharacter'
  | 'badEscape'
  | 'controlCharacter'
  | 'badNumber'
  | 'trailingText';

export interface JsonSyntaxError {
  code: JsonErrorCode;
  /** 1-based, counted in characters (a tab is one column). */
  line: number;
  column: number;
  /** The character found where it went wrong; '' at the end of the text. */
  found: string;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

export type JsonParse = { ok: true; value: JsonValue } | { ok: false; error: JsonSyntaxError };

class SyntaxStop extends Error {
  constructor(
    readonly code: JsonErrorCode,
    readonly at: number,
  ) {
    super(code);
  }
}

/** Parses JSON (RFC 8259) and says exactly where the first mistake is. */
export function parseJson(text: string): JsonParse {
  let i = 0;
  const stop = (code: JsonErrorCode, at = i): never => {
    throw new SyntaxStop(at >= text.length ? 'unexpectedEnd' : code, at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) stop('unexpectedCharacter');
    i++;
  };
  const literal = (word: string, value: JsonValue): JsonValue => {
    for (const c of word) {
      if (text[i] !== c) stop('unexpectedCharacter');
      i++;
    }
    return value;
  };
  const string = (): string => {
    expect('"');
    let out = '';
    for (;;) {
      if (i >= text.length) stop('unexpectedEnd');
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') stop('controlCharacter');
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (e !== undefined && e in simple) {
        out += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else stop('badEscape', i + 1);
    }
  };
  const number = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) stop('badNumber');
    const s = (match as RegExpExecArray)[0];
    i += s.length;
    // "01", "1." or "1e": the number stopped early and what follows is the mistake.
    if (/[0-9.eE+-]/.test(text[i] ?? '')) stop('badNumber');
    return Number(s);
  };
  const value = (): JsonValue => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: { [k: string]: JsonValue } = {};
      space();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        space();
        const key = string();
        space();
        expect(':');
        // Own property, so "__proto__" is a key like any other.
        Object.defineProperty(out, key, {
          value: value(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return out;
      }
    }
    if (c === '[') {
      i++;
      const out: JsonValue[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return out;
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    return stop('unexpectedCharacter');
  };
  try {
    const result = value();
    space();
    if (i < text.length) stop('trailingText');
    return { ok: true, value: result };
  } catch (e) {
    if (!(e instanceof SyntaxStop)) throw e;
    return {
      ok: false,
      error: { code: e.code, ...lineColumn(text, e.at), found: text[e.at] ?? '' },
    };
  }
}

/** 1-based line and column of a character offset (CRLF counts as one line break). */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: at - lastBreak };
}

/** A role's trust policy names who may assume it (a Principal) and has no Resource. */
export type PolicyKind = 'bucket' | 'identity' | 'trust';

export type PolicyProblemCode =
  | 'notObject'
  | 'unknownKey'
  | 'versionMissing'
  | 'versionInvalid'
  | 'statementMissing'
  | 'statementInvalid'
  | 'statementEmpty'
  | 'effectInvalid'
  | 'actionMissing'
  | 'actionBoth'
  | 'actionInvalid'
  | 'resourceMissing'
  | 'resourceBoth'
  | 'resourceInvalid'
  | 'principalMissing'
  | 'principalBoth'
  | 'principalInvalid'
  | 'principalNotAllowed'
  | 'sidInvalid'
  | 'conditionInvalid';

export interface PolicyProblem {
  code: PolicyProblemCode;
  /** Where in the document, e.g. `Statement[1].Action`; '' for the whole document. */
  path: string;
}

export type PolicyCheck =
  | { ok: true; policy: { [k: string]: JsonValue } }
  | { ok: false; syntax: JsonSyntaxError; problems: [] }
  | { ok: false; syntax?: undefined; problems: PolicyProblem[] };

export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;

type JsonObject = { [k: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: JsonObject, k: string) => Object.hasOwn(o, k);
const isStringOrList = (v: JsonValue | undefined) =>
  typeof v === 'string' ||
  (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

/** A Principal: "*", or { "AWS" | "Service" | "Federated" | "CanonicalUser": string | string[] }. */
function isPrincipal(v: JsonValue | undefined): boolean {
  if (v === '*') return true;
  if (!isObject(v)) return false;
  const entries = Object.entries(v);
  return entries.length > 0 && entries.every(([, x]) => isStringOrList(x));
}

/** A Condition: { operator: { key: string | string[] | boolean | number... } }. */
function isCondition(v: JsonValue | undefined): boolean {
  return isObject(v) && Object.values(v).every(isObject);
}

const TOP_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

/** Exactly one of `a` and `b`, and a valid one. */
function oneOf(
  s: JsonObject,
  at: string,
  [a, b]: [string, string],
  valid: (v: JsonValue | undefined) => boolean,
  codes: { missing: PolicyProblemCode; both: PolicyProblemCode; invalid: PolicyProblemCode },
  out: PolicyProblem[],
): void {
  const present = [a, b].filter((k) => has(s, k));
  if (present.length === 0) out.push({ code: codes.missing, path: at });
  else if (present.length === 2) out.push({ code: codes.both, path: at });
  else if (!valid(s[present[0] as string]))
    out.push({ code: codes.invalid, path: `${at}.${present[0]}` });
}

function statementProblems(s: JsonValue, at: string, kind: PolicyKind): PolicyProblem[] {
  if (!isObject(s)) return [{ code: 'statementInvalid', path: at }];
  const out: PolicyProblem[] = [];
  for (const key of Object.keys(s))
    if (!STATEMENT_KEYS.has(key)) out.push({ code: 'unknownKey', path: `${at}.${key}` });
  if (has(s, 'Sid') && typeof s.Sid !== 'string')
    out.push({ code: 'sidInvalid', path: `${at}.Sid` });
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
    out.push({ code: 'effectInvalid', path: `${at}.Effect` });
  oneOf(
    s,
    at,
    ['Action', 'NotAction'],
    isStringOrList,
    { missing: 'actionMissing', both: 'actionBoth', invalid: 'actionInvalid' },
    out,
  );
  if (kind !== 'trust')
    oneOf(
      s,
      at,
      ['Resource', 'NotResource'],
      isStringOrList,
      { missing: 'resourceMissing', both: 'resourceBoth', invalid: 'resourceInvalid' },
      out,
    );
  if (kind === 'bucket' || kind === 'trust')
    oneOf(
      s,
      at,
      ['Principal', 'NotPrincipal'],
      isPrincipal,
      { missing: 'principalMissing', both: 'principalBoth', invalid: 'principalInvalid' },
      out,
    );
  else
    for (const key of ['Principal', 'NotPrincipal'])
      if (has(s, key)) out.push({ code: 'principalNotAllowed', path: `${at}.${key}` });
  if (has(s, 'Condition') && !isCondition(s.Condition))
    out.push({ code: 'conditionInvalid', path: `${at}.Condition` });
  return out;
}

/**
 * Checks a policy's text: its JSON first, then its shape. A bucket policy names principals; an
 * identity (IAM) policy must not.
 */
export function checkPolicy(text: string, kind: PolicyKind): PolicyCheck {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, syntax: parsed.error, problems: [] };
  const doc = parsed.value;
  if (!isObject(doc)) return { ok: false, problems: [{ code: 'notObject', path: '' }] };
  const problems: PolicyProblem[] = [];
  for (const key of Object.keys(doc))
    if (!TOP_KEYS.has(key)) problems.push({ code: 'unknownKey', path: key });
  if (!has(doc, 'Version')) problems.push({ code: 'versionMissing', path: 'Version' });
  else if (!(POLICY_VERSIONS as readonly JsonValue[]).includes(doc.Version ?? null))
    problems.push({ code: 'versionInvalid', path: 'Version' });
  const statement = doc.Statement;
  if (!has(doc, 'Statement')) problems.push({ code: 'statementMissing', path: 'Statement' });
  else if (Array.isArray(statement)) {
    if (statement.length === 0) problems.push({ code: 'statementEmpty', path: 'Statement' });
    statement.forEach((s, n) => {
      problems.push(...statementProblems(s, `Statement[${n}]`, kind));
    });
  } else if (isObject(statement)) problems.push(...statementProblems(statement, 'Statement', kind));
  else problems.push({ code: 'statementInvalid', path: 'Statement' });
  return problems.length ? { ok: false, problems } : { ok: true, policy: doc };
}

/** The statements of a checked policy, one or many. */
function statements(policy: JsonObject): JsonObject[] {
  const s = policy.Statement;
  return (Array.isArray(s) ? s : [s ?? null]).filter(isObject);
}

const isEveryone = (v: JsonValue | undefined): boolean =>
  v === '*' || (Array.isArray(v) && v.includes('*'));

/** Whether any Allow statement grants to everyone (Principal "*" or {"AWS": "*"}). */
export function grantsToEveryone(policy: JsonObject): boolean {
  return statements(policy).some((s) => {
    if (s.Effect !== 'Allow') return false;
    const p = s.Principal;
    return isEveryone(p) || (isObject(p) && isEveryone(p.AWS));
  });
}
