// How a test sets up a standalone <report-tile> showing a host's result: the report most tile tests
// use, a result for it, and the tile rendered in UTC. A change to that setup is mended here.
import { fixture, html } from '@open-wc/testing';
import '../../src/elements/report-tile/report-tile.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { reportSpecSchema, type ReportSpec, type ReportSpecInput } from '../../src/core/schema/report-spec.ts';
import type { GroupKey, ReportResult } from '../../src/core/types.ts';

/** "Chat volume by assignee": a bar chart counting conversations per assignee, with `fields` over it. */
export function volumeSpec(fields: Partial<ReportSpecInput> = {}): ReportSpec {
  return reportSpecSchema.parse({ id: 'volume', title: 'Chat volume by assignee', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' }, ...fields });
}

/** A result of `volumeSpec`: one row per `[key, label, count]`, the total their sum; `previous`, the previous period's total. */
export function volumeResult(rows: readonly (readonly [GroupKey, string, number])[], previous?: number): ReportResult {
  const sum = rows.reduce((total, [, , count]) => total + count, 0);
  return {
    reportId: 'volume',
    rows: rows.map(([key, label, count]) => ({ key, label, value: count, count })),
    total: { value: sum, count: sum, ...(previous === undefined ? {} : { previous: { value: previous, count: previous } }) },
    matched: sum,
  };
}

export interface TileOptions {
  locale?: string;
  renderer?: 'canvas' | 'svg';
  /** Draws at once, as the editor's preview does. */
  noAnimation?: boolean;
  /** The width of the box around the tile, in px (default: the page's). */
  width?: number;
}

/** A standalone tile showing `result` for `spec` in UTC (English and SVG unless told), once rendered. */
export async function showTile(spec: ReportSpec, result: ReportResult, options: TileOptions = {}): Promise<ReportTile> {
  const { locale = 'en', renderer = 'svg', noAnimation = false, width } = options;
  const tile = html`<report-tile renderer=${renderer} ?no-animation=${noAnimation} locale=${locale} time-zone="UTC" .spec=${spec} .result=${result}></report-tile>`;
  const el = width === undefined ? await fixture<ReportTile>(tile) : (await fixture<HTMLElement>(html`<div style="inline-size: ${width}px">${tile}</div>`)).querySelector('report-tile')!;
  await el.updateComplete;
  return el;
}
