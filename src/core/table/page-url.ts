/**
 * The grouping form of a page URL, exactly as the contract defines it: WHATWG
 * `origin + pathname`, so UTM tags, other query strings and fragments land in one group. A string
 * that does not parse as a URL is its own group, unchanged. URLs with an opaque origin
 * (`data:`, `javascript:`, `mailto:`) follow the same rule and read "null…"; they are not pages a
 * chat can start on, and keeping the one rule keeps results equal to any SQL engine fed the same
 * normalization.
 */
export function normalizePageUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  return url.origin + url.pathname;
}
