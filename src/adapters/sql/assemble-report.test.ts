/**
 * assembleReport never keeps one of two statement groups that the browser engine keys as one (what
 * ClickHouse's toStartOfHour gave on DST fall-back nights): it refuses instead of losing rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportSpecSchema } from '../../core/index.ts';
import { DuplicateGroupError, assembleReport } from './assemble-report.ts';
import { compileReport } from './compile-report.ts';
import { sqlDialects } from './sql-dialect.ts';
import { ResolvedSqlSchema } from './sql-schema.ts';

const lookups = { assignees: [], inboxes: [], chatflows: [] };
const setup = { schema: new ResolvedSqlSchema({ table: 'conversations' }, sqlDialects.clickhouse), lookups };
const context = { range: { from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 10, 1, 8) }, timeZone: 'America/New_York' };
// 01:00 EDT (05:00Z) and 01:00 EST (06:00Z): one local hour, one bucket.
const first = Date.UTC(2026, 10, 1, 5, 10);
const second = Date.UTC(2026, 10, 1, 6, 20);
const cell = (kt: number, n: number, val: number | null) => ({ part: 'cell', period: 1, k: null, s: null, kt, st: null, n, nv: n, val, rn: null });
const total = (n: number) => ({ part: 'total', period: 1, k: null, s: null, kt: null, st: null, n, nv: n, val: n, rn: null });

test('two groups of the statement for one hour bucket are refused, for a count and for a median', () => {
  for (const measure of [{ op: 'count' }, { op: 'median', property: 'responseTime' }] as const) {
    const spec = reportSpecSchema.parse({ id: 'r', title: 'r', chartType: 'line', dimension: 'createdAt', timeBucket: 'hour', measure });
    const { shape } = compileReport(setup, spec, context);
    assert.throws(() => assembleReport([cell(first, 3, 10), cell(second, 4, 20), total(7)], shape, lookups), DuplicateGroupError);
    // One group per bucket is assembled as before.
    const result = assembleReport([cell(first, 7, 15), total(7)], shape, lookups);
    assert.equal(result.rows.find((row) => row.key === Date.UTC(2026, 10, 1, 5))?.count, 7);
  }
});

test('two series parts or two Other parts for one key are refused too', () => {
  const spec = reportSpecSchema.parse({ id: 'r', title: 'r', chartType: 'bar', dimension: 'assigneeId', breakdown: 'createdAt', timeBucket: 'hour', measure: { op: 'count' } });
  const { shape } = compileReport(setup, spec, context);
  const series = (st: number) => ({ part: 'series', period: 1, k: null, s: null, kt: null, st, n: 1, nv: 1, val: 1, rn: null });
  assert.throws(() => assembleReport([series(first), series(second), total(2)], shape, lookups), DuplicateGroupError);
});
