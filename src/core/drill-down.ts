import { keyId, planReport } from './report-plan.ts';
import type { Conversation } from './schema/conversation.ts';
import type { ReportSpec } from './schema/report-spec.ts';
import { conversationAt, type ConversationTable } from './table.ts';
import { OTHER_KEY, type DrillPoint, type ReportContext } from './types.ts';

/**
 * The conversations counted in one row of `computeReport(table, spec, context)`: its key (or every
 * key folded into Other) and, with a breakdown, its series. Ordered by creation time.
 */
export function drillDown(table: ConversationTable, spec: ReportSpec, context: ReportContext, point: DrillPoint): Conversation[] {
  const plan = planReport(table, spec, context);
  const { period } = plan;
  const wanted = new Set<number>();
  if (point.key === OTHER_KEY && plan.folded.length > 0) for (const d of plan.folded) wanted.add(d.id);
  else {
    // Keys that crossed a DOM boundary may come back as text ("1711839600000").
    const target = keyId(point.key);
    const asText = `string:${String(point.key)}`;
    period.dimension.keys.forEach((key, d) => {
      const id = keyId(key);
      if (id === target || (typeof key === 'number' && `string:${key}` === asText)) wanted.add(d);
    });
  }
  let seriesId = -1;
  if (period.series && point.series !== undefined) {
    const target = keyId(point.series);
    seriesId = period.series.keys.findIndex((key) => keyId(key) === target);
    if (seriesId < 0) return [];
  }
  const rows: number[] = [];
  const { selected, dimension, series } = period;
  for (let k = 0; k < selected.length; k++) {
    if (!wanted.has(dimension.ids[k]!)) continue;
    if (seriesId >= 0 && series!.ids[k] !== seriesId) continue;
    rows.push(selected[k]!);
  }
  const created = table.createdAt.values;
  rows.sort((a, b) => created[a]! - created[b]! || a - b);
  return rows.map((i) => conversationAt(table, i));
}
