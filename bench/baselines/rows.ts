import { normalizePageUrl, type Conversation } from '../../src/core/index.ts';

/** What every baseline gets, prepared before any timing: the records plus the normalized page URL. */
export interface BaselineRow extends Conversation {
  pageUrlNormalized: string | null;
}

export function baselineRows(conversations: readonly Conversation[]): BaselineRow[] {
  const normalized = new Map<string, string>();
  return conversations.map((c) => {
    let page: string | null = null;
    if (c.pageUrl !== null) {
      page = normalized.get(c.pageUrl) ?? normalizePageUrl(c.pageUrl);
      normalized.set(c.pageUrl, page);
    }
    return { ...c, pageUrlNormalized: page };
  });
}

/** The local day holding `t`, by binary search over day starts (the same boundaries for every engine). */
export function dayKeyOf(bounds: Float64Array): (t: number) => number {
  return (t) => {
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (bounds[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return bounds[lo]!;
  };
}
