/** A value of one CSV cell. Numbers and booleans are written as such; `null` and `undefined` as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection, OWASP). A tab or CR
// in front is stripped by some of them before they look, so those count too.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // A number is data the exporter produced, never a formula: -5 must stay a number a spreadsheet can sum.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(value: CsvCell): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: fields holding a comma, quote, CR or LF are quoted with quotes doubled; every record ends
 * with CRLF. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * CR) gets a leading `'`, so opening an export of untrusted data cannot run anything. Numbers are left
 * as numbers. Text is never shortened.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  let out = header.map(field).join(',') + '\r\n';
  for (const row of rows) out += row.map(field).join(',') + '\r\n';
  return out;
}

// Forbidden on Windows, macOS or Linux, or a path separator anywhere.
const FORBIDDEN = /[<>:"/\\|?*]/g;
// Controls, and format characters such as U+202E (right-to-left override) that can disguise an
// extension ("report‮vsc.exe").
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Windows refuses these as a base name whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_BASE_LENGTH = 120;

function cleanPart(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, ' ')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    // Leading dots hide a file on Unix, leading dashes read as a command-line option, trailing dots
    // and spaces are dropped by Windows.
    .replace(/^[\s.\-]+|[\s.]+$/g, '');
}

function truncate(text: string, max: number): string {
  // By code points, so an emoji or a non-BMP character is never cut in half.
  const points = [...text];
  return points.length <= max ? text : points.slice(0, max).join('').replace(/[\s.]+$/, '');
}

/**
 * A file name for an export of `title` that is safe on every desktop system: no path separators,
 * reserved characters, controls or direction overrides; at most 120 characters before the extension;
 * "export" when nothing usable is left. Letters of any script are kept. With `suffix`:
 * `"<title> - <suffix>.csv"`.
 */
export function csvFileName(title: string, suffix?: string): string {
  const tail = truncate(cleanPart(suffix ?? ''), 40);
  // The suffix (a date, "conversations") says what the file is, so the title gives way to it.
  const room = tail === '' ? MAX_BASE_LENGTH : MAX_BASE_LENGTH - [...tail].length - 3;
  const base = truncate(cleanPart(title ?? ''), room);
  let name = [base, tail].filter((part) => part !== '').join(' - ') || 'export';
  if (RESERVED.test(name)) name = `_${name}`;
  return `${name}.csv`;
}
