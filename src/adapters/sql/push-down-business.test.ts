/**
 * (DESIGN v2) Business spans and SLAs counted in business hours, pushed down to the three real
 * engines (DuckDB, PostgreSQL, ClickHouse), equal the browser engine to the millisecond: DST nights
 * in Amsterdam, New York and Lord Howe (half-hour shift), intervals across midnight and on the
 * skipped/repeated hours, holidays, per-inbox schedules, month-long spans, conversations still
 * pending at a bound `now`; as measures, dimensions, breakdowns, filters and `share`; the "Team
 * performance" template; drills. Per-row spans are also checked against the independent reference
 * (test/node/oracle/business-reference.ts).
 */
import assert from 'node:assert/strict';
import { parseConversations, reportSpecSchema, templates, type BusinessHours, type Conversation, type ReportContext, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { generateAdversarialConversations } from '../../../test/node/oracle/adversarial-data.ts';
import { contextBoundaries, ADVERSARIAL_CONTEXTS } from '../../../test/node/oracle/scenarios.ts';
import { referenceDerived } from '../../../test/node/oracle/business-reference.ts';
import { dstChanges, dstNightConversations } from './testing/dst-nights.ts';
import { ENGINE_DIALECTS, engineSuite, specTests } from './testing/engines.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const spec = (input: Omit<ReportSpecInput, 'title' | 'chartType'>): ReportSpec => reportSpecSchema.parse({ title: input.id, chartType: 'table', ...input });

const SPECS: ReportSpec[] = [
  spec({ id: 'b-response-by-row', dimension: 'id', measure: { op: 'max', property: 'responseTimeBusiness' } }),
  spec({ id: 'b-close-by-row', dimension: 'id', measure: { op: 'min', property: 'timeToCloseBusiness' } }),
  spec({ id: 'b-median-by-assignee', dimension: 'assigneeId', measure: { op: 'median', property: 'responseTimeBusiness' } }),
  spec({ id: 'b-close-by-inbox-p90', dimension: 'inboxId', breakdown: 'channel', measure: { op: 'p90', property: 'timeToCloseBusiness' } }),
  spec({ id: 'b-span-as-dimension', dimension: 'timeToCloseBusiness', measure: { op: 'count' }, limit: 5 }),
  spec({ id: 'b-span-filter', dimension: 'inboxId', filters: [{ property: 'responseTimeBusiness', operator: 'between', value: [1, 2 * HOUR] }], measure: { op: 'sum', property: 'timeToCloseBusiness' } }),
  spec({ id: 'b-sla-dimension', dimension: 'firstResponseSla', measure: { op: 'count' } }),
  spec({ id: 'b-sla-breakdown', dimension: 'inboxId', breakdown: 'closeSla', measure: { op: 'avg', property: 'timeToCloseBusiness' } }),
  spec({ id: 'b-sla-filter', dimension: 'createdAt', timeBucket: 'day', filters: [{ property: 'closeSla', operator: 'in', value: ['breached', 'pending'] }], measure: { op: 'count' } }),
  spec({ id: 'b-share-met', dimension: 'teamId', measure: { op: 'share', property: 'firstResponseSla', value: 'met' } }),
  spec({ id: 'b-share-met-by-weekday', dimension: 'createdWeekday', measure: { op: 'share', property: 'closeSla', value: 'met' } }),
  ...templates.teamPerformance.reports,
];

/** Spans the generators do not make: a month long, across holidays, still waiting at `now`. */
function longSpans(): Conversation[] {
  const out: Conversation[] = [];
  const base = Date.UTC(2026, 9, 20, 7, 45, 12, 345);
  for (let n = 0; n < 60; n++) {
    const created = base + n * 29 * HOUR + n * 7_001;
    out.push({
      id: `long-${String(n).padStart(3, '0')}`,
      channel: n % 2 === 0 ? 'chat' : 'email',
      status: n % 4 === 0 ? 'open' : 'closed',
      inboxId: ['inbox-sales', 'inbox-support', 'inbox-billing', 'inbox-ghost'][n % 4]!,
      assigneeId: `agent-0${(n % 4) + 1}`,
      createdAt: created,
      firstResponseAt: n % 3 === 0 ? null : created + ((n * 7919) % (40 * DAY)) + 1,
      closedAt: n % 4 === 0 ? null : created + ((n * 104_729) % (70 * DAY)) + 999,
      chatflowId: null,
      pageUrl: null,
      ticketId: null,
      subject: `Long ${n}`,
      contactName: `Visitor ${n}`,
      contactEmail: null,
      properties: {},
    });
  }
  return out;
}

const { conversations: raw, lookups: adversarialLookups } = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });
const lookups = { ...adversarialLookups, teams: [{ id: 'team-a', name: 'Alpha' }, { id: 'team-b', name: 'Beta' }] };
// The adversarial rows of 2026 (others reach centuries out, and the offset search covers the data's span).
const in2026 = (c: { createdAt: unknown }) => typeof c.createdAt === 'number' && c.createdAt >= Date.UTC(2026, 0, 1) && c.createdAt < Date.UTC(2027, 0, 1);
const parsed = parseConversations([...raw.filter(in2026), ...dstNightConversations(dstChanges(['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe'])), ...longSpans()]);

const weekdays = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '12:30'], ['13:15', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } as BusinessHours['week'];
/** Open exactly on the hours DST skips or repeats, and across midnight. */
const nights = {
  mon: [['00:00', '06:00'], ['22:00', '24:00']],
  tue: [['01:30', '02:45']],
  wed: [['00:00', '24:00']],
  sat: [['01:00', '03:30'], ['22:00', '24:00']],
  sun: [['00:00', '06:00'], ['09:00', '09:01']],
} as BusinessHours['week'];
const everyNight = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((k) => [k, [['00:00', '03:30'], ['20:00', '24:00']]])) as BusinessHours['week'];

const HOURS: BusinessHours[] = [
  {
    timeZone: 'Europe/Amsterdam',
    week: weekdays,
    holidays: ['2026-12-25', '2026-10-26', '2026-03-30', '2026-10-26'],
    byInbox: {
      'inbox-support': { timeZone: 'America/New_York', week: nights, holidays: ['2026-11-02', '2026-03-09'] },
      'inbox-billing': { timeZone: 'Australia/Lord_Howe', week: everyNight, holidays: ['2026-10-04'] },
    },
  },
  { timeZone: 'Australia/Lord_Howe', week: nights },
  { timeZone: 'America/New_York', week: everyNight, holidays: ['2026-11-01', '2026-03-08'], byInbox: { 'inbox-sales': { timeZone: 'Europe/Amsterdam', week: everyNight } } },
];

const CONTEXTS: (ReportContext & { name: string })[] = [
  {
    name: 'year-amsterdam-by-inbox',
    range: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) },
    timeZone: 'Europe/Amsterdam',
    businessHours: HOURS[0],
    sla: { firstResponseMs: HOUR, closeMs: 8 * HOUR, businessHours: true, now: Date.UTC(2026, 10, 15, 13, 7, 1, 1) },
  },
  {
    name: 'lord-howe-nights-zero-target',
    range: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 11, 1) },
    timeZone: 'Australia/Lord_Howe',
    businessHours: HOURS[1],
    sla: { firstResponseMs: 0, closeMs: 90 * MINUTE, businessHours: true, now: Date.UTC(2026, 9, 4, 15, 30) },
  },
  {
    name: 'new-york-compare',
    range: { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 11, 31) },
    timeZone: 'America/New_York',
    compare: 'previous-period',
    businessHours: HOURS[2],
    sla: { firstResponseMs: 30 * MINUTE, closeMs: 3 * DAY, businessHours: true, now: Date.UTC(2026, 10, 1, 6, 0, 0, 1) },
  },
];

/** The reference walks every span piece by piece (seconds per 1 000 rows): once per row for all engines (one context, CONTEXTS[0]). */
const referenceCache = new Map<string, ReturnType<typeof referenceDerived>>();
function reference(conversation: Conversation, context: ReportContext): ReturnType<typeof referenceDerived> {
  let derived = referenceCache.get(conversation.id);
  if (!derived) referenceCache.set(conversation.id, (derived = referenceDerived(conversation, context, lookups, context.sla!.now!)));
  return derived;
}

for (const dialect of ENGINE_DIALECTS) {
  engineSuite(dialect, `business spans and business-hour SLAs pushed down (${dialect}, real engine) equal computeReport`, { parsed, lookups }, (suite) => {
    const signal = new AbortController().signal;

    specTests(suite, SPECS, CONTEXTS);

    suite.test('per-row business spans and SLA states equal the independent reference', async ({ source }) => {
      const context = CONTEXTS[0]!;
      const byId = new Map(parsed.conversations.map((c) => [c.id, c]));
      const problems: string[] = [];
      // The reference walks every span piece by piece: the long spans, and every 7th of the others.
      const sampled = (row: { key: unknown }, k: number) => String(row.key).startsWith('long-') || k % 7 === 0;
      for (const property of ['responseTimeBusiness', 'timeToCloseBusiness'] as const) {
        const got = await source.query(spec({ id: property, dimension: 'id', measure: { op: 'max', property } }), context, signal);
        assert.ok(got.rows.length > 1000, `${got.rows.length} rows`);
        for (const row of got.rows.filter(sampled)) {
          const want = reference(byId.get(String(row.key))!, context)[property] ?? null;
          if (row.value !== want) problems.push(`${property} ${row.key}: ${row.value}, reference ${want}`);
        }
      }
      for (const property of ['firstResponseSla', 'closeSla'] as const) {
        const got = await source.query(spec({ id: property, dimension: 'id', breakdown: property, measure: { op: 'count' } }), context, signal);
        for (const row of got.rows.filter(sampled)) {
          const want = reference(byId.get(String(row.key))!, context)[property];
          if (row.series !== want) problems.push(`${property} ${row.key}: ${row.series}, reference ${want}`);
        }
      }
      assert.deepEqual(problems.slice(0, 20), []);
    });

    suite.test('business spans without business hours fail as in the browser', async ({ source }) => {
      const context: ReportContext = { range: CONTEXTS[0]!.range, timeZone: 'UTC' };
      await assert.rejects(source.query(spec({ id: 'b', dimension: 'assigneeId', measure: { op: 'avg', property: 'responseTimeBusiness' } }), context, signal), { name: 'MissingBusinessHoursError', property: 'responseTimeBusiness' });
    });
  });
}
