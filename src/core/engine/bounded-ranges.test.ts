import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, T0, conversation, lookups } from '../../../test/fixtures/conversations.ts';
import { computeReport } from './compute-report.ts';
import { parseConversations } from '../wire/parse-conversations.ts';
import { reportSpecSchema, type ReportSpecInput } from '../schema/report-spec.ts';
import { createTable } from '../table/table.ts';
import { bucketBoundaries } from '../time/time-buckets.ts';

// DESIGN v2: a date dimension never produces more than 10 000 buckets; a range that would is refused.
const table = createTable(parseConversations([conversation({ id: 'a', createdAt: T0 }), conversation({ id: 'b', createdAt: T0 + 3 * DAY })]).conversations, lookups);
const spec = (fields: Partial<ReportSpecInput>) =>
  reportSpecSchema.parse({ id: 'r', title: 'R', chartType: 'line', measure: { op: 'count' }, dimension: 'createdAt', timeBucket: 'day', ...fields });

describe('date dimensions are bounded to 10 000 buckets', () => {
  it('a shared link over 0001-01-01/9999-12-31 is refused at once, naming the problem', () => {
    const range = { from: Date.parse('0001-01-01T00:00:00Z'), to: Date.parse('9999-12-31T00:00:00Z') };
    for (const timeBucket of ['hour', 'day', 'week', 'month'] as const)
      assert.throws(() => computeReport(table, spec({ timeBucket }), { range, timeZone: 'Europe/Amsterdam' }), (error: Error) => {
        assert.equal(error.name, 'TooManyBucketsError');
        assert.match(error.message, new RegExp(`more than 10000 ${timeBucket} buckets.*shorter range or a coarser time bucket`));
        return true;
      });
    // A non-date dimension over the same range is fine: only listing buckets is bounded.
    const byAssignee = computeReport(table, spec({ dimension: 'assigneeId', timeBucket: undefined }), { range, timeZone: 'UTC' });
    assert.equal(byAssignee.total.count, 2);
  });

  it('exactly 10 000 buckets are listed; 10 001 are refused (counted independently in UTC)', () => {
    const from = T0;
    const ok = computeReport(table, spec({}), { range: { from, to: from + 10_000 * DAY }, timeZone: 'UTC' });
    assert.equal(ok.rows.length, 10_000);
    assert.equal(ok.rows[0]!.key, from);
    assert.equal(ok.rows.at(-1)!.key, from + 9_999 * DAY);
    assert.throws(() => computeReport(table, spec({}), { range: { from, to: from + 10_000 * DAY + 1 }, timeZone: 'UTC' }), { name: 'TooManyBucketsError' });
    // Quarter buckets: 2 500 years of them fit; 2 501 do not (a range starting on a quarter).
    const year0 = Date.UTC(2000, 0, 1);
    assert.equal(bucketBoundaries(year0, new Date(year0).setUTCFullYear(4500), 'quarter', 'UTC').length, 10_001);
    assert.throws(() => bucketBoundaries(year0, new Date(year0).setUTCFullYear(4501), 'quarter', 'UTC'), { name: 'TooManyBucketsError' });
  });

  it('hours across DST nights are counted as listed, not estimated', () => {
    // From 28 March 2026, 10 001 real hours cross one fall-back night (25 October), whose repeated
    // 02:00 hour is one bucket: 10 000 buckets. One more hour is one bucket too many.
    const from = Date.UTC(2026, 2, 28);
    assert.equal(bucketBoundaries(from, from + 10_001 * HOUR, 'hour', 'Europe/Amsterdam').length, 10_001);
    assert.throws(() => bucketBoundaries(from, from + 10_002 * HOUR, 'hour', 'Europe/Amsterdam'), { name: 'TooManyBucketsError' });
  });

  it('ranges outside the Date range, or reversed, are refused with what is wrong', () => {
    assert.throws(() => computeReport(table, spec({}), { range: { from: -1e300, to: 1e300 }, timeZone: 'UTC' }), /within the Date range/);
    assert.throws(() => computeReport(table, spec({ dimension: 'assigneeId' }), { range: { from: 10, to: 5 }, timeZone: 'UTC' }), /ends before it starts/);
  });
});
