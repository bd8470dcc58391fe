/**
 * The six queries of the issue, as report specs for our engine, and what every engine's answer is
 * reduced to for comparison: a map from group key to value.
 */
import { reportSpecSchema, type ReportResult, type ReportSpec } from '../src/core/index.ts';

export const TIME_ZONE = 'Europe/Amsterdam';
export const TOP_PAGES = 20;

const spec = (fields: Record<string, unknown>): ReportSpec => reportSpecSchema.parse({ title: 'bench', chartType: 'table', ...fields });

export const SIX_QUERIES = {
  countByAssignee: spec({ id: 'count-by-assignee', dimension: 'assigneeId', measure: { op: 'count' } }),
  openByInbox: spec({ id: 'open-by-inbox', dimension: 'inboxId', filters: [{ property: 'status', operator: 'is', value: 'open' }], measure: { op: 'count' } }),
  byDay: spec({ id: 'by-day', dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' } }),
  medianResponseByAssignee: spec({ id: 'median-response', dimension: 'assigneeId', measure: { op: 'median', property: 'responseTime' } }),
  medianCloseByAssignee: spec({ id: 'median-close', dimension: 'assigneeId', measure: { op: 'median', property: 'timeToClose' } }),
  topPages: spec({ id: 'top-pages', dimension: 'pageUrl', limit: TOP_PAGES, measure: { op: 'count' } }),
} as const;

export type QueryName = keyof typeof SIX_QUERIES;
export const QUERY_NAMES = Object.keys(SIX_QUERIES) as QueryName[];

/** key → value; `__other__` for the folded rest of the top pages. Empty day buckets are left out. */
export type Answer = Map<string, number | null>;

export const keyText = (key: unknown): string => (key === null || key === undefined ? 'null' : String(key));

export function answerOf(result: ReportResult): Answer {
  const answer: Answer = new Map();
  for (const row of result.rows) if (row.count > 0) answer.set(keyText(row.key), row.value);
  return answer;
}

/** Top N by count, ties by label, the rest folded into `__other__` (what `limit` means). */
export function foldTop(counts: Map<string | null, number>, label: (key: string | null) => string): Answer {
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (label(a[0]) < label(b[0]) ? -1 : label(a[0]) > label(b[0]) ? 1 : 0));
  const answer: Answer = new Map();
  let other = 0;
  entries.forEach(([key, count], index) => {
    if (index < TOP_PAGES) answer.set(keyText(key), count);
    else other += count;
  });
  if (entries.length > TOP_PAGES) answer.set('__other__', other);
  return answer;
}

/** Continuous quantile with linear interpolation, by sorting: what a straightforward program does. */
export function sortedQuantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const position = q * (values.length - 1);
  const below = Math.floor(position);
  const fraction = position - below;
  return fraction === 0 ? values[below]! : values[below]! + (values[below + 1]! - values[below]!) * fraction;
}

/** First difference between two answers, or null when equal (values within 1e-9 relative). */
export function difference(a: Answer, b: Answer): string | null {
  if (a.size !== b.size) return `${a.size} groups vs ${b.size}`;
  for (const [key, value] of a) {
    if (!b.has(key)) return `group ${key} missing`;
    const other = b.get(key)!;
    if (value === null || other === null) {
      if (value !== other) return `group ${key}: ${value} vs ${other}`;
      continue;
    }
    if (Math.abs(value - other) > 1e-9 * Math.max(1, Math.abs(value), Math.abs(other))) return `group ${key}: ${value} vs ${other}`;
  }
  return null;
}
