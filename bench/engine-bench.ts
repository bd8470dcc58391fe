/**
 * Engine figures for one N, runnable in Node and in the browser: ingest (wire format and objects),
 * all twelve template reports, one filter changed, drill of the largest group, the scan limit,
 * and the table's bytes per conversation.
 */
import {
  clearReportCache,
  computeReports,
  createTable,
  drillDown,
  parseConversations,
  templates,
  type Conversation,
  type ConversationTable,
  type Lookups,
  type ReportContext,
  type ReportSpec,
} from '../src/core/index.ts';
import { IngestSession } from '../src/core/wire/ingest.ts';
import { tableFootprint } from '../src/core/table/table.ts';
import { drillRows as selectDrillRows } from '../src/core/engine/drill-down.ts';
import { encodeWirePage, toWirePage } from '../src/core/wire/wire-encode.ts';
import { measure, round, scanLimitKernel, type Figure } from './measure.ts';

/** The article's twelve reports (the team performance template is measured apart, in business-hours-bench.ts). */
export const TEMPLATE_SPECS: ReportSpec[] = [templates.chatOverview, templates.emailOverview].flatMap((template) => template.reports);
export const PAGE_SIZE = 50_000;

export interface EngineFigures {
  n: number;
  ingest: Figure;
  ingestObjects: Figure;
  allReports: Figure;
  allReportsWarm: Figure;
  /** The twelve narrowed to one assignee (another each run), the cache still holding the unfiltered twelve's work. */
  refilter: Figure;
  /** The same with a cleared cache (issue 18's "re-filter with a cleared cache"): nothing of the unfiltered twelve to reuse. */
  refilterCold: Figure;
  /** drillDown: the conversations as objects, what the contract returns. */
  drill: Figure;
  /** Finding those rows, before they become objects. */
  drillSelect: Figure;
  /** (v2) The first page (50, oldest first) of that drill, what the drill dialog asks for first. */
  drillPage: Figure;
  drillRows: number;
  scanLimit: Figure;
  bytesPerConversation: number;
  textBytesPerConversation: number;
}

/** Binary wire pages, as an adapter would receive them from a server. */
export function binaryPages(conversations: readonly Conversation[], pageSize = PAGE_SIZE): ArrayBuffer[] {
  const pages: ArrayBuffer[] = [];
  for (let start = 0; start < conversations.length; start += pageSize) pages.push(encodeWirePage(toWirePage(conversations.slice(start, start + pageSize))));
  return pages;
}

export function ingestWire(pages: readonly ArrayBuffer[], lookups: Lookups, expected: number): ConversationTable {
  const session = new IngestSession(expected);
  for (const columns of pages) session.add({ columns });
  return session.finish(lookups);
}

/** The twelve templates with one more filter, as when a reader narrows the dashboard to one assignee. */
export function withFilter(specs: readonly ReportSpec[], assigneeId: string): ReportSpec[] {
  return specs.map((spec) => ({ ...spec, filters: [...spec.filters, { property: 'assigneeId', operator: 'is' as const, value: assigneeId }] }));
}

export async function engineBench(
  conversations: readonly Conversation[],
  lookups: Lookups,
  context: ReportContext,
  options: { objectRuns: number; log?: (line: string) => void },
): Promise<EngineFigures> {
  const n = conversations.length;
  const log = options.log ?? (() => {});
  const pages = binaryPages(conversations);
  let table!: ConversationTable;
  log(`  ingest from binary wire pages (${pages.length} pages)…`);
  const ingest = await measure(() => (table = ingestWire(pages, lookups, n)), { warmup: 1, runs: 5 });
  log('  ingest from objects (parse + build)…');
  const ingestObjects = await measure(() => createTable(parseConversations(conversations as unknown[]).conversations, lookups), {
    warmup: 0,
    runs: options.objectRuns,
  });
  const footprint = tableFootprint(table);

  log('  reports…');
  const allReports = await measure(() => computeReports(table, TEMPLATE_SPECS, context), { before: () => clearReportCache(table), runs: 9 });
  const allReportsWarm = await measure(() => computeReports(table, TEMPLATE_SPECS, context), { runs: 9 });
  const assignees = lookups.assignees.map((assignee) => assignee.id);
  let turn = 0;
  // Each run narrows to another assignee, so nothing of the narrowed selections is cached yet;
  // what stays cached is what a dashboard would have: the unfiltered selections of the range.
  const refilter = await measure(() => computeReports(table, withFilter(TEMPLATE_SPECS, assignees[turn++ % assignees.length]!), context), { runs: 9 });
  const refilterCold = await measure(() => computeReports(table, withFilter(TEMPLATE_SPECS, assignees[turn++ % assignees.length]!), context), {
    before: () => clearReportCache(table),
    runs: 9,
  });

  const results = computeReports(table, TEMPLATE_SPECS, context);
  let largest = { spec: TEMPLATE_SPECS[0]!, key: results[0]!.rows[0]!.key, count: -1 };
  results.forEach((result, index) => {
    for (const row of result.rows) if (row.count > largest.count && row.key !== '__other__') largest = { spec: TEMPLATE_SPECS[index]!, key: row.key, count: row.count };
  });
  let drillRows = 0;
  const drill = await measure(() => (drillRows = drillDown(table, largest.spec, context, { key: largest.key }, { limit: Infinity }).rows.length), { runs: 7 });
  const drillSelect = await measure(() => selectDrillRows(table, largest.spec, context, { key: largest.key }), { runs: 7 });
  const drillPage = await measure(() => drillDown(table, largest.spec, context, { key: largest.key }).rows.length, { runs: 9 });

  const scan = scanLimitKernel();
  const scanLimit = await measure(scan, { warmup: 3, runs: 11 });
  return {
    n,
    ingest,
    ingestObjects,
    allReports,
    allReportsWarm,
    refilter,
    refilterCold,
    drill,
    drillSelect,
    drillPage,
    drillRows,
    scanLimit,
    bytesPerConversation: round(footprint.columnBytes / n),
    textBytesPerConversation: round(footprint.textBytes / n),
  };
}
