// A table as CSV (RFC 4180), for opening in a spreadsheet. Cells hold strings from a cloud, which
// are hostile: a Name tag of `=HYPERLINK(...)` must stay text, not become a formula.

import type { Column } from './virtual-table';

/** Written first so Excel reads the file as UTF-8 (Japanese tags, descriptions). */
export const CSV_BOM = '\uFEFF';

// Spreadsheets start a formula with these (TAB and CR too, as OWASP's CSV injection advice says).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: a leading formula character gets a single quote first, then RFC 4180 quoting. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Records joined with CRLF, as RFC 4180 writes them; a CRLF ends the last record too. */
export function toCsv(records: readonly (readonly string[])[]): string {
  let out = '';
  for (const record of records) out += `${record.map(csvCell).join(',')}\r\n`;
  return out;
}

/** The rows as shown: a header of the columns' titles, then each row's cell texts in order. */
export function tableCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const records: string[][] = [columns.map((c) => c.label)];
  for (const row of rows) records.push(columns.map((c) => c.value(row)));
  return toCsv(records);
}

/** A name part without characters file systems refuse or shells trip on; letters of any script stay. */
function namePart(text: string, fallback: string): string {
  const clean = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 60);
  return clean || fallback;
}

const two = (n: number) => String(n).padStart(2, '0');

/** cirrus-instances-PROFILE-REGION-YYYYMMDD-HHMM.csv, in local time. */
export function csvFileName(table: string, profile: string, region: string, now: Date): string {
  const stamp =
    `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}` +
    `-${two(now.getHours())}${two(now.getMinutes())}`;
  const parts = [namePart(table, 'list'), namePart(profile, 'profile'), namePart(region, 'region')];
  return `cirrus-${parts.join('-')}-${stamp}.csv`;
}
