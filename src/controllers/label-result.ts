import type { Lookups } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import { OTHER_KEY, type GroupKey, type ReportResult, type ReportRow } from '../core/types.ts';

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

// The in-browser engine's order (core/report-plan.ts): nulls last, ties by label then key.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareKeys(a: GroupKey, b: GroupKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === typeof b) return a < b ? -1 : 1;
  return compareText(typeof a, typeof b);
}

function compareValues(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

function sorter(order: ReportSpec['sort']): (a: ReportRow, b: ReportRow) => number {
  const effective = order ?? { by: 'value', direction: 'desc' };
  const direction = effective.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    let result = 0;
    if (effective.by === 'value') result = compareValues(a.value, b.value, direction);
    else if (effective.by === 'label') result = compareText(a.label, b.label) * direction;
    else result = a.key === null || b.key === null ? compareKeys(a.key, b.key) : compareKeys(a.key, b.key) * direction;
    return result || compareText(a.label, b.label) || compareKeys(a.key, b.key);
  };
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
    const other = rows.filter((row) => row.key === OTHER_KEY);
    const shown = rows.filter((row) => row.key !== OTHER_KEY).sort(sorter(spec.sort));
    return { ...result, rows: [...shown, ...other] };
  }
  return { ...result, rows };
}
