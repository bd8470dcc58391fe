/**
 * DESIGN v2's derived properties (business spans, SLA states, weekday/hour, team) and the `share`
 * measure, checked against test/node/oracle/business-reference.ts, a second reading written apart
 * from the engine: per record, and as report results (rows, totals, previous period), on
 * hand-made DST nights and on fast-check generated schedules and conversations.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  computeReport,
  createTable,
  drillDown,
  parseConversations,
  reportSpecSchema,
  templates,
  type BusinessHours,
  type Conversation,
  type ConversationTable,
  type Lookups,
  type ReportContext,
  type ReportResult,
  type ReportSpec,
  type ReportSpecInput,
} from '../../src/core/index.ts';
import { referenceDerived, referenceOpenTime, type ReferenceValue } from './oracle/business-reference.ts';
import { weekdays9to17 } from '../harness/office-hours.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WIDE = { from: Date.UTC(1990, 0, 1), to: Date.UTC(2040, 0, 1) };

const lookups: Lookups = {
  assignees: [
    { id: 'ann', name: 'Ann', teamId: 'support' },
    { id: 'bob', name: 'Bob', teamId: 'support' },
    { id: 'cat', name: 'Cat', teamId: 'sales' },
    { id: 'dan', name: 'Dan' },
  ],
  inboxes: [
    { id: 'in-1', name: 'Support' },
    { id: 'in-2', name: 'Sales' },
  ],
  chatflows: [],
  teams: [
    { id: 'support', name: 'Support team' },
    { id: 'sales', name: 'Sales team' },
  ],
};

interface Fields {
  id: string;
  createdAt: number;
  firstResponseAt?: number | null;
  closedAt?: number | null;
  inboxId?: string;
  assigneeId?: string | null;
  channel?: string;
  ticketId?: string | null;
}

function table(fields: Fields[]): { table: ConversationTable; conversations: Conversation[] } {
  const { conversations, errors } = parseConversations(
    fields.map((f) => ({
      channel: 'chat',
      inboxId: 'in-1',
      assigneeId: null,
      ...f,
      status: f.closedAt == null ? 'open' : 'closed',
    })),
  );
  assert.deepEqual(errors, []);
  return { table: createTable(conversations, lookups), conversations };
}

const spec = (fields: Partial<ReportSpecInput>): ReportSpec =>
  reportSpecSchema.parse({ id: 'r', title: 'R', chartType: 'table', measure: { op: 'count' }, ...fields });

/** The engine's value of `property` for every conversation, read through public reports (grouped by id). */
function engineValues(t: ConversationTable, property: string, context: ReportContext, numeric: boolean): Map<string, ReferenceValue> {
  const out = new Map<string, ReferenceValue>();
  const ctx = { ...context, range: WIDE };
  if (numeric) {
    for (const row of computeReport(t, spec({ dimension: 'id', measure: { op: 'max', property } }), ctx).rows) out.set(String(row.key), row.value);
  } else {
    for (const row of computeReport(t, spec({ dimension: 'id', breakdown: property }), ctx).rows) out.set(String(row.key), (row.series ?? null) as ReferenceValue);
  }
  return out;
}

const NUMERIC = new Set(['responseTimeBusiness', 'timeToCloseBusiness']);

function compareRecords(t: ConversationTable, conversations: Conversation[], context: ReportContext, now: number): void {
  const expected = conversations.map((c) => [c.id, referenceDerived(c, context, lookups, now)] as const);
  const properties = Object.keys(expected[0]?.[1] ?? {});
  for (const property of properties) {
    const engine = engineValues(t, property, { ...context, ...(context.sla ? { sla: { ...context.sla, now } } : {}) }, NUMERIC.has(property));
    for (const [id, values] of expected)
      assert.equal(engine.get(id), values[property], `${property} of ${id} (${JSON.stringify(conversations.find((c) => c.id === id))})`);
  }
}

/** Epoch ms of a local wall-clock time, for writing cases (checked against Intl by the reference itself). */
function local(iso: string, offsetHours: number): number {
  return Date.parse(`${iso}Z`) - offsetHours * HOUR;
}

describe('business spans, exact to the ms, against hand-counted hours and the reference', () => {
  const cases: { name: string; hours: BusinessHours; from: number; to: number; inbox?: string; expected: number }[] = [
    {
      name: 'fall-back night in Amsterdam counts the repeated hour twice',
      hours: { timeZone: 'Europe/Amsterdam', week: { sun: [['00:00', '06:00']] } },
      from: local('2026-10-24T22:00:00', 2),
      to: local('2026-10-25T12:00:00', 1),
      expected: 7 * HOUR,
    },
    {
      name: 'spring-forward night in Amsterdam has no 02:00–03:00',
      hours: { timeZone: 'Europe/Amsterdam', week: { sun: [['00:00', '06:00']] } },
      from: local('2026-03-28T22:00:00', 1),
      to: local('2026-03-29T12:00:00', 2),
      expected: 5 * HOUR,
    },
    {
      name: 'Lord Howe moves half an hour',
      hours: { timeZone: 'Australia/Lord_Howe', week: { sun: [['00:00', '06:00']] } },
      from: local('2026-10-03T22:00:00', 10.5),
      to: local('2026-10-04T12:00:00', 11),
      expected: 5.5 * HOUR,
    },
    {
      name: 'an interval across midnight (22:00–24:00 then 00:00–06:00)',
      hours: { timeZone: 'Europe/Amsterdam', week: { fri: [['22:00', '24:00']], sat: [['00:00', '06:00']] } },
      from: local('2026-06-05T23:00:00', 2),
      to: local('2026-06-06T07:00:00', 2),
      expected: 7 * HOUR,
    },
    {
      name: 'a span starting and ending outside hours, to the millisecond',
      hours: { timeZone: 'America/New_York', week: weekdays9to17 },
      from: local('2026-06-05T16:59:59.999', -4),
      to: local('2026-06-08T09:00:00.001', -4),
      expected: 2,
    },
    {
      name: 'a holiday is closed all day',
      hours: { timeZone: 'Europe/Amsterdam', week: weekdays9to17, holidays: ['2026-06-10'] },
      from: local('2026-06-08T00:00:00', 2),
      to: local('2026-06-15T00:00:00', 2),
      expected: 32 * HOUR,
    },
    {
      name: 'a month-long span across the spring DST change',
      hours: { timeZone: 'Europe/Amsterdam', week: weekdays9to17 },
      from: local('2026-03-01T00:00:00', 1),
      to: local('2026-04-01T00:00:00', 2),
      expected: 22 * 8 * HOUR,
    },
    {
      name: 'an inbox with its own schedule in its own zone',
      hours: {
        timeZone: 'Europe/Amsterdam',
        week: weekdays9to17,
        byInbox: { 'in-2': { timeZone: 'America/New_York', week: { mon: [['08:00', '12:00']] } } },
      },
      inbox: 'in-2',
      from: local('2026-06-08T00:00:00', -4),
      to: local('2026-06-09T00:00:00', -4),
      expected: 4 * HOUR,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const schedule = c.inbox && c.hours.byInbox?.[c.inbox] ? c.hours.byInbox[c.inbox]! : c.hours;
      assert.equal(referenceOpenTime(schedule, c.from, c.to), c.expected, 'the reference');
      const { table: t } = table([{ id: 'x', createdAt: c.from, firstResponseAt: c.to, closedAt: c.to, inboxId: c.inbox ?? 'in-1' }]);
      const context: ReportContext = { range: WIDE, timeZone: 'UTC', businessHours: c.hours };
      for (const property of ['responseTimeBusiness', 'timeToCloseBusiness'])
        assert.equal(engineValues(t, property, context, true).get('x'), c.expected, property);
    });
});

describe('SLA states from their definition', () => {
  const now = Date.UTC(2026, 5, 10, 12);
  const { table: t, conversations } = table([
    { id: 'met-exactly', createdAt: now - 5 * HOUR, firstResponseAt: now - 4 * HOUR, closedAt: now - HOUR },
    { id: 'late', createdAt: now - 5 * HOUR, firstResponseAt: now - 3 * HOUR },
    { id: 'waiting-in-time', createdAt: now - 30 * MIN },
    { id: 'waiting-exactly-target', createdAt: now - HOUR },
    { id: 'waiting-past-target', createdAt: now - HOUR - 1 },
    { id: 'created-after-now', createdAt: now + HOUR },
  ]);
  it('met ≤ target, breached beyond it or still unanswered past it, else pending; null without a target', () => {
    const context: ReportContext = { range: WIDE, timeZone: 'UTC', sla: { firstResponseMs: HOUR, now } };
    const states = engineValues(t, 'firstResponseSla', context, false);
    assert.deepEqual(Object.fromEntries(states), {
      'met-exactly': 'met',
      late: 'breached',
      'waiting-in-time': 'pending',
      'waiting-exactly-target': 'pending',
      'waiting-past-target': 'breached',
      'created-after-now': 'pending',
    });
    assert.ok([...engineValues(t, 'closeSla', context, false).values()].every((v) => v === null), 'no close target: null');
    compareRecords(t, conversations, context, now);
  });

  it('counts in business hours with sla.businessHours, and refuses it without a schedule', () => {
    const hours: BusinessHours = { timeZone: 'UTC', week: { wed: [['09:00', '10:00']] } };
    const context: ReportContext = { range: WIDE, timeZone: 'UTC', businessHours: hours, sla: { firstResponseMs: 30 * MIN, closeMs: 0, businessHours: true, now } };
    compareRecords(t, conversations, context, now);
    assert.throws(() => computeReport(t, spec({ dimension: 'firstResponseSla' }), { ...context, businessHours: undefined }), /business hours/);
  });

  it('defaults now to the time of computing', () => {
    const context: ReportContext = { range: WIDE, timeZone: 'UTC', sla: { firstResponseMs: HOUR } };
    const { table: fresh } = table([{ id: 'old', createdAt: Date.now() - 2 * HOUR }, { id: 'new', createdAt: Date.now() + DAY }]);
    assert.deepEqual(Object.fromEntries(engineValues(fresh, 'firstResponseSla', context, false)), { old: 'breached', new: 'pending' });
  });
});

describe('weekday, hour and team', () => {
  it('read the creation time in context.timeZone and the assignee’s team from lookups', () => {
    const created = Date.UTC(2026, 2, 29, 0, 30); // Sunday 00:30 UTC = Sunday 01:30 Amsterdam, Saturday 20:30 New York
    const { table: t, conversations } = table([
      { id: 'a', createdAt: created, assigneeId: 'ann' },
      { id: 'd', createdAt: created, assigneeId: 'dan' },
      { id: 'n', createdAt: created, assigneeId: null },
    ]);
    for (const [zone, weekday, hour] of [['Europe/Amsterdam', 7, 1], ['America/New_York', 6, 20], ['Asia/Kolkata', 7, 6]] as const) {
      const context: ReportContext = { range: WIDE, timeZone: zone };
      assert.equal(engineValues(t, 'createdWeekday', context, false).get('a'), weekday, zone);
      assert.equal(engineValues(t, 'createdHour', context, false).get('a'), hour, zone);
      compareRecords(t, conversations, context, 0);
    }
    assert.deepEqual(Object.fromEntries(engineValues(t, 'teamId', { range: WIDE, timeZone: 'UTC' }, false)), { a: 'support', d: null, n: null });
    const byTeam = computeReport(t, spec({ dimension: 'teamId' }), { range: WIDE, timeZone: 'UTC' });
    assert.deepEqual(byTeam.rows.map((r) => [r.key, r.label, r.count]), [[null, 'No team', 2], ['support', 'Support team', 1]]);
  });
});

// ------------------------------------------------------------------------------------------------
// Generated schedules and conversations.

const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'UTC', 'Europe/London'];
/** Nights when some of these zones change offset, where the spans start. */
const ANCHORS = [
  Date.UTC(2026, 2, 8, 7),
  Date.UTC(2026, 2, 29, 1),
  Date.UTC(2026, 3, 5, 3),
  Date.UTC(2026, 3, 4, 15),
  Date.UTC(2026, 8, 6, 4),
  Date.UTC(2026, 9, 4, 1),
  Date.UTC(2026, 9, 25, 1),
  Date.UTC(2026, 10, 1, 6),
];

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 0–3 sorted, disjoint intervals of a day; edges on 15-minute steps, 00:00 and 24:00 included. */
const dayArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((edges) => {
    const sorted = [...edges].sort((a, b) => a - b);
    const intervals: [string, string][] = [];
    for (let k = 0; k + 1 < sorted.length; k += 2) intervals.push([hhmm(sorted[k]! * 15), hhmm(sorted[k + 1]! * 15)]);
    return intervals;
  });

const scheduleArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week: fc.record(
    { mon: dayArb, tue: dayArb, wed: dayArb, thu: dayArb, fri: dayArb, sat: dayArb, sun: dayArb },
    { requiredKeys: [] },
  ),
  holidays: fc.array(fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2026, 1, 1) + d * DAY).toISOString().slice(0, 10)), { maxLength: 6 }),
});

const hoursArb: fc.Arbitrary<BusinessHours> = fc
  .tuple(scheduleArb, fc.option(scheduleArb, { nil: undefined }))
  .map(([top, inbox]) => (inbox ? { ...top, byInbox: { 'in-2': inbox } } : top));

const spanArb = fc.oneof(
  fc.integer({ min: 0, max: 6 * HOUR }),
  fc.integer({ min: 0, max: 3 * DAY }),
  fc.integer({ min: 0, max: 40 * DAY }),
);

const conversationArb = fc.record({
  anchor: fc.constantFrom(...ANCHORS),
  shift: fc.integer({ min: -3 * DAY, max: 3 * DAY }),
  respond: fc.option(spanArb, { nil: null }),
  close: fc.option(spanArb, { nil: null }),
  inbox: fc.constantFrom('in-1', 'in-2'),
  assignee: fc.constantFrom('ann', 'bob', 'cat', 'dan', null),
  ticket: fc.boolean(),
});

const slaArb = fc.record(
  {
    firstResponseMs: fc.integer({ min: 0, max: 2 * DAY }),
    closeMs: fc.integer({ min: 0, max: 10 * DAY }),
    businessHours: fc.boolean(),
  },
  { requiredKeys: [] },
);

function build(raw: unknown[]): Fields[] {
  return (raw as { anchor: number; shift: number; respond: number | null; close: number | null; inbox: string; assignee: string | null; ticket: boolean }[]).map(
    (r, k) => {
      const createdAt = r.anchor + r.shift;
      return {
        id: `g${k}`,
        createdAt,
        firstResponseAt: r.respond === null ? null : createdAt + r.respond,
        closedAt: r.close === null ? null : createdAt + Math.max(r.close, r.respond ?? 0),
        inboxId: r.inbox,
        assigneeId: r.assignee,
        ticketId: r.ticket ? `t${k}` : null,
      };
    },
  );
}

describe('generated schedules and conversations: every derived property per record', () => {
  it('equals the reference', () => {
    fc.assert(
      fc.property(hoursArb, slaArb, fc.array(conversationArb, { minLength: 1, maxLength: 12 }), fc.constantFrom(...ZONES), fc.integer({ min: -5 * DAY, max: 45 * DAY }), (hours, sla, raw, zone, nowShift) => {
        const { table: t, conversations } = table(build(raw));
        const now = ANCHORS[0]! + nowShift;
        compareRecords(t, conversations, { range: WIDE, timeZone: zone, businessHours: hours, sla: { ...sla, now } }, now);
      }),
      { numRuns: 40, seed: 20_2026 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Report results: a brute-force reading of "Computing" over the reference's values.

type Row = { key: unknown; series?: unknown; value: number | null; count: number };

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below]!;
  return position === below ? low : low + (sorted[below + 1]! - low) * (position - below);
}

function aggregate(values: ReferenceValue[], measure: ReportSpec['measure'], count: number): number | null {
  if (measure.op === 'count') return count;
  const known = values.filter((v) => v !== null);
  if (known.length === 0) return null;
  if (measure.op === 'share') return known.filter((v) => v === measure.value).length / known.length;
  const numbers = (known as number[]).slice().sort((a, b) => a - b);
  const sum = numbers.reduce((a, b) => a + b, 0);
  return { sum, avg: sum / numbers.length, min: numbers[0]!, max: numbers[numbers.length - 1]!, median: quantile(numbers, 0.5), p90: quantile(numbers, 0.9) }[measure.op];
}

function passes(value: ReferenceValue, filter: ReportSpec['filters'][number]): boolean {
  const v = filter.value as never;
  switch (filter.operator) {
    case 'is':
      return value !== null && value === v;
    case 'isNot':
      return value === null || value !== v;
    case 'in':
      return value !== null && (v as unknown[]).includes(value);
    case 'notIn':
      return value === null || !(v as unknown[]).includes(value);
    case 'known':
      return value !== null;
    case 'unknown':
      return value === null;
    case 'gt':
      return typeof value === 'number' && value > v;
    case 'gte':
      return typeof value === 'number' && value >= v;
    case 'lt':
      return typeof value === 'number' && value < v;
    case 'lte':
      return typeof value === 'number' && value <= v;
    case 'between':
      return typeof value === 'number' && value >= (v as number[])[0]! && value <= (v as number[])[1]!;
    case 'contains':
      return value !== null && String(value).toLowerCase().includes(String(v).toLowerCase());
  }
}

function referenceReport(conversations: Conversation[], s: ReportSpec, context: ReportContext, now: number, range = context.range): { rows: Row[]; total: Row } {
  const valueOf = (c: Conversation, property: string): ReferenceValue => {
    const derived = referenceDerived(c, context, lookups, now);
    if (property in derived) return derived[property]!;
    if (property === 'hasTicket') return (c.ticketId !== null) as unknown as ReferenceValue;
    return (c as unknown as Record<string, ReferenceValue>)[property] ?? null;
  };
  const inRange = conversations.filter((c) => {
    const t = c[s.dateProperty];
    return t !== null && t >= range.from && t < range.to && s.filters.every((f) => passes(valueOf(c, f.property), f)) && (!s.channel || c.channel === s.channel);
  });
  const groups = new Map<string, { key: unknown; series?: unknown; members: Conversation[] }>();
  for (const c of inRange) {
    const key = s.dimension ? valueOf(c, s.dimension) : '__all__';
    const series = s.breakdown ? valueOf(c, s.breakdown) : undefined;
    const id = JSON.stringify([key, series ?? null]);
    if (!groups.has(id)) groups.set(id, { key, ...(s.breakdown ? { series } : {}), members: [] });
    groups.get(id)!.members.push(c);
  }
  const measured = (members: Conversation[]) =>
    aggregate(s.measure.op === 'count' ? [] : members.map((c) => valueOf(c, (s.measure as { property: string }).property)), s.measure, members.length);
  return {
    rows: [...groups.values()].map((g) => ({ key: g.key, ...(s.breakdown ? { series: g.series } : {}), value: measured(g.members), count: g.members.length })),
    total: { key: null, value: measured(inRange), count: inRange.length },
  };
}

function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function compareResults(name: string, engine: ReportResult, reference: { rows: Row[]; total: Row }): void {
  const id = (key: unknown, series: unknown) => JSON.stringify([key === true ? 'true' : key === false ? 'false' : key, series === undefined ? null : series === true ? 'true' : series === false ? 'false' : series]);
  const engineRows = new Map(engine.rows.map((r) => [id(r.key, r.series), r]));
  assert.equal(engine.rows.length, reference.rows.length, `${name}: number of rows`);
  for (const row of reference.rows) {
    const got = engineRows.get(id(row.key, row.series));
    assert.ok(got, `${name}: row ${id(row.key, row.series)} missing`);
    assert.equal(got.count, row.count, `${name}: count of ${id(row.key, row.series)}`);
    assert.ok(close(got.value, row.value), `${name}: value of ${id(row.key, row.series)}: ${got.value} vs ${row.value}`);
  }
  assert.equal(engine.total.count, reference.total.count, `${name}: total count`);
  assert.ok(close(engine.total.value, reference.total.value), `${name}: total value ${engine.total.value} vs ${reference.total.value}`);
}

const REPORTS: ReportSpec[] = [
  ...templates.teamPerformance.reports.filter((r) => r.dimension !== 'createdAt'),
  spec({ dimension: 'teamId', breakdown: 'closeSla', measure: { op: 'p90', property: 'timeToCloseBusiness' } }),
  spec({ dimension: 'createdWeekday', measure: { op: 'share', property: 'closeSla', value: 'breached' } }),
  spec({ dimension: 'assigneeId', measure: { op: 'share', property: 'createdHour', value: 9 } }),
  spec({ dimension: 'inboxId', measure: { op: 'share', property: 'hasTicket', value: true } }),
  spec({ dimension: 'firstResponseSla', measure: { op: 'min', property: 'responseTimeBusiness' }, filters: [{ property: 'createdHour', operator: 'between', value: [8, 18] }] }),
  spec({ dimension: 'createdHour', filters: [{ property: 'closeSla', operator: 'notIn', value: ['met'] }, { property: 'teamId', operator: 'isNot', value: 'sales' }] }),
  spec({ measure: { op: 'sum', property: 'responseTimeBusiness' }, filters: [{ property: 'timeToCloseBusiness', operator: 'gt', value: 2 * HOUR }] }),
  spec({ dimension: 'closeSla', measure: { op: 'count' }, filters: [{ property: 'firstResponseSla', operator: 'unknown' }], dateProperty: 'closedAt' }),
  spec({ dimension: 'createdWeekday', breakdown: 'teamId', measure: { op: 'avg', property: 'responseTimeBusiness' }, filters: [{ property: 'createdWeekday', operator: 'in', value: [1, 2, 6, 7] }] }),
];

describe('generated data: report results and the previous period', () => {
  it('equal a brute-force reading over the reference values', () => {
    fc.assert(
      fc.property(hoursArb, slaArb, fc.array(conversationArb, { minLength: 1, maxLength: 25 }), fc.constantFrom(...ZONES), (hours, sla, raw, zone) => {
        const { table: t, conversations } = table(build(raw));
        const now = ANCHORS[3]!;
        const range = { from: Date.UTC(2026, 2, 20), to: Date.UTC(2026, 9, 20) };
        const context: ReportContext = { range, timeZone: zone, businessHours: hours, sla: { ...sla, now }, compare: 'previous-period' };
        const previous = { from: range.from - (range.to - range.from), to: range.from };
        for (const s of REPORTS) {
          const engine = computeReport(t, s, context);
          compareResults(s.id + ' ' + (s.title ?? ''), engine, referenceReport(conversations, s, context, now));
          const before = referenceReport(conversations, s, context, now, previous);
          assert.equal(engine.total.previous?.count, before.total.count, `${s.id}: previous count`);
          assert.ok(close(engine.total.previous?.value, before.total.value), `${s.id}: previous value`);
          // Drilling a row gives exactly its conversations.
          const row = engine.rows[0];
          if (row) assert.equal(drillDown(t, s, context, { key: row.key, ...(row.series !== undefined ? { series: row.series } : {}) }).total, row.count, `${s.id}: drill`);
        }
        const overTime = templates.teamPerformance.reports.find((r) => r.dimension === 'createdAt')!;
        const reference = referenceReport(conversations, overTime, context, now);
        assert.equal(computeReport(t, overTime, context).total.count, reference.total.count, 'breaches over time');
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});

describe('templates.teamPerformance', () => {
  it('holds the six reports, valid, with share of first responses met by team and the weekday × hour heatmap', () => {
    const reports = templates.teamPerformance.reports;
    assert.equal(reports.length, 6);
    for (const report of reports) assert.deepEqual(reportSpecSchema.parse(report), report);
    assert.deepEqual(reports.find((r) => r.id === 'first-response-sla-by-team')!.measure, { op: 'share', property: 'firstResponseSla', value: 'met' });
    const heatmap = reports.find((r) => r.chartType === 'heatmap')!;
    assert.deepEqual([heatmap.dimension, heatmap.breakdown], ['createdHour', 'createdWeekday']);
  });
});

describe('hostile property names', () => {
  it('refuses a spec that writes an internal column name, whatever it claims', () => {
    const { table: t } = table([{ id: 'x', createdAt: Date.UTC(2026, 0, 5) }]);
    const context: ReportContext = { range: WIDE, timeZone: 'UTC' };
    for (const name of ['createdHour\u0001Mars/Olympus', 'responseTimeBusiness\u0001{', '\u0002share\u0001channel\u0001"chat"'])
      assert.throws(() => computeReport(t, spec({ dimension: name }), context), { name: 'UnknownPropertyError' }, JSON.stringify(name));
    assert.throws(() => computeReport(t, spec({ measure: { op: 'avg', property: 'firstResponseSla' } }), context), { name: 'InvalidMeasureError', message: /"firstResponseSla" is not numeric/ });
  });
});
