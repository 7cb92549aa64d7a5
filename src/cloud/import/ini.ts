// One INI reader for the three INI dialects involved: botocore's (~/.aws, Python configparser
// plus one level of nesting), boto 2's (configparser) and s3cmd's (its own line regexes).
// It reports structural problems; what keys mean is left to each format.

import type { ProblemLog } from './problems';

export interface IniSyntax {
  /** Characters that end a key: configparser takes '=' or ':', s3cmd only '='. */
  delimiters: string;
  /** Characters that start a comment line. */
  comments: string;
  /**
   * configparser: a line indented deeper than the key before it continues that key.
   * botocore reads such lines under an empty key as a nested section (`s3 =` + `  key = value`).
   */
  indentation: 'insignificant' | 'nests';
  /** configparser lower-cases option names; s3cmd does not. */
  lowerCaseKeys: boolean;
}

export interface IniEntry {
  key: string;
  /** Without surrounding quotes; see `quote`. */
  value: string;
  line: number;
  text: string;
  /** The quote character that wrapped the value, if any. */
  quote?: string;
  /** The value opens a quote it does not close (or closes one it did not open). */
  unterminated?: boolean;
  /** Lines nested under an empty key (botocore's `s3 =` block). */
  children: Map<string, IniEntry>;
}

export interface IniSection {
  name: string;
  line: number;
  text: string;
  entries: Map<string, IniEntry>;
}

export const BOTOCORE_SYNTAX: IniSyntax = {
  delimiters: '=:',
  comments: '#;',
  indentation: 'nests',
  lowerCaseKeys: true,
};

export const CONFIGPARSER_SYNTAX: IniSyntax = { ...BOTOCORE_SYNTAX, indentation: 'insignificant' };

export const S3CMD_SYNTAX: IniSyntax = {
  delimiters: '=',
  comments: '#',
  indentation: 'insignificant',
  lowerCaseKeys: false,
};

export function parseIni(
  lines: readonly string[],
  syntax: IniSyntax,
  log: ProblemLog,
  file?: string,
): IniSection[] {
  const sections: IniSection[] = [];
  const byName = new Map<string, IniSection>();
  let current: IniSection | undefined;
  let last: { entry: IniEntry; indent: number } | undefined;

  lines.forEach((text, i) => {
    const line = i + 1;
    const stripped = text.trim();
    // Blank lines do not end a nested block in configparser, so `last` is kept.
    if (stripped === '' || syntax.comments.includes(stripped[0] ?? '')) return;
    const indent = text.length - text.trimStart().length;

    if (syntax.indentation === 'nests' && last && indent > last.indent) {
      if (last.entry.value !== '' || last.entry.quote !== undefined) {
        // configparser would glue this onto the value above, which no credential survives.
        log.add(line, text, 'unreadable-line', 'continuation', file);
        return;
      }
      // botocore splits nested lines on '=' only, so URLs with ':' stay whole.
      const child = splitEntry(stripped, '=', line, text);
      if (!child) {
        log.add(line, text, 'unreadable-line', undefined, file);
        return;
      }
      if (last.entry.children.has(child.key)) {
        log.add(line, text, 'duplicate-key', `${last.entry.key}.${child.key}`, file);
      }
      last.entry.children.set(child.key, child);
      return;
    }

    const header = /^\[(.*)\]$/.exec(stripped);
    if (header || stripped.startsWith('[')) {
      const name = header?.[1]?.trim() ?? '';
      last = undefined;
      if (name === '') {
        current = undefined;
        log.add(line, text, 'unreadable-line', undefined, file);
        return;
      }
      const existing = byName.get(name);
      if (existing) {
        log.add(line, text, 'duplicate-section', name, file);
        current = existing;
        return;
      }
      current = { name, line, text, entries: new Map() };
      sections.push(current);
      byName.set(name, current);
      return;
    }

    const entry = splitEntry(stripped, syntax.delimiters, line, text);
    if (!entry) {
      last = undefined;
      log.add(line, text, 'unreadable-line', undefined, file);
      return;
    }
    if (syntax.lowerCaseKeys) entry.key = entry.key.toLowerCase();
    if (!current) {
      last = undefined;
      log.add(line, text, 'key-outside-section', entry.key, file);
      return;
    }
    if (current.entries.has(entry.key)) log.add(line, text, 'duplicate-key', entry.key, file);
    current.entries.set(entry.key, entry);
    last = { entry, indent };
  });
  return sections;
}

function splitEntry(
  stripped: string,
  delimiters: string,
  line: number,
  text: string,
): IniEntry | undefined {
  let at = -1;
  for (let i = 0; i < stripped.length; i++) {
    if (delimiters.includes(stripped[i] ?? '')) {
      at = i;
      break;
    }
  }
  const key = stripped.slice(0, at).trim();
  if (at < 0 || key === '') return undefined;
  const entry: IniEntry = { key, value: '', line, text, children: new Map() };
  const raw = stripped.slice(at + 1).trim();
  const open = raw[0];
  const close = raw[raw.length - 1];
  if ((open === '"' || open === "'") && raw.length >= 2 && close === open) {
    entry.value = raw.slice(1, -1);
    entry.quote = open;
  } else if (open === '"' || open === "'" || close === '"' || close === "'") {
    entry.value = raw;
    entry.unterminated = true;
  } else {
    entry.value = raw;
  }
  return entry;
}

/**
 * The entry's value for a key the format uses, reporting quoting problems: an unterminated
 * quote makes it unusable; quotes the tool itself would keep are removed and reported.
 */
export function entryValue(
  entry: IniEntry,
  log: ProblemLog,
  quotesStrippedByTool: string,
  file?: string,
): string | undefined {
  if (entry.unterminated) {
    log.add(entry.line, entry.text, 'unterminated-quote', entry.key, file);
    return undefined;
  }
  if (entry.quote !== undefined && !quotesStrippedByTool.includes(entry.quote)) {
    log.add(entry.line, entry.text, 'quoted-value', entry.key, file);
  }
  return entry.value;
}
