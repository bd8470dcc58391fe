/**
 * (v2) The previous period as a series over time, pushed down: the statement groups the previous
 * range by its own local buckets and the adapter pairs them with the current ones by position from
 * the end, as the browser engine does (core/engine/previous-buckets.ts). Checked on the real engines across
 * DST changes, months of different lengths and a breakdown; each must equal `computeReport`,
 * `previous` and `previousKey` of every row included.
 */
import assert from 'node:assert/strict';
import { computeReport, reportSpecSchema, type ReportContext, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { ENGINE_DIALECTS, engineSuite } from './testing/engines.ts';
import { resultProblems } from './testing/compare-results.ts';

const HOUR = 3_600_000;
const spec = (input: Omit<ReportSpecInput, 'title' | 'chartType'>): ReportSpec => reportSpecSchema.parse({ title: input.id, chartType: 'line', dimension: 'createdAt', ...input });

const SPECS: ReportSpec[] = [
  spec({ id: 'g-day-count', timeBucket: 'day', measure: { op: 'count' } }),
  spec({ id: 'g-hour-avg', timeBucket: 'hour', measure: { op: 'avg', property: 'responseTime' } }),
  spec({ id: 'g-month-median', timeBucket: 'month', measure: { op: 'median', property: 'timeToClose' } }),
  spec({ id: 'g-week-by-channel', timeBucket: 'week', breakdown: 'channel', measure: { op: 'p90', property: 'responseTime' } }),
  spec({ id: 'g-quarter-sum', timeBucket: 'quarter', measure: { op: 'max', property: 'responseTime' } }),
  spec({ id: 'g-closed-days', timeBucket: 'day', dimension: 'closedAt', dateProperty: 'closedAt', measure: { op: 'min', property: 'timeToClose' } }),
  spec({ id: 'g-closed-by-created', timeBucket: 'day', dimension: 'closedAt', measure: { op: 'count' }, sort: { by: 'value', direction: 'desc' } }),
];

/** Amsterdam local midnight of a calendar date (CET is UTC+1, CEST UTC+2). */
const amsterdam = (year: number, month: number, day: number, summer: boolean) => Date.UTC(year, month, day) - (summer ? 2 : 1) * HOUR;

const CONTEXTS: (ReportContext & { name: string })[] = [
  { name: 'october-fall-back', range: { from: amsterdam(2026, 9, 1, true), to: amsterdam(2026, 10, 1, false) }, timeZone: 'Europe/Amsterdam' },
  { name: 'march-to-may', range: { from: amsterdam(2026, 2, 1, false), to: amsterdam(2026, 5, 1, true) }, timeZone: 'Europe/Amsterdam' },
  { name: 'spring-forward-day', range: { from: amsterdam(2026, 2, 29, false), to: amsterdam(2026, 2, 30, true) }, timeZone: 'Europe/Amsterdam' },
  { name: 'fall-back-day', range: { from: amsterdam(2026, 9, 25, true), to: amsterdam(2026, 9, 26, false) }, timeZone: 'Europe/Amsterdam' },
  { name: 'rolling-week-new-york', range: { from: Date.UTC(2026, 9, 28, 17, 30), to: Date.UTC(2026, 10, 4, 17, 30) }, timeZone: 'America/New_York' },
  { name: 'half-year-lord-howe', range: { from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 9, 1) }, timeZone: 'Australia/Lord_Howe' },
].map((context) => ({ ...context, compare: 'previous-period' as const }));

const { conversations, lookups } = generateConversations({ n: 3_000, seed: 11, end: Date.UTC(2026, 10, 20), days: 420 });

for (const dialect of ENGINE_DIALECTS) {
  engineSuite(dialect, `previous period over time pushed down (${dialect}, real engine) equals computeReport`, { parsed: { conversations, errors: [] }, lookups }, (suite) => {
    for (const s of SPECS) {
      suite.test(s.id, async ({ source, table }) => {
        const problems: string[] = [];
        let paired = 0;
        for (const context of CONTEXTS) {
          const expected = computeReport(table, s, context);
          const got = await source.query(s, context, new AbortController().signal);
          paired += got.rows.filter((row) => (row.previous?.count ?? 0) > 0 && row.previousKey !== undefined).length;
          problems.push(...resultProblems(got, expected).map((problem) => `[${context.name}] ${problem}`));
        }
        assert.equal(problems.length, 0, `${problems.length} differences from the browser engine:\n${problems.slice(0, 30).join('\n')}`);
        assert.ok(paired > 0, 'some rows carry a previous bucket with data');
      });
    }
  });
}
