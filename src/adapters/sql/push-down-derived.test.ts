/**
 * (DESIGN v2) The derived properties and the `share` measure pushed down to the three real engines
 * (DuckDB, PostgreSQL, ClickHouse) equal the browser engine on the same data: team, weekday and hour
 * in several zones across DST nights, SLA states against targets and a fixed `now`, share of a
 * value as measure, and each as dimension, breakdown and filter, drills included. Business-hour
 * spans: push-down-business.test.ts.
 */
import { parseConversations, reportSpecSchema, templates, type ReportContext, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import { generateAdversarialConversations } from '../../../test/node/oracle/adversarial-data.ts';
import { contextBoundaries, ADVERSARIAL_CONTEXTS } from '../../../test/node/oracle/scenarios.ts';
import { dstChanges, dstNightConversations } from './testing/dst-nights.ts';
import { ENGINE_DIALECTS, engineSuite, specTests } from './testing/engines.ts';

const HOUR = 3_600_000;
const spec = (input: Omit<ReportSpecInput, 'title' | 'chartType'>): ReportSpec => reportSpecSchema.parse({ title: input.id, chartType: 'table', ...input });

const SPECS: ReportSpec[] = [
  spec({ id: 'd-heatmap', dimension: 'createdHour', breakdown: 'createdWeekday', measure: { op: 'count' } }),
  spec({ id: 'd-team-volume', dimension: 'teamId', measure: { op: 'count' } }),
  spec({ id: 'd-team-share-met', dimension: 'teamId', measure: { op: 'share', property: 'firstResponseSla', value: 'met' } }),
  spec({ id: 'd-sla-by-assignee', dimension: 'assigneeId', breakdown: 'closeSla', measure: { op: 'median', property: 'responseTime' }, limit: 3 }),
  spec({ id: 'd-breaches-over-time', dimension: 'createdAt', timeBucket: 'day', filters: [{ property: 'firstResponseSla', operator: 'is', value: 'breached' }], measure: { op: 'count' } }),
  spec({ id: 'd-hour-filter', dimension: 'inboxId', filters: [{ property: 'createdHour', operator: 'between', value: [9, 17] }, { property: 'createdWeekday', operator: 'notIn', value: [6, 7] }], measure: { op: 'avg', property: 'timeToClose' } }),
  spec({ id: 'd-share-weekday', dimension: 'channel', measure: { op: 'share', property: 'createdWeekday', value: 1 } }),
  spec({ id: 'd-share-ticket', dimension: 'createdWeekday', measure: { op: 'share', property: 'hasTicket', value: true } }),
  spec({ id: 'd-share-status-closed', measure: { op: 'share', property: 'status', value: 'closed' }, filters: [{ property: 'teamId', operator: 'unknown' }] }),
  spec({ id: 'd-share-no-match', dimension: 'inboxId', measure: { op: 'share', property: 'channel', value: 7 } }),
  spec({ id: 'd-close-sla-pending', dimension: 'closeSla', filters: [{ property: 'closeSla', operator: 'isNot', value: 'met' }], measure: { op: 'count' } }),
  ...templates.teamPerformance.reports.filter((r) => !JSON.stringify(r).includes('Business')),
];

const changes = dstChanges();
const { conversations: raw, lookups: adversarialLookups } = generateAdversarialConversations({ boundaries: contextBoundaries(ADVERSARIAL_CONTEXTS) });
const lookups = { ...adversarialLookups, teams: [{ id: 'team-a', name: 'Alpha' }, { id: 'team-b', name: 'Beta' }] };
const parsed = parseConversations([...raw, ...dstNightConversations(changes)]);

/** Ranges over the data in zones with odd rules, SLA targets with a fixed now, one with a comparison. */
const CONTEXTS: (ReportContext & { name: string })[] = [
  ...['Europe/Amsterdam', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'].map((timeZone, k) => ({
    name: `year-${timeZone}`,
    range: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) },
    timeZone,
    sla: { firstResponseMs: [HOUR, 15 * 60_000, 0, 4 * HOUR][k]!, closeMs: [24 * HOUR, 2 * HOUR, HOUR, 0][k]!, now: Date.UTC(2026, 9, 25, 1, 30) },
  })),
  { name: 'no-targets', range: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 5, 1) }, timeZone: 'America/New_York', compare: 'previous-period' },
  {
    name: 'compare-close-only',
    range: { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 11, 1) },
    timeZone: 'Europe/Amsterdam',
    compare: 'previous-period',
    sla: { closeMs: 3 * HOUR, now: Date.UTC(2026, 10, 1) },
  },
];

for (const dialect of ENGINE_DIALECTS) {
  engineSuite(dialect, `derived properties and share pushed down (${dialect}, real engine) equal computeReport`, { parsed, lookups }, (suite) => {
    specTests(suite, SPECS, CONTEXTS);
  });
}
