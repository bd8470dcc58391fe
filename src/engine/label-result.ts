import type { Lookups } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import { rowOrder } from '../core/engine/report-plan.ts';
import { OTHER_KEY, type GroupKey, type ReportResult } from '../core/types.ts';

/** The properties whose ids have names in the lookups. */
const NAMED: Readonly<Record<string, keyof Lookups>> = { assigneeId: 'assignees', inboxId: 'inboxes', chatflowId: 'chatflows' };

function namesFor(property: string | undefined, lookups: Lookups): Map<string, string> | null {
  const list = property !== undefined && Object.hasOwn(NAMED, property) ? lookups[NAMED[property]!] : null;
  if (!list || list.length === 0) return null;
  return new Map(list.map((entry) => [entry.id, entry.name]));
}

function nameOf(names: Map<string, string> | null, key: GroupKey | undefined): string | undefined {
  if (!names || typeof key !== 'string' || key === OTHER_KEY) return undefined;
  return names.get(key);
}

/**
 * A push-down source's result labelled the way the in-browser engine labels it: an assignee, inbox
 * or chatflow id (as dimension or breakdown) shows its name from `lookups` where there is one, and
 * the rows of a named dimension are put back in the engine's order, whose ties go by label (the
 * Other row stays last). With a breakdown only the labels change: the order of its grid of rows is
 * the source's. Returns the same object when no label changes.
 */
export function labelResult(result: ReportResult, spec: ReportSpec, lookups: Lookups): ReportResult {
  const dimensionNames = namesFor(spec.dimension, lookups);
  const seriesNames = spec.breakdown ? namesFor(spec.breakdown, lookups) : null;
  if (!dimensionNames && !seriesNames) return result;
  let changed = false;
  const rows = result.rows.map((row) => {
    const label = nameOf(dimensionNames, row.key);
    const seriesLabel = 'series' in row ? nameOf(seriesNames, row.series) : undefined;
    if ((label === undefined || label === row.label) && (seriesLabel === undefined || seriesLabel === row.seriesLabel)) return row;
    changed = true;
    return { ...row, ...(label === undefined ? {} : { label }), ...(seriesLabel === undefined ? {} : { seriesLabel }) };
  });
  if (!changed) return result;
  if (dimensionNames && !spec.breakdown) {
    // The engine's order (ties by label), on the rows' own values; the Other row stays last.
    const order = rowOrder(spec.sort, false);
    const other = rows.filter((row) => row.key === OTHER_KEY);
    const shown = rows
      .filter((row) => row.key !== OTHER_KEY)
      .map((row) => ({ key: row.key, label: row.label, total: { value: row.value }, row }))
      .sort(order)
      .map((entry) => entry.row);
    return { ...result, rows: [...shown, ...other] };
  }
  return { ...result, rows };
}
