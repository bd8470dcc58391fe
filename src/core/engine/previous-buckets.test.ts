import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { computeReport } from './compute-report.ts';
import { alignPreviousBuckets } from './previous-buckets.ts';
import { previousRange } from './report-plan.ts';
import { reportSpecSchema, type ReportSpec, type ReportSpecInput } from '../schema/report-spec.ts';
import { createTable } from '../table/table.ts';
import type { Aggregate, ReportContext, ReportResult } from '../types.ts';
import { installQuantiles } from './quantile-install.ts';

// Medians computed through the engine's modules, not core's entry (which registers them itself).
installQuantiles();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('alignPreviousBuckets', () => {
  it('pairs bucket i with bucket i when both periods list as many', () => {
    assert.deepEqual([...alignPreviousBuckets(3, 3)], [0, 1, 2]);
  });
  it('pairs from the end, so that a sliver at the previous period’s start pairs with nothing', () => {
    assert.deepEqual([...alignPreviousBuckets(3, 4)], [1, 2, 3]);
  });
  it('leaves the first current buckets without a partner when the previous period lists fewer', () => {
    assert.deepEqual([...alignPreviousBuckets(4, 3)], [-1, 0, 1, 2]);
    assert.deepEqual([...alignPreviousBuckets(2, 0)], [-1, -1]);
  });
});

const zone = 'Europe/Amsterdam';
const { conversations, lookups } = generateConversations({ n: 4_000, seed: 7, end: Date.UTC(2026, 10, 20), days: 420, timeZone: zone });
const table = createTable(conversations, lookups);

const spec = (input: Partial<ReportSpecInput>): ReportSpec =>
  reportSpecSchema.parse({ id: 'ghost', title: 'Ghost', chartType: 'line', dimension: 'createdAt', measure: { op: 'count' }, ...input });

/** Amsterdam local midnight of a calendar date, as epoch ms (CET is UTC+1, CEST UTC+2). */
const amsterdam = (year: number, month: number, day: number, summer: boolean) => Date.UTC(year, month, day) - (summer ? 2 : 1) * HOUR;

const cases: { name: string; spec: ReportSpec; context: ReportContext }[] = [
  {
    // 31 days and an hour: the previous period starts at 23:00 on 30 August, a one-hour sliver.
    name: 'days of a month with a fall-back night',
    spec: spec({ timeBucket: 'day' }),
    context: { range: { from: amsterdam(2026, 9, 1, true), to: amsterdam(2026, 10, 1, false) }, timeZone: zone },
  },
  {
    // 92 days reach back to 29 November: the previous period lists four months for three.
    name: 'months of a quarter whose previous period spans four months',
    spec: spec({ timeBucket: 'month', measure: { op: 'avg', property: 'responseTime' } }),
    context: { range: { from: amsterdam(2026, 2, 1, false), to: amsterdam(2026, 5, 1, true) }, timeZone: zone },
  },
  {
    name: 'hours of the spring-forward day (23 buckets)',
    spec: spec({ timeBucket: 'hour' }),
    context: { range: { from: amsterdam(2026, 2, 29, false), to: amsterdam(2026, 2, 30, true) }, timeZone: zone },
  },
  {
    name: 'hours of the fall-back day (the repeated hour is one bucket)',
    spec: spec({ timeBucket: 'hour', measure: { op: 'median', property: 'timeToClose' }, dateProperty: 'createdAt' }),
    context: { range: { from: amsterdam(2026, 9, 25, true), to: amsterdam(2026, 9, 26, false) }, timeZone: zone },
  },
  {
    name: 'weeks with a breakdown by channel',
    spec: spec({ timeBucket: 'week', breakdown: 'channel', measure: { op: 'p90', property: 'responseTime' } }),
    context: { range: { from: amsterdam(2026, 7, 3, true), to: amsterdam(2026, 9, 26, false) }, timeZone: zone },
  },
  {
    name: 'days of a rolling week starting mid-afternoon, sorted by value',
    spec: spec({ timeBucket: 'day', sort: { by: 'value', direction: 'desc' } }),
    context: { range: { from: Date.UTC(2026, 10, 9, 13, 30), to: Date.UTC(2026, 10, 16, 13, 30) }, timeZone: zone },
  },
  {
    name: 'days by close date over a closed-at range',
    spec: spec({ timeBucket: 'day', dimension: 'closedAt', dateProperty: 'closedAt', measure: { op: 'max', property: 'timeToClose' } }),
    context: { range: { from: amsterdam(2026, 5, 1, true), to: amsterdam(2026, 6, 1, true) }, timeZone: zone },
  },
];

/** Bucket keys of a report's rows, oldest first, each once. */
function bucketKeys(result: ReportResult): number[] {
  return [...new Set(result.rows.map((row) => row.key as number))].sort((a, b) => a - b);
}

const cellOf = (result: ReportResult) => new Map(result.rows.map((row) => [`${row.key}|${String(row.series)}`, row as Aggregate]));

describe('computeReport — the previous period as a series over time', () => {
  for (const { name, spec: s, context } of cases) {
    it(`pairs each bucket with the previous period's bucket at the same position from the end: ${name}`, () => {
      const compared = computeReport(table, s, { ...context, compare: 'previous-period' });
      // The oracle: the previous range computed as a report of its own, its buckets paired from the end.
      const own = computeReport(table, s, { ...context, range: previousRange(context.range) });
      const currentKeys = bucketKeys(compared);
      const previousKeys = bucketKeys(own);
      const empty: Aggregate = { value: s.measure.op === 'count' ? 0 : null, count: 0 };
      const ownCells = cellOf(own);
      let paired = 0;
      for (const row of compared.rows) {
        const index = currentKeys.indexOf(row.key as number);
        const partner = previousKeys[index - currentKeys.length + previousKeys.length];
        const where = `${new Date(row.key as number).toISOString()} ${String(row.series)}`;
        if (partner === undefined) {
          assert.equal(row.previous, undefined, where);
          assert.equal(row.previousKey, undefined, where);
          continue;
        }
        paired += 1;
        assert.equal(row.previousKey, partner, where);
        const expected = ownCells.get(`${partner}|${String(row.series)}`) ?? empty;
        assert.deepEqual({ value: row.previous?.value, count: row.previous?.count }, { value: expected.value, count: expected.count }, where);
      }
      assert.ok(paired > 0, 'some buckets have a partner');
      assert.ok(compared.rows.some((row) => (row.previous?.count ?? 0) > 0), 'the previous period holds data');
      assert.deepEqual(compared.total.previous, own.total);
    });
  }

  it('drops the sliver the DST hour puts at the previous period’s start, and pairs 1 October with 31 August', () => {
    const { context, spec: s } = cases[0]!;
    const result = computeReport(table, s, { ...context, compare: 'previous-period' });
    assert.equal(result.rows.length, 31);
    assert.equal(result.rows[0]!.previousKey, amsterdam(2026, 7, 31, true));
    assert.equal(result.rows[30]!.previousKey, amsterdam(2026, 8, 30, true));
  });

  it('pairs March, April and May with December, January and February', () => {
    const { context, spec: s } = cases[1]!;
    const result = computeReport(table, s, { ...context, compare: 'previous-period' });
    assert.deepEqual(
      result.rows.map((row) => row.previousKey),
      [amsterdam(2025, 11, 1, false), amsterdam(2026, 0, 1, false), amsterdam(2026, 1, 1, false)],
    );
  });

  it('gives no previous value to buckets outside the range, nor without a comparison', () => {
    const s = spec({ timeBucket: 'day', dimension: 'closedAt', dateProperty: 'createdAt' });
    const context = cases[0]!.context;
    const compared = computeReport(table, s, { ...context, compare: 'previous-period' });
    const outside = compared.rows.filter((row) => row.key === null || (row.key as number) >= context.range.to);
    assert.ok(outside.length > 0);
    assert.ok(outside.every((row) => row.previous === undefined && row.previousKey === undefined));
    assert.ok(computeReport(table, s, context).rows.every((row) => row.previous === undefined && row.previousKey === undefined));
  });

});
