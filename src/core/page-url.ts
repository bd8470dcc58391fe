/**
 * The grouping form of a page URL: origin + pathname, so UTM tags, other query strings and
 * fragments land in one group. A string that is not a URL is its own group, unchanged.
 */
export function normalizePageUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  // Opaque origins ("null": data:, javascript:, blob: …) would merge unrelated values; keep them whole.
  return url.origin === 'null' ? raw : url.origin + url.pathname;
}
