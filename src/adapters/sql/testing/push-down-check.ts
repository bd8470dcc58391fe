/** Test support: push-down results and drills against the browser engine's, on the same data. */
import { OTHER_KEY, computeReport, drillDown, reportSpecSchema, type ConversationTable, type ReportContext, type ReportSpec, type ReportSpecInput } from '../../../core/index.ts';
import type { DrillPageRequest } from '../../../core/schema/drill-page.ts';
import type { NamedContext } from '../../../../test/node/oracle/scenarios.ts';
import type { SqlDataSource } from '../../sql-data-source.ts';
import { resultProblems } from './compare-results.ts';

const spec = (input: Omit<ReportSpecInput, 'title' | 'chartType'>): ReportSpec => reportSpecSchema.parse({ title: input.id, chartType: 'table', ...input });

/** Combinations the oracle's list leaves out: limits with a breakdown or a comparison, date breakdowns, hostile values. */
export const EXTRA_SPECS: ReportSpec[] = [
  spec({ id: 'x-limit-breakdown', dimension: 'assigneeId', breakdown: 'channel', measure: { op: 'count' }, limit: 3 }),
  spec({ id: 'x-limit-breakdown-median', dimension: 'inboxId', breakdown: 'status', measure: { op: 'median', property: 'responseTime' }, limit: 1 }),
  spec({ id: 'x-limit-p90-sort-label', dimension: 'assigneeId', measure: { op: 'p90', property: 'timeToClose' }, limit: 4, sort: { by: 'label', direction: 'desc' } }),
  spec({ id: 'x-date-breakdown', dimension: 'assigneeId', breakdown: 'closedAt', timeBucket: 'week', measure: { op: 'count' } }),
  spec({ id: 'x-sort-key-desc', dimension: 'createdAt', timeBucket: 'month', measure: { op: 'count' }, sort: { by: 'key', direction: 'desc' } }),
  spec({ id: 'x-limit-null-group', dimension: 'chatflowId', measure: { op: 'count' }, limit: 2 }),
  spec({ id: 'x-limit-number', dimension: 'responseTime', measure: { op: 'count' }, limit: 5 }),
  spec({
    id: 'x-hostile-values',
    dimension: 'assigneeId',
    measure: { op: 'count' },
    filters: [
      { property: 'subject', operator: 'isNot', value: "'; DROP TABLE conversations; --" },
      { property: 'contactName', operator: 'notIn', value: ['%', '_', "O'Brien", '\\', '"quoted"', '$1', '{p1:String}'] },
      { property: 'properties.x"; DROP TABLE conversations; --', operator: 'unknown' },
    ],
  }),
  spec({ id: 'x-contains-wildcards', dimension: 'inboxId', measure: { op: 'count' }, filters: [{ property: 'pageUrl', operator: 'contains', value: '%_' }] }),
  spec({ id: 'x-type-mismatch', dimension: 'inboxId', measure: { op: 'count' }, filters: [{ property: 'status', operator: 'in', value: [1, true, null, 'open'] }] }),
  spec({ id: 'x-is-null', dimension: 'inboxId', measure: { op: 'count' }, filters: [{ property: 'assigneeId', operator: 'isNot', value: null }, { property: 'channel', operator: 'is', value: 'chat' }] }),
];

/** Drill pages each drilled row is compared on: all rows, and pages sorted by other properties, with a search, past the end. */
export const DRILL_PAGES: DrillPageRequest[] = [
  { limit: Infinity },
  { offset: 1, limit: 7, sort: { by: 'responseTime', direction: 'desc' } },
  { limit: 5, sort: { by: 'assigneeId', direction: 'asc' }, search: 'E' },
  { offset: 2, limit: 4, sort: { by: 'createdAt', direction: 'desc' } },
  { offset: 1_000_000, limit: 3, sort: { by: 'hasTicket', direction: 'asc' } },
];

export const isDateDimension = (s: ReportSpec): boolean => s.dimension === 'createdAt' || s.dimension === 'closedAt' || s.dimension === 'firstResponseAt';

export function contextOf(named: NamedContext): ReportContext {
  return { range: named.range, timeZone: named.timeZone, ...(named.compare ? { compare: named.compare } : {}) };
}

export interface CheckOptions {
  /** Contexts a spec without a date dimension runs in (date dimensions run in all, for their bucket edges). */
  categoryContexts: ReadonlySet<string>;
  /** Contexts a spec with a date dimension runs in. Default: all. */
  dateContexts?: ReadonlySet<string>;
  /** Contexts where rows are also drilled into. */
  drillContexts: ReadonlySet<string>;
  shortOnly?: boolean;
}

/** Every difference between push-down and the engine for one spec over its contexts, drills into first, last, Other and null rows included. */
export async function pushDownProblems(
  source: SqlDataSource,
  table: ConversationTable,
  s: ReportSpec,
  contexts: readonly NamedContext[],
  options: CheckOptions,
): Promise<string[]> {
  const signal = new AbortController().signal;
  const problems: string[] = [];
  for (const named of contexts) {
    if (options.shortOnly && !named.short) continue;
    if (named.dateOnly && !isDateDimension(s)) continue;
    if (!(isDateDimension(s) ? (options.dateContexts?.has(named.name) ?? true) : options.categoryContexts.has(named.name))) continue;
    const context = contextOf(named);
    const where = `[${s.id} @ ${named.name}]`;
    const expected = computeReport(table, s, context);
    let got;
    try {
      got = await source.query(s, context, signal);
    } catch (error) {
      problems.push(`${where} query threw: ${(error as Error).message}`);
      continue;
    }
    problems.push(...resultProblems(got, expected).map((p) => `${where} ${p}`));
    if (s.dimension === undefined || expected.rows.length === 0 || !options.drillContexts.has(named.name)) continue;
    const picks = new Set([expected.rows[0]!, expected.rows.at(-1)!]);
    for (const row of expected.rows) if (row.key === OTHER_KEY || row.key === null) picks.add(row);
    for (const row of picks) {
      const point = s.breakdown === undefined ? { key: row.key } : { key: row.key, series: row.series ?? null };
      // Every conversation, then pages in other orders, with a search: ids in the same order, the same totals.
      for (const page of DRILL_PAGES) {
        const want = drillDown(table, s, context, point, page);
        let drilled;
        try {
          drilled = await source.drill(s, context, point, page, signal);
        } catch (error) {
          problems.push(`${where} drill ${JSON.stringify(point)} ${JSON.stringify(page)} threw: ${(error as Error).message}`);
          continue;
        }
        const ids = drilled.rows.map((c) => c.id);
        const wantIds = want.rows.map((c) => c.id);
        if (drilled.total !== want.total || drilled.offset !== want.offset || JSON.stringify(ids) !== JSON.stringify(wantIds))
          problems.push(
            `${where} drill ${JSON.stringify(point)} ${JSON.stringify(page)}: total ${drilled.total} offset ${drilled.offset} ids ${ids.slice(0, 6).join(',')}…, expected total ${want.total} offset ${want.offset} ids ${wantIds.slice(0, 6).join(',')}…`,
          );
      }
    }
  }
  return problems;
}

/**
 * Differences between push-down and the engine for one spec in each named context: the whole
 * result, and every id of the first and last rows' drills.
 */
export async function resultAndDrillProblems(source: SqlDataSource, table: ConversationTable, s: ReportSpec, contexts: readonly (ReportContext & { name: string })[]): Promise<string[]> {
  const signal = new AbortController().signal;
  const problems: string[] = [];
  for (const context of contexts) {
    const where = `[${s.id} @ ${context.name}]`;
    const expected = computeReport(table, s, context);
    const got = await source.query(s, context, signal);
    problems.push(...resultProblems(got, expected).map((p) => `${where} ${p}`));
    for (const row of [expected.rows[0], expected.rows.at(-1)].filter((r) => r !== undefined)) {
      const point = s.breakdown === undefined ? { key: row.key } : { key: row.key, series: row.series ?? null };
      const want = drillDown(table, s, context, point, { limit: Infinity }).rows.map((c) => c.id).sort();
      const ids = (await source.drill(s, context, point, { limit: Infinity }, signal)).rows.map((c) => c.id).sort();
      if (JSON.stringify(ids) !== JSON.stringify(want)) problems.push(`${where} drill ${JSON.stringify(point)}: ${ids.length} ids, expected ${want.length}`);
    }
  }
  return problems;
}
