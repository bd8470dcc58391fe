import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, MIN, T0, conversation, lookups } from '../../../test/fixtures/conversations.ts';
import { computeReport } from './compute-report.ts';
import { UnknownPropertyError } from '../table/columns.ts';
import { parseConversations } from '../wire/parse-conversations.ts';
import { reportSpecSchema, type ReportSpecInput } from '../schema/report-spec.ts';
import { createTable } from '../table/table.ts';
import type { ReportContext } from '../types.ts';
import { installQuantiles } from './quantile-install.ts';

// Medians computed through the engine's modules, not core's entry (which registers them itself).
installQuantiles();

const week: ReportContext = { range: { from: T0, to: T0 + 7 * DAY }, timeZone: 'UTC' };

function tableOf(records: ReturnType<typeof conversation>[]) {
  const { conversations, errors } = parseConversations(records);
  assert.deepEqual(errors, []);
  return createTable(conversations, lookups);
}

function spec(fields: Partial<ReportSpecInput>) {
  return reportSpecSchema.parse({ id: 'r', title: 'R', chartType: 'bar', measure: { op: 'count' }, ...fields });
}

const pick = (rows: { key: unknown; value: unknown; count: number }[]) => rows.map((r) => [r.key, r.value, r.count]);

describe('computeReport — range, grouping, labels', () => {
  const table = tableOf([
    conversation({ id: 'at-from', assigneeId: 'alice', createdAt: T0 }),
    conversation({ id: 'last-ms', assigneeId: 'alice', createdAt: T0 + 7 * DAY - 1 }),
    conversation({ id: 'at-to', assigneeId: 'alice', createdAt: T0 + 7 * DAY }),
    conversation({ id: 'before', assigneeId: 'bob', createdAt: T0 - 1 }),
    conversation({ id: 'bob-1', assigneeId: 'bob', createdAt: T0 + DAY }),
    conversation({ id: 'nobody', assigneeId: null, createdAt: T0 + DAY }),
    conversation({ id: 'ghost', assigneeId: 'zed', createdAt: T0 + DAY }),
  ]);

  it('takes [from, to) on the date property, labels by lookup and names the null group', () => {
    const result = computeReport(table, spec({ dimension: 'assigneeId' }), week);
    assert.equal(result.matched, 5);
    assert.deepEqual(result.total, { value: 5, count: 5 });
    assert.deepEqual(
      result.rows.map((r) => [r.key, r.label, r.count]),
      [
        ['alice', 'Alice Martin', 2],
        ['bob', 'Bob de Vries', 1],
        [null, 'Unassigned', 1],
        ['zed', 'zed', 1],
      ],
    );
  });

  it('sorts by explicit order', () => {
    const byLabelDesc = computeReport(table, spec({ dimension: 'assigneeId', sort: { by: 'label', direction: 'desc' } }), week);
    assert.deepEqual(byLabelDesc.rows.map((r) => r.label), ['zed', 'Unassigned', 'Bob de Vries', 'Alice Martin']);
    const byValueAsc = computeReport(table, spec({ dimension: 'assigneeId', sort: { by: 'value', direction: 'asc' } }), week);
    assert.deepEqual(byValueAsc.rows.map((r) => r.key), ['bob', null, 'zed', 'alice']);
  });

  it('returns one row for a report without a dimension', () => {
    const result = computeReport(table, spec({}), week);
    assert.equal(result.rows.length, 1);
    assert.equal(result.rows[0]!.count, 5);
  });

  it('throws a named error for an unknown property and treats a missing custom property as null', () => {
    assert.throws(() => computeReport(table, spec({ dimension: 'nope' }), week), UnknownPropertyError);
    const result = computeReport(table, spec({ dimension: 'properties.absent' }), week);
    assert.deepEqual(pick(result.rows), [[null, 5, 5]]);
  });

  it('rejects an unknown time zone', () => {
    assert.throws(() => computeReport(table, spec({}), { ...week, timeZone: 'Mars/Olympus' }), /Unknown time zone "Mars\/Olympus"/);
  });
});

describe('computeReport — measures', () => {
  // Response times 1, 2, 3, 10 min for alice; none for bob (no reply).
  const table = tableOf([
    ...[1, 2, 3, 10].map((m, i) =>
      conversation({ assigneeId: 'alice', createdAt: T0 + i * HOUR, firstResponseAt: T0 + i * HOUR + m * MIN }),
    ),
    conversation({ assigneeId: 'bob', createdAt: T0 + HOUR }),
  ]);
  const expected: Record<string, number> = {
    avg: 4 * MIN,
    median: 2.5 * MIN,
    p90: (3 + 0.7 * 7) * MIN, // position 2.7 between 3 and 10 min
    min: 1 * MIN,
    max: 10 * MIN,
    sum: 16 * MIN,
  };

  for (const [op, value] of Object.entries(expected)) {
    it(`${op} of responseTime over non-null values, null for an all-null group`, () => {
      const result = computeReport(table, spec({ dimension: 'assigneeId', measure: { op: op as 'avg', property: 'responseTime' } }), week);
      const alice = result.rows.find((r) => r.key === 'alice')!;
      const bob = result.rows.find((r) => r.key === 'bob')!;
      assert.ok(Math.abs(alice.value! - value) < 1e-6, `${op}: ${alice.value} ≠ ${value}`);
      assert.equal(alice.count, 4);
      assert.deepEqual([bob.value, bob.count], [null, 1]);
      assert.ok(Math.abs(result.total.value! - value) < 1e-6);
      assert.equal(result.rows.at(-1)!.key, 'bob', 'null values sort last');
      assert.equal(result.excluded, 1, 'bob has no reply yet');
    });
  }

  it('measures a custom numeric property and refuses a text one', () => {
    const custom = tableOf([
      conversation({ properties: { csat: 4 } }),
      conversation({ properties: { csat: 2 } }),
      conversation({ properties: { csat: null, tier: 'gold' } }),
    ]);
    const result = computeReport(custom, spec({ measure: { op: 'avg', property: 'properties.csat' } }), week);
    assert.equal(result.total.value, 3);
    assert.throws(() => computeReport(custom, spec({ measure: { op: 'avg', property: 'properties.tier' } }), week), /not numeric/);
  });
});

describe('computeReport — filters', () => {
  const table = tableOf([
    conversation({ id: 'a', channel: 'chat', status: 'closed', assigneeId: 'alice', createdAt: T0, firstResponseAt: T0 + 4 * MIN, closedAt: T0 + HOUR, pageUrl: 'https://shop.example/pricing?utm_source=ads', ticketId: 't1', subject: 'Refund please', properties: { csat: 5, vip: true, plan: 'Pro' } }),
    conversation({ id: 'b', channel: 'chat', status: 'open', assigneeId: 'bob', createdAt: T0, firstResponseAt: T0 + 5 * MIN, pageUrl: 'https://shop.example/pricing#faq', properties: { csat: 3, vip: false, plan: 'Free' } }),
    conversation({ id: 'c', channel: 'email', status: 'closed', assigneeId: null, createdAt: T0, firstResponseAt: T0 + 6 * MIN, closedAt: T0 + 2 * HOUR, subject: 'REFUND now', properties: { plan: 'Pro' } }),
    conversation({ id: 'd', channel: 'email', status: 'open', assigneeId: 'alice', createdAt: T0, pageUrl: 'https://other.example/' }),
  ]);
  const ids = (filters: ReportSpecInput['filters'], extra: Partial<ReportSpecInput> = {}) =>
    computeReport(table, spec({ dimension: 'id' as never, filters, ...extra }), week)
      .rows.map((r) => r.key)
      .sort();

  const cases: [string, ReportSpecInput['filters'], string[]][] = [
    ['is', [{ property: 'status', operator: 'is', value: 'closed' }], ['a', 'c']],
    ['isNot keeps nulls', [{ property: 'assigneeId', operator: 'isNot', value: 'alice' }], ['b', 'c']],
    ['in', [{ property: 'assigneeId', operator: 'in', value: ['alice', 'bob'] }], ['a', 'b', 'd']],
    ['notIn keeps nulls', [{ property: 'assigneeId', operator: 'notIn', value: ['alice'] }], ['b', 'c']],
    ['known', [{ property: 'assigneeId', operator: 'known' }], ['a', 'b', 'd']],
    ['unknown', [{ property: 'assigneeId', operator: 'unknown' }], ['c']],
    ['gt on a duration', [{ property: 'responseTime', operator: 'gt', value: 5 * MIN }], ['c']],
    ['gte on a duration', [{ property: 'responseTime', operator: 'gte', value: 5 * MIN }], ['b', 'c']],
    ['lt never takes null', [{ property: 'responseTime', operator: 'lt', value: 5 * MIN }], ['a']],
    ['lte', [{ property: 'responseTime', operator: 'lte', value: 5 * MIN }], ['a', 'b']],
    ['between is inclusive', [{ property: 'responseTime', operator: 'between', value: [4 * MIN, 5 * MIN] }], ['a', 'b']],
    ['contains is case-insensitive', [{ property: 'subject', operator: 'contains', value: 'refund' }], ['a', 'c']],
    ['pageUrl filters see the raw URL', [{ property: 'pageUrl', operator: 'contains', value: 'utm_source' }], ['a']],
    ['hasTicket', [{ property: 'hasTicket', operator: 'is', value: true }], ['a']],
    ['timeToClose known', [{ property: 'timeToClose', operator: 'known' }], ['a', 'c']],
    ['custom number gt', [{ property: 'properties.csat', operator: 'gt', value: 3 }], ['a']],
    ['custom boolean isNot keeps missing', [{ property: 'properties.vip', operator: 'isNot', value: true }], ['b', 'c', 'd']],
    ['custom text in', [{ property: 'properties.plan', operator: 'in', value: ['Pro'] }], ['a', 'c']],
    ['filters join by AND', [{ property: 'status', operator: 'is', value: 'closed' }, { property: 'assigneeId', operator: 'known' }], ['a']],
  ];
  for (const [name, filters, expected] of cases) it(name, () => assert.deepEqual(ids(filters), expected));

  it('applies the channel shorthand as a filter', () => {
    assert.deepEqual(ids([], { channel: 'email' }), ['c', 'd']);
  });
});

describe('computeReport — page URLs', () => {
  it('groups by origin + path, dropping query and fragment; a non-URL stays whole', () => {
    const table = tableOf([
      conversation({ pageUrl: 'https://shop.example/pricing?utm_source=ads&utm_medium=cpc' }),
      conversation({ pageUrl: 'https://shop.example/pricing#plans' }),
      conversation({ pageUrl: 'https://SHOP.example:443/pricing' }),
      conversation({ pageUrl: 'not a url' }),
      conversation({ pageUrl: null }),
    ]);
    const result = computeReport(table, spec({ dimension: 'pageUrl' }), week);
    assert.deepEqual(pick(result.rows), [
      ['https://shop.example/pricing', 3, 3],
      [null, 1, 1], // "Unknown page" sorts before "not a url" (code-unit order, as SQL's binary collation)
      ['not a url', 1, 1],
    ]);
    assert.equal(result.rows[1]!.label, 'Unknown page');
  });
});

describe('computeReport — limit and Other', () => {
  const table = tableOf(
    [
      ['alice', 5],
      ['bob', 3],
      ['chloe', 3],
      ['dan', 1],
      ['eve', 1],
    ].flatMap(([assigneeId, n]) =>
      Array.from({ length: n as number }, (_, i) =>
        conversation({ assigneeId: assigneeId as string, createdAt: T0 + i * HOUR, firstResponseAt: T0 + i * HOUR + (i + 1) * MIN }),
      ),
    ),
  );

  it('keeps the top N by value with ties by label and folds the rest into Other', () => {
    const result = computeReport(table, spec({ dimension: 'assigneeId', limit: 2 }), week);
    // bob (Bob de Vries) and chloe (Chloé Dubois) tie at 3: the label decides.
    assert.deepEqual(pick(result.rows), [
      ['alice', 5, 5],
      ['bob', 3, 3],
      ['__other__', 5, 5],
    ]);
    assert.equal(result.rows.at(-1)!.label, 'Other');
    assert.deepEqual(result.total, { value: 13, count: 13 });
  });

  it('measures Other over its conversations, not over its groups', () => {
    const result = computeReport(table, spec({ dimension: 'assigneeId', limit: 1, measure: { op: 'median', property: 'responseTime' } }), week);
    // By median response: alice 3 min, bob/chloe 2 min, dan/eve 1 min → alice kept.
    assert.equal(result.rows[0]!.key, 'alice');
    const other = result.rows[1]!;
    // Other holds responses 1,2,3 (bob) 1,2,3 (chloe) 1 (dan) 1 (eve) → median of 8 values = 1.5 min.
    assert.deepEqual([other.key, other.count, other.value], ['__other__', 8, 1.5 * MIN]);
  });

  it('adds no Other row when nothing is folded', () => {
    const result = computeReport(table, spec({ dimension: 'assigneeId', limit: 5 }), week);
    assert.equal(result.rows.length, 5);
  });
});

describe('computeReport — breakdown', () => {
  it('gives one row per (key, series) with counts', () => {
    const table = tableOf([
      conversation({ assigneeId: 'alice', status: 'open' }),
      conversation({ assigneeId: 'alice', status: 'closed', closedAt: T0 + HOUR }),
      conversation({ assigneeId: 'alice', status: 'closed', closedAt: T0 + HOUR }),
      conversation({ assigneeId: 'bob', status: 'open' }),
    ]);
    const result = computeReport(table, spec({ dimension: 'assigneeId', breakdown: 'status' }), week);
    assert.deepEqual(
      result.rows.map((r) => [r.key, r.series, r.seriesLabel, r.count]),
      [
        ['alice', 'closed', 'closed', 2],
        ['alice', 'open', 'open', 1],
        ['bob', 'open', 'open', 1],
      ],
    );
  });
});

describe('computeReport — date dimension', () => {
  it('fills empty buckets with 0 and orders by key', () => {
    const table = tableOf([
      conversation({ createdAt: T0 + 2 * DAY + HOUR }),
      conversation({ createdAt: T0 + 2 * DAY + 2 * HOUR }),
      conversation({ createdAt: T0 + 5 * DAY }),
    ]);
    const result = computeReport(table, spec({ dimension: 'createdAt', timeBucket: 'day', chartType: 'line' }), week);
    assert.deepEqual(result.rows.map((r) => r.count), [0, 0, 2, 0, 0, 1, 0]);
    assert.deepEqual(result.rows.map((r) => r.key), Array.from({ length: 7 }, (_, d) => T0 + d * DAY));
    assert.equal(result.rows[2]!.label, '2026-03-04');
  });

  it('buckets in the context time zone, across the DST change, from the bucket holding `from`', () => {
    const from = Date.parse('2026-03-28T12:00:00Z');
    const table = tableOf([
      conversation({ createdAt: Date.parse('2026-03-28T23:30:00Z') }), // Sun 29, 00:30 CET
      conversation({ createdAt: Date.parse('2026-03-29T21:59:59.999Z') }), // Sun 29, 23:59:59.999 CEST
      conversation({ createdAt: Date.parse('2026-03-29T22:00:00Z') }), // Mon 30 00:00 CEST
    ]);
    const result = computeReport(table, spec({ dimension: 'createdAt', timeBucket: 'day' }), {
      range: { from, to: Date.parse('2026-03-30T12:00:00Z') },
      timeZone: 'Europe/Amsterdam',
    });
    assert.deepEqual(
      result.rows.map((r) => [new Date(r.key as number).toISOString(), r.count]),
      [
        ['2026-03-27T23:00:00.000Z', 0],
        ['2026-03-28T23:00:00.000Z', 2],
        ['2026-03-29T22:00:00.000Z', 1],
      ],
    );
  });

  it('puts a date dimension outside the range (another date property) in its own buckets, and nulls in a null group', () => {
    const table = tableOf([
      conversation({ createdAt: T0 - 3 * DAY, status: 'closed', closedAt: T0 + HOUR }),
      conversation({ createdAt: T0 + HOUR, status: 'closed', closedAt: T0 + 2 * HOUR }),
    ]);
    const result = computeReport(table, spec({ dimension: 'createdAt', timeBucket: 'week', dateProperty: 'closedAt' }), week);
    assert.deepEqual(pick(result.rows), [
      [T0 - 7 * DAY, 1, 1],
      [T0, 1, 1],
    ]);
    const byReply = computeReport(table, spec({ dimension: 'firstResponseAt', timeBucket: 'week' }), week);
    assert.deepEqual(pick(byReply.rows), [
      [T0, 0, 0],
      [null, 1, 1],
    ]);
  });
});

describe('computeReport — previous period', () => {
  it('compares each key and the total with the period of equal length just before', () => {
    const table = tableOf([
      conversation({ assigneeId: 'alice', createdAt: T0 + HOUR }),
      conversation({ assigneeId: 'alice', createdAt: T0 - HOUR }),
      conversation({ assigneeId: 'alice', createdAt: T0 - 2 * HOUR }),
      conversation({ assigneeId: 'bob', createdAt: T0 + HOUR }),
      conversation({ assigneeId: 'chloe', createdAt: T0 - 7 * DAY }), // first ms of the previous period
      conversation({ assigneeId: 'chloe', createdAt: T0 - 7 * DAY - 1 }), // before it
    ]);
    const result = computeReport(table, spec({ dimension: 'assigneeId' }), { ...week, compare: 'previous-period' });
    assert.deepEqual(result.total.previous, { value: 3, count: 3 });
    assert.deepEqual(
      result.rows.map((r) => [r.key, r.count, r.previous]),
      [
        ['alice', 1, { value: 2, count: 2 }],
        ['bob', 1, { value: 0, count: 0 }],
      ],
    );
  });

  it('gives each date bucket the previous period’s bucket at the same position (previous-buckets.test.ts has more)', () => {
    const table = tableOf([conversation({ createdAt: T0 }), conversation({ createdAt: T0 - 7 * DAY + HOUR })]);
    const result = computeReport(table, spec({ dimension: 'createdAt', timeBucket: 'day' }), { ...week, compare: 'previous-period' });
    assert.deepEqual(result.rows[0]!.previous, { value: 1, count: 1 });
    assert.equal(result.rows[0]!.previousKey, T0 - 7 * DAY);
    assert.ok(result.rows.slice(1).every((r, i) => r.previous?.count === 0 && r.previousKey === T0 - 6 * DAY + i * DAY));
    assert.deepEqual(result.total.previous, { value: 1, count: 1 });
  });
});
