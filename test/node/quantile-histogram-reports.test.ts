/**
 * Reports whose quantiles take the histogram path (a selection of 2^17 rows or more, at most 64
 * groups), checked against sorting: median and p90 by group and in total, and the other measures
 * of the same property in the same batch (the histograms give n and sum, not min and max).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReports, createTable, reportSpecSchema, type Conversation, type ReportSpec } from '../../src/core/index.ts';
import { HISTOGRAM_MIN_ROWS } from '../../src/core/engine/quantile-histogram.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';
import { quantileBySorting } from '../harness/quantile-by-sorting.ts';

const END = Date.UTC(2026, 10, 20);
const DAYS = 60;
const context = { range: { from: END - DAYS * 86_400_000, to: END }, timeZone: 'UTC' };

type Op = 'median' | 'p90' | 'avg' | 'min' | 'max' | 'sum';
const ops: Op[] = ['median', 'p90', 'avg', 'min', 'max', 'sum'];

function expected(values: number[], op: Op): number | null {
  if (values.length === 0) return null;
  switch (op) {
    case 'median':
      return quantileBySorting(values, 0.5);
    case 'p90':
      return quantileBySorting(values, 0.9);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'min':
      return values.reduce((a, b) => Math.min(a, b));
    case 'max':
      return values.reduce((a, b) => Math.max(a, b));
  }
}

function close(actual: number | null, wanted: number | null, where: string): void {
  if (actual === null || wanted === null) return assert.equal(actual, wanted, where);
  assert.ok(Math.abs(actual - wanted) <= 1e-9 * Math.max(1, Math.abs(wanted)), `${where}: ${actual} vs ${wanted}`);
}

describe('reports on the histogram quantile path', () => {
  const { conversations, lookups } = generateConversations({ n: 150_000, seed: 7, end: END, days: DAYS });
  const table = createTable(conversations, lookups);
  const inRange = conversations.filter((c) => c.createdAt >= context.range.from && c.createdAt < context.range.to);

  it('takes the histogram path on this data', () => {
    assert.ok(inRange.length >= HISTOGRAM_MIN_ROWS, `${inRange.length} rows in range`);
  });

  for (const property of ['responseTime', 'timeToClose'] as const) {
    it(`gives every measure of ${property} by assignee, quantiles first in one batch, as sorting does`, () => {
      const specs: ReportSpec[] = ops.map((op) =>
        // A filter every conversation passes, but not one a cube answers: every report reads the rows.
        reportSpecSchema.parse({ id: op, title: op, chartType: 'table', dimension: 'assigneeId', filters: [{ property: 'createdAt', operator: 'gte', value: 0 }], measure: { op, property } }),
      );
      const results = computeReports(table, specs, context);
      const valueOf = (c: Conversation): number | null => {
        const end = property === 'responseTime' ? c.firstResponseAt : c.closedAt;
        return end === null ? null : end - c.createdAt;
      };
      const byAssignee = new Map<string | null, number[]>();
      const conversationsOf = new Map<string | null, number>();
      const all: number[] = [];
      for (const c of inRange) {
        const v = valueOf(c);
        if (!byAssignee.has(c.assigneeId)) byAssignee.set(c.assigneeId, []);
        conversationsOf.set(c.assigneeId, (conversationsOf.get(c.assigneeId) ?? 0) + 1);
        if (v === null) continue;
        byAssignee.get(c.assigneeId)!.push(v);
        all.push(v);
      }
      results.forEach((result, index) => {
        const op = ops[index]!;
        assert.equal(result.rows.length, byAssignee.size, op);
        for (const row of result.rows) {
          close(row.value, expected(byAssignee.get(row.key as string | null)!, op), `${property} ${op} ${String(row.key)}`);
          // Conversations, those without a value included (the histograms' pass counts them).
          assert.equal(row.count, conversationsOf.get(row.key as string | null), `${property} ${op} count of ${String(row.key)}`);
        }
        close(result.total.value, expected(all, op), `${property} ${op} total`);
        assert.equal(result.total.count, inRange.length, `${property} ${op} total count`);
      });
    });
  }
});
