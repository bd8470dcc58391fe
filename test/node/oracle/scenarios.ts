import { reportSpecSchema } from '../../../src/core/schema/report-spec.ts';
import type { ReportSpec, ReportSpecInput } from '../../../src/core/schema/report-spec.ts';
import type { ReportContext } from '../../../src/core/types.ts';
import { TIE_WINDOW } from './adversarial-data.ts';

export interface NamedContext extends ReportContext {
  name: string;
  /** Short ranges only: hour buckets over a year would be 8,760 rows per report. */
  short?: boolean;
  /** Chosen for its bucket edges (DST, zones): run for date dimensions only, to keep the suite fast. */
  dateOnly?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Ranges for the adversarial data: aligned and misaligned with bucket edges, across DST, empty. */
export const ADVERSARIAL_CONTEXTS: NamedContext[] = [
  {
    // Monday 23 March 00:00 (+01) to Monday 6 April 00:00 (+02): two whole ISO weeks, one holding the change.
    name: 'amsterdam-spring-weeks',
    timeZone: 'Europe/Amsterdam',
    range: { from: Date.UTC(2026, 2, 22, 23), to: Date.UTC(2026, 3, 5, 22) },
    compare: 'previous-period',
  },
  {
    name: 'amsterdam-autumn-misaligned',
    timeZone: 'Europe/Amsterdam',
    range: { from: Date.UTC(2026, 9, 21, 13, 17, 5, 123), to: Date.UTC(2026, 10, 3, 8, 0, 0, 1) },
  },
  {
    name: 'amsterdam-autumn-night',
    dateOnly: true,
    timeZone: 'Europe/Amsterdam',
    range: { from: Date.UTC(2026, 9, 24, 20), to: Date.UTC(2026, 9, 25, 6) },
    short: true,
  },
  {
    name: 'amsterdam-spring-night',
    dateOnly: true,
    timeZone: 'Europe/Amsterdam',
    range: { from: Date.UTC(2026, 2, 28, 20, 45), to: Date.UTC(2026, 2, 29, 5) },
    short: true,
  },
  {
    name: 'new-york-autumn',
    timeZone: 'America/New_York',
    range: { from: Date.UTC(2026, 9, 28), to: Date.UTC(2026, 10, 12) },
    compare: 'previous-period',
  },
  {
    // Monday 2 March 00:00 EST to Monday 16 March 00:00 EDT.
    name: 'new-york-spring-weeks',
    dateOnly: true,
    timeZone: 'America/New_York',
    range: { from: Date.UTC(2026, 2, 2, 5), to: Date.UTC(2026, 2, 16, 4) },
  },
  {
    name: 'new-york-autumn-night',
    dateOnly: true,
    timeZone: 'America/New_York',
    range: { from: Date.UTC(2026, 10, 1, 2), to: Date.UTC(2026, 10, 1, 10) },
    short: true,
    compare: 'previous-period',
  },
  {
    // 05:30 IST: not on an IST hour edge, so the first bucket starts half an hour before `from`.
    name: 'kolkata-hours',
    timeZone: 'Asia/Kolkata',
    range: { from: Date.UTC(2026, 5, 10), to: Date.UTC(2026, 5, 11, 12) },
    short: true,
  },
  {
    name: 'santiago-skipped-midnight',
    dateOnly: true,
    timeZone: 'America/Santiago',
    range: { from: Date.UTC(2026, 8, 1, 4), to: Date.UTC(2026, 8, 10, 3) },
  },
  {
    name: 'utc-year',
    timeZone: 'UTC',
    range: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) },
    compare: 'previous-period',
  },
  {
    name: 'amsterdam-year',
    dateOnly: true,
    timeZone: 'Europe/Amsterdam',
    range: { from: Date.UTC(2025, 11, 31, 23), to: Date.UTC(2026, 11, 31, 23) },
  },
  {
    name: 'ties',
    timeZone: 'UTC',
    range: { ...TIE_WINDOW },
    short: true,
    compare: 'previous-period',
  },
  {
    name: 'empty-period',
    timeZone: 'Europe/Amsterdam',
    range: { from: Date.UTC(2030, 0, 1), to: Date.UTC(2030, 1, 1) },
    compare: 'previous-period',
  },
];

/** Every range edge (and previous-period start) gets records on it and next to it. */
export function contextBoundaries(contexts: readonly ReportContext[]): number[] {
  return contexts.flatMap((c) => [c.range.from, c.range.to, c.range.from - (c.range.to - c.range.from)]);
}

/** Contexts for a generated sample, derived from where its data lies. */
export function sampleContexts(createdAts: readonly number[]): NamedContext[] {
  const min = Math.min(...createdAts);
  const max = Math.max(...createdAts);
  const span = max - min;
  const mid = min + Math.floor(span / 2);
  return [
    { name: 'sample-all', timeZone: 'UTC', range: { from: min, to: max + 1 } },
    {
      name: 'sample-second-half-amsterdam',
      timeZone: 'Europe/Amsterdam',
      range: { from: mid + 12_345, to: max - HOUR },
      compare: 'previous-period',
    },
    {
      name: 'sample-two-weeks-new-york',
      timeZone: 'America/New_York',
      range: { from: max - 14 * 24 * HOUR - 7 * MINUTE, to: max - 7 * MINUTE },
      compare: 'previous-period',
    },
  ];
}

export interface ScenarioSpec {
  spec: ReportSpec;
  /** Only the short contexts (hour buckets). */
  shortOnly?: boolean;
}

function make(input: Omit<ReportSpecInput, 'title' | 'chartType'> & { chartType?: ReportSpecInput['chartType'] }): ReportSpec {
  return reportSpecSchema.parse({ title: input.id, chartType: 'table', ...input });
}

const count = { op: 'count' } as const;
const FIVE_MINUTES = 5 * MINUTE;

/** Custom reports: every operator, measure, bucket size, breakdowns, limits, nulls, custom properties. */
export const CUSTOM_SPECS: ScenarioSpec[] = [
  // Dimensions
  ...(['assigneeId', 'inboxId', 'channel', 'status', 'hasTicket', 'contactEmail'] as const).map((dimension) => ({
    spec: make({ id: `dim-${dimension}`, dimension, measure: count }),
  })),
  { spec: make({ id: 'dim-chatflowId-chat', channel: 'chat', dimension: 'chatflowId', measure: count }) },
  { spec: make({ id: 'dim-pageUrl-chat', channel: 'chat', dimension: 'pageUrl', measure: count }) },
  { spec: make({ id: 'dim-pageUrl-all', dimension: 'pageUrl', measure: { op: 'avg', property: 'responseTime' } }) },
  { spec: make({ id: 'dim-priority', dimension: 'properties.priority', measure: count }) },
  { spec: make({ id: 'dim-score-number', dimension: 'properties.score', measure: count }) },
  { spec: make({ id: 'dim-vip-boolean', dimension: 'properties.vip', measure: count }) },
  { spec: make({ id: 'dim-segment', dimension: 'properties.segment', measure: { op: 'sum', property: 'properties.amount' } }) },
  { spec: make({ id: 'dim-missing-property', dimension: 'properties.neverSet', measure: count }) },

  // Measures
  { spec: make({ id: 'm-avg-responseTime', dimension: 'assigneeId', measure: { op: 'avg', property: 'responseTime' } }) },
  { spec: make({ id: 'm-median-responseTime', dimension: 'inboxId', measure: { op: 'median', property: 'responseTime' } }) },
  { spec: make({ id: 'm-p90-timeToClose', dimension: 'assigneeId', measure: { op: 'p90', property: 'timeToClose' } }) },
  { spec: make({ id: 'm-min-responseTime', dimension: 'chatflowId', measure: { op: 'min', property: 'responseTime' } }) },
  { spec: make({ id: 'm-max-timeToClose', dimension: 'status', measure: { op: 'max', property: 'timeToClose' } }) },
  { spec: make({ id: 'm-sum-amount', dimension: 'properties.priority', measure: { op: 'sum', property: 'properties.amount' } }) },
  { spec: make({ id: 'm-avg-amount', dimension: 'properties.vip', measure: { op: 'avg', property: 'properties.amount' } }) },
  { spec: make({ id: 'm-p90-amount', dimension: 'channel', measure: { op: 'p90', property: 'properties.amount' } }) },
  { spec: make({ id: 'm-median-score', dimension: 'assigneeId', measure: { op: 'median', property: 'properties.score' } }) },
  { spec: make({ id: 'm-min-closedAt', dimension: 'inboxId', measure: { op: 'min', property: 'closedAt' } }) },
  { spec: make({ id: 'm-max-createdAt', dimension: 'assigneeId', measure: { op: 'max', property: 'createdAt' } }) },
  { spec: make({ id: 'm-sum-responseTime', dimension: 'assigneeId', measure: { op: 'sum', property: 'responseTime' } }) },
  { spec: make({ id: 'm-avg-neverSet', dimension: 'inboxId', measure: { op: 'avg', property: 'properties.neverSet' } }) },
  { spec: make({ id: 'kpi-count', chartType: 'kpi', measure: count }) },
  { spec: make({ id: 'kpi-avg-responseTime', chartType: 'kpi', channel: 'email', measure: { op: 'avg', property: 'responseTime' } }) },
  { spec: make({ id: 'kpi-p90-timeToClose', chartType: 'kpi', measure: { op: 'p90', property: 'timeToClose' }, dateProperty: 'closedAt' }) },

  // Filters: every operator, nulls on both sides
  { spec: make({ id: 'f-is', dimension: 'assigneeId', measure: count, filters: [{ property: 'status', operator: 'is', value: 'closed' }] }) },
  { spec: make({ id: 'f-isNot-null-passes', dimension: 'inboxId', measure: count, filters: [{ property: 'assigneeId', operator: 'isNot', value: 'agent-01' }] }) },
  { spec: make({ id: 'f-in', dimension: 'assigneeId', measure: count, filters: [{ property: 'inboxId', operator: 'in', value: ['inbox-sales', 'inbox-ghost'] }] }) },
  { spec: make({ id: 'f-notIn-null-passes', dimension: 'chatflowId', measure: count, filters: [{ property: 'chatflowId', operator: 'notIn', value: ['flow-welcome', 'flow-ghost'] }] }) },
  { spec: make({ id: 'f-known', dimension: 'properties.priority', measure: count, filters: [{ property: 'properties.priority', operator: 'known' }] }) },
  { spec: make({ id: 'f-unknown', dimension: 'inboxId', measure: count, filters: [{ property: 'assigneeId', operator: 'unknown' }] }) },
  { spec: make({ id: 'f-gt-5min', dimension: 'assigneeId', measure: count, filters: [{ property: 'responseTime', operator: 'gt', value: FIVE_MINUTES }] }) },
  { spec: make({ id: 'f-gte-5min', dimension: 'assigneeId', measure: count, filters: [{ property: 'responseTime', operator: 'gte', value: FIVE_MINUTES }] }) },
  { spec: make({ id: 'f-lt-5min', dimension: 'assigneeId', measure: { op: 'avg', property: 'responseTime' }, filters: [{ property: 'responseTime', operator: 'lt', value: FIVE_MINUTES }] }) },
  { spec: make({ id: 'f-lte-5min', dimension: 'inboxId', measure: count, filters: [{ property: 'responseTime', operator: 'lte', value: FIVE_MINUTES }] }) },
  { spec: make({ id: 'f-between-ttc', dimension: 'assigneeId', measure: { op: 'avg', property: 'timeToClose' }, filters: [{ property: 'timeToClose', operator: 'between', value: [HOUR, 24 * HOUR] }] }) },
  { spec: make({ id: 'f-between-exact-5min', dimension: 'channel', measure: count, filters: [{ property: 'responseTime', operator: 'between', value: [FIVE_MINUTES, FIVE_MINUTES] }] }) },
  { spec: make({ id: 'f-contains-url-raw', dimension: 'pageUrl', measure: count, filters: [{ property: 'pageUrl', operator: 'contains', value: 'UTM_source' }] }) },
  { spec: make({ id: 'f-contains-subject', dimension: 'assigneeId', measure: count, filters: [{ property: 'subject', operator: 'contains', value: 'REFUND' }] }) },
  { spec: make({ id: 'f-contains-empty-string', dimension: 'inboxId', measure: count, filters: [{ property: 'contactName', operator: 'contains', value: '' }] }) },
  { spec: make({ id: 'f-is-true', dimension: 'assigneeId', measure: count, filters: [{ property: 'properties.vip', operator: 'is', value: true }] }) },
  { spec: make({ id: 'f-isNot-true', dimension: 'properties.vip', measure: count, filters: [{ property: 'properties.vip', operator: 'isNot', value: true }] }) },
  { spec: make({ id: 'f-hasTicket-false', dimension: 'inboxId', measure: count, filters: [{ property: 'hasTicket', operator: 'is', value: false }] }) },
  { spec: make({ id: 'f-amount-gte', dimension: 'properties.segment', measure: { op: 'sum', property: 'properties.amount' }, filters: [{ property: 'properties.amount', operator: 'gte', value: 100 }] }) },
  { spec: make({ id: 'f-score-in-numbers', dimension: 'properties.score', measure: count, filters: [{ property: 'properties.score', operator: 'in', value: [1, 5] }] }) },
  { spec: make({ id: 'f-score-notIn', dimension: 'properties.score', measure: count, filters: [{ property: 'properties.score', operator: 'notIn', value: [3] }] }) },
  { spec: make({ id: 'f-empty-string-is', dimension: 'assigneeId', measure: count, filters: [{ property: 'properties.priority', operator: 'is', value: '' }] }) },
  { spec: make({ id: 'f-closedAt-lt', dimension: 'status', measure: count, filters: [{ property: 'closedAt', operator: 'lt', value: Date.UTC(2026, 9, 25, 1) }] }) },
  { spec: make({ id: 'f-channel-other', dimension: 'assigneeId', measure: count, filters: [{ property: 'channel', operator: 'is', value: 'whatsapp' }] }) },
  { spec: make({ id: 'f-score-is-number', dimension: 'inboxId', measure: count, filters: [{ property: 'properties.score', operator: 'is', value: 3 }] }) },
  { spec: make({ id: 'f-score-isNot-number', dimension: 'properties.score', measure: count, filters: [{ property: 'properties.score', operator: 'isNot', value: 3 }] }) },
  { spec: make({ id: 'f-vip-is-false', dimension: 'assigneeId', measure: count, filters: [{ property: 'properties.vip', operator: 'is', value: false }] }) },
  { spec: make({ id: 'f-hasTicket-in', dimension: 'channel', measure: count, filters: [{ property: 'hasTicket', operator: 'in', value: [true] }] }) },
  { spec: make({ id: 'f-amount-between', dimension: 'properties.priority', measure: { op: 'avg', property: 'properties.amount' }, filters: [{ property: 'properties.amount', operator: 'between', value: [10.5, 250.25] }] }) },
  // Records sit exactly on these instants (they are a context's edges): between is inclusive at both ends.
  { spec: make({ id: 'f-createdAt-between-inclusive', dimension: 'channel', measure: count, filters: [{ property: 'createdAt', operator: 'between', value: [Date.UTC(2026, 2, 22, 23), Date.UTC(2026, 3, 5, 22)] }] }) },
  { spec: make({ id: 'f-firstResponseAt-gte', dimension: 'inboxId', measure: count, filters: [{ property: 'firstResponseAt', operator: 'gte', value: Date.UTC(2026, 9, 28) }] }) },
  { spec: make({ id: 'f-responseTime-range', dimension: 'assigneeId', measure: { op: 'p90', property: 'responseTime' }, filters: [{ property: 'responseTime', operator: 'gte', value: FIVE_MINUTES }, { property: 'responseTime', operator: 'lt', value: 2 * HOUR }] }) },
  {
    spec: make({
      id: 'f-combined-and',
      channel: 'chat',
      dimension: 'assigneeId',
      measure: { op: 'median', property: 'timeToClose' },
      filters: [
        { property: 'status', operator: 'is', value: 'closed' },
        { property: 'chatflowId', operator: 'known' },
        { property: 'responseTime', operator: 'lte', value: 2 * HOUR },
        { property: 'pageUrl', operator: 'contains', value: 'pricing' },
      ],
    }),
  },

  // Date dimensions
  { spec: make({ id: 'date-day', dimension: 'createdAt', timeBucket: 'day', measure: count }) },
  { spec: make({ id: 'date-week', dimension: 'createdAt', timeBucket: 'week', measure: count }) },
  { spec: make({ id: 'date-week-avg', dimension: 'createdAt', timeBucket: 'week', measure: { op: 'avg', property: 'responseTime' } }) },
  { spec: make({ id: 'date-month', dimension: 'createdAt', timeBucket: 'month', measure: count }) },
  { spec: make({ id: 'date-quarter-p90', dimension: 'createdAt', timeBucket: 'quarter', measure: { op: 'p90', property: 'timeToClose' } }) },
  { spec: make({ id: 'date-month-closed', dimension: 'closedAt', timeBucket: 'month', dateProperty: 'closedAt', measure: { op: 'avg', property: 'timeToClose' } }) },
  { spec: make({ id: 'date-quarter-count', dimension: 'createdAt', timeBucket: 'quarter', measure: count }) },
  { spec: make({ id: 'date-hour', dimension: 'createdAt', timeBucket: 'hour', measure: count }), shortOnly: true },
  { spec: make({ id: 'date-hour-median', dimension: 'createdAt', timeBucket: 'hour', measure: { op: 'median', property: 'responseTime' } }), shortOnly: true },
  { spec: make({ id: 'date-closed-week', dimension: 'closedAt', timeBucket: 'week', dateProperty: 'closedAt', measure: count }) },
  { spec: make({ id: 'date-closed-hour', dimension: 'closedAt', timeBucket: 'hour', dateProperty: 'closedAt', measure: count }), shortOnly: true },
  { spec: make({ id: 'date-firstResponse-day', dimension: 'firstResponseAt', timeBucket: 'day', dateProperty: 'firstResponseAt', measure: { op: 'avg', property: 'responseTime' } }) },
  // The dimension differs from dateProperty: buckets outside the range and a null bucket appear.
  { spec: make({ id: 'date-closed-by-created-range', dimension: 'closedAt', timeBucket: 'day', dateProperty: 'createdAt', measure: count }) },
  { spec: make({ id: 'date-created-by-firstResponse-range', dimension: 'createdAt', timeBucket: 'week', dateProperty: 'firstResponseAt', measure: count }) },

  // Breakdowns
  { spec: make({ id: 'b-assignee-channel', dimension: 'assigneeId', breakdown: 'channel', measure: count }) },
  { spec: make({ id: 'b-inbox-status-avg', dimension: 'inboxId', breakdown: 'status', measure: { op: 'avg', property: 'timeToClose' } }) },
  { spec: make({ id: 'b-day-channel', dimension: 'createdAt', timeBucket: 'day', breakdown: 'channel', measure: count }) },
  { spec: make({ id: 'b-pageUrl-vip', channel: 'chat', dimension: 'pageUrl', breakdown: 'properties.vip', measure: count }) },
  { spec: make({ id: 'b-week-assignee', dimension: 'createdAt', timeBucket: 'week', breakdown: 'assigneeId', measure: { op: 'sum', property: 'properties.amount' } }) },

  // Limits
  { spec: make({ id: 'l-assignee-3', dimension: 'assigneeId', measure: count, limit: 3 }) },
  // In the tie window three assignees have 5 and seven have 4: keeping 5 cuts through a tie.
  { spec: make({ id: 'l-assignee-5', dimension: 'assigneeId', measure: count, limit: 5 }) },
  { spec: make({ id: 'l-assignee-1', dimension: 'assigneeId', measure: count, limit: 1 }) },
  { spec: make({ id: 'l-ticket-3-ties', dimension: 'ticketId', measure: count, limit: 3 }) },
  { spec: make({ id: 'l-pageUrl-4', channel: 'chat', dimension: 'pageUrl', measure: count, limit: 4 }) },
  { spec: make({ id: 'l-avg-responseTime-4', dimension: 'assigneeId', measure: { op: 'avg', property: 'responseTime' }, limit: 4 }) },
  { spec: make({ id: 'l-median-timeToClose-2', dimension: 'assigneeId', measure: { op: 'median', property: 'timeToClose' }, limit: 2 }) },
  { spec: make({ id: 'l-priority-99', dimension: 'properties.priority', measure: count, limit: 99 }) },
  { spec: make({ id: 'l-inbox-2-sum', dimension: 'inboxId', measure: { op: 'sum', property: 'properties.amount' }, limit: 2 }) },
  { spec: make({ id: 'l-score-2', dimension: 'properties.score', measure: count, limit: 2 }) },

  // Explicit sort
  { spec: make({ id: 's-label-asc', dimension: 'assigneeId', measure: count, sort: { by: 'label', direction: 'asc' } }) },
  { spec: make({ id: 's-value-asc', dimension: 'inboxId', measure: count, sort: { by: 'value', direction: 'asc' } }) },
];
