/**
 * The rule for dashboard names, shared by the creation wizard and the settings dialog so both
 * refuse exactly the same names. Required, at most 100 characters, printable (no control or
 * invisible format characters), no web address, and unique among the dashboards the user can see,
 * so the dashboard switcher never shows two entries that read the same. A full stop is fine
 * ("Q4 v1.2"): HubSpot refuses it, but nothing here needs that, and names are shown as text only.
 */

export const DASHBOARD_NAME_MAX_LENGTH = 100;

export const dashboardNameProblems = ['required', 'tooLong', 'notPrintable', 'containsUrl', 'duplicate'] as const;
export type DashboardNameProblem = (typeof dashboardNameProblems)[number];

// Controls, and format characters (a right-to-left override, zero-width spaces) that would make a
// name read differently from what it holds; a zero-width joiner inside an emoji is kept.
const NOT_PRINTABLE = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

const SCHEME = /\b[a-z][a-z\d+.-]*:\/\/\S/i;
const WWW = /\bwww\d{0,3}\./i;
// A host with a path ("bit.ly/x") is a URL whatever its top-level domain.
const HOST_WITH_PATH = /\b(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,63}\//i;
// Without a path, only common top-level domains count: "Q3.Review" has a full stop, but it is not
// a web address and should be told as such.
const HOST = new RegExp(
  String.raw`\b(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+(?:` +
    'com|net|org|info|biz|edu|gov|io|co|ai|app|dev|me|tv|ly|xyz|online|site|shop|store|cloud|tech|' +
    'eu|uk|fr|de|nl|be|es|it|pt|ch|at|se|no|dk|fi|pl|ie|us|ca|au|nz|br|mx|jp|cn|in|ru' +
    String.raw`)\b(?!-)`,
  'i',
);

/** The name as it is stored: surrounding whitespace dropped. */
export function cleanDashboardName(name: string): string {
  return name.trim();
}

/** What two names are compared by: case, surrounding and repeated whitespace, Unicode form ignored. */
export function dashboardNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Characters as a reader counts them: an emoji or an accented letter is one. */
export function dashboardNameLength(name: string): number {
  return [...cleanDashboardName(name).normalize('NFC')].length;
}

export function containsUrl(name: string): boolean {
  return SCHEME.test(name) || WWW.test(name) || HOST_WITH_PATH.test(name) || HOST.test(name);
}

export function isPrintableName(name: string): boolean {
  return !NOT_PRINTABLE.test(name);
}

/**
 * The first problem with `name`, or null when it may be used. `existingNames` are the names of the
 * other dashboards the user can see (leave the dashboard being renamed out). Checked in the order
 * of `dashboardNameProblems`, so a web address is told as such rather than as a full stop.
 */
export function validateDashboardName(name: string, existingNames: Iterable<string> = []): DashboardNameProblem | null {
  const cleaned = cleanDashboardName(typeof name === 'string' ? name : '');
  if (cleaned === '') return 'required';
  if (dashboardNameLength(cleaned) > DASHBOARD_NAME_MAX_LENGTH) return 'tooLong';
  if (!isPrintableName(cleaned)) return 'notPrintable';
  if (containsUrl(cleaned)) return 'containsUrl';
  const key = dashboardNameKey(cleaned);
  for (const existing of existingNames) if (dashboardNameKey(existing) === key) return 'duplicate';
  return null;
}
