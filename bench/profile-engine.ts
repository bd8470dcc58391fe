/**
 * A quick engine-only profile at one N (Node): the scan limit, the twelve reports cold and warm,
 * the twelve narrowed to one assignee (cache kept, and cleared), each of the six queries cold, and
 * the drill of the largest group (rows, objects, and its first page as a dashboard asks for it). For work on the engine;
 * `npm run bench` gives the figures of record. `BENCH_SIZES=1000000 node --import tsx bench/profile-engine.ts`
 */
import { clearReportCache, computeReport, computeReports, createTable, drillDown, templates, type ReportSpec } from '../src/core/index.ts';
import { drillRows } from '../src/core/engine/drill-down.ts';
import { generateConversations } from '../src/sample/generate-conversations.ts';
import { DAYS, END, RANGE, SEED, TIME_ZONE } from './bench-data.ts';
import { withFilter } from './engine-bench.ts';
import { measure, scanLimitKernel } from './measure.ts';
import { QUERY_NAMES, SIX_QUERIES } from './six-queries.ts';

const n = Number((process.env.BENCH_SIZES ?? '1000000').split(',')[0]);
const runs = Number(process.env.PROFILE_RUNS ?? 15);
const context = { range: RANGE, timeZone: TIME_ZONE };
const specs: ReportSpec[] = [templates.chatOverview, templates.emailOverview].flatMap((template) => template.reports);
const { conversations, lookups } = generateConversations({ n, seed: SEED, end: END, days: DAYS });
const table = createTable(conversations, lookups);
conversations.length = 0;
const show = (name: string, f: { median: number; min: number; max: number }) => console.log(`${name.padEnd(28)} ${f.median.toFixed(2)} (${f.min.toFixed(2)}–${f.max.toFixed(2)})`);
show('scan limit', await measure(scanLimitKernel(), { warmup: 3, runs: 11 }));
show('all 12 cold', await measure(() => computeReports(table, specs, context), { before: () => clearReportCache(table), runs }));
show('all 12 warm', await measure(() => computeReports(table, specs, context), { runs }));
const assignees = lookups.assignees.map((assignee) => assignee.id);
let turn = 0;
const narrowed = () => withFilter(specs, assignees[turn++ % assignees.length]!);
show('re-filter', await measure(() => computeReports(table, narrowed(), context), { runs }));
show('re-filter cold', await measure(() => computeReports(table, narrowed(), context), { before: () => clearReportCache(table), runs }));
let total = 0;
for (const name of QUERY_NAMES) {
  const f = await measure(() => computeReport(table, SIX_QUERIES[name], context), { before: () => clearReportCache(table), runs });
  total += f.median;
  show(`  ${name}`, f);
}
console.log(`six queries total            ${total.toFixed(2)}`);
const results = computeReports(table, specs, context);
let largest = { spec: specs[0]!, key: results[0]!.rows[0]!.key, count: -1 };
results.forEach((result, index) => {
  for (const row of result.rows) if (row.count > largest.count && row.key !== '__other__') largest = { spec: specs[index]!, key: row.key, count: row.count };
});
show(`drill rows (${largest.count})`, await measure(() => drillRows(table, largest.spec, context, { key: largest.key }), { runs: 9 }));
// As the dashboard drills: the reports computed (cubes kept), no row list cached.
show('drill first page', await measure(() => drillDown(table, largest.spec, context, { key: largest.key }).rows.length, { before: () => (clearReportCache(table), computeReports(table, specs, context)), runs: 9 }));
show('drill objects', await measure(() => drillDown(table, largest.spec, context, { key: largest.key }, { limit: Infinity }).rows.length, { runs: 9 }));
if (process.env.PROFILE_LOOP) {
  const end = performance.now() + Number(process.env.PROFILE_LOOP);
  while (performance.now() < end) {
    clearReportCache(table);
    computeReports(table, specs, context);
  }
}
