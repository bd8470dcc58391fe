const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Makes text safe to place in HTML element content or in a quoted attribute value. ECharts tooltips are
 * HTML, and labels, series names and URLs come straight from conversation data.
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

export const ELLIPSIS = '…';

/**
 * Text with every lone surrogate (half of an emoji, say, cut by whoever produced the data) replaced
 * by U+FFFD, as `String.prototype.toWellFormed` does. Chart text must be well-formed: ECharts' SVG
 * export runs it through `encodeURIComponent`, which throws on a lone surrogate.
 */
export function wellFormed(text: string): string {
  return text.replace(/\p{Surrogate}/gu, '\uFFFD');
}

let graphemes: Intl.Segmenter | null | undefined;

function splitGraphemes(text: string): string[] {
  if (graphemes === undefined) {
    graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  if (graphemes) return Array.from(graphemes.segment(text), (part) => part.segment);
  // Code points at least never split a surrogate pair.
  return Array.from(text);
}

/**
 * Shortens text to at most `max` user-perceived characters, the last being "…" when anything was cut.
 * Cuts between graphemes, so an emoji, a flag or an accented letter is never split.
 */
export function truncateLabel(text: string, max: number): string {
  const value = wellFormed(String(text));
  const limit = Math.floor(max);
  if (!(limit > 0)) return '';
  // A UTF-16 length within the limit means the grapheme count is too.
  if (value.length <= limit) return value;
  const parts = splitGraphemes(value);
  if (parts.length <= limit) return value;
  return parts.slice(0, limit - 1).join('').trimEnd() + ELLIPSIS;
}

/**
 * A page URL as a short label: scheme and "www." dropped, and, when still too long, cut in the
 * middle so both the site and the end of the path stay readable ("northwind.example/…/pricing").
 */
export function shortUrlLabel(text: string, max: number): string {
  const value = wellFormed(String(text)).replace(/^https?:\/\/(www\.)?/i, '');
  const limit = Math.floor(max);
  const parts = splitGraphemes(value);
  if (parts.length <= limit || limit < 5) return truncateLabel(value, limit);
  const tail = Math.ceil((limit - 1) / 2);
  const head = limit - 1 - tail;
  return parts.slice(0, head).join('') + ELLIPSIS + parts.slice(parts.length - tail).join('');
}
