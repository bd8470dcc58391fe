/**
 * The cost of business hours and SLAs (issue 20): the twelve template reports plus the six of the
 * team performance template, with a schedule (one inbox on its own schedule in another zone) and
 * SLA targets counted in business hours, against the same twelve plus six plain twins of the same
 * shape (responseTime for responseTimeBusiness, and so on). Cold: every cache cleared before each
 * run, the derived columns included, so the business figure pays for laying out the schedule and
 * computing a span per conversation.
 */
import { clearReportCache, computeReports, templates, type ConversationTable, type ReportContext, type ReportSpec } from '../src/core/index.ts';
import { TEMPLATE_SPECS } from './engine-bench.ts';
import { figure, round, type Figure } from './measure.ts';

const HOUR = 3_600_000;

export interface BusinessHoursFigures {
  n: number;
  plain: Figure;
  business: Figure;
  plainWarm: Figure;
  businessWarm: Figure;
  /** business / plain, cold medians: the issue asks for ≤ 2. */
  ratio: number;
  ratioWarm: number;
  /** The same in CPU time of this process (steadier than wall time on a shared machine). */
  plainCpu: Figure;
  businessCpu: Figure;
  ratioCpu: number;
}

/** Wall and CPU time of `runs` runs (after one warm-up), `before` outside the timed part. */
async function timed(run: () => unknown, runs: number, before?: () => void): Promise<{ wall: Figure; cpu: Figure }> {
  before?.();
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const usage = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { wall: figure(wall), cpu: figure(cpu) };
}

const weekdays: [string, string][] = [['09:00', '17:00']];

export function businessContext(context: ReportContext): ReportContext {
  return {
    ...context,
    businessHours: {
      timeZone: 'Europe/Amsterdam',
      week: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: [['09:00', '12:30'], ['13:30', '17:00']] },
      holidays: ['2026-10-05', '2026-11-11', '2026-12-25'],
      byInbox: { 'inbox-billing': { timeZone: 'America/New_York', week: { mon: [['08:00', '20:00']], wed: [['08:00', '20:00']], sat: [['22:00', '24:00']], sun: [['00:00', '06:00']] } } },
    },
    sla: { firstResponseMs: HOUR, closeMs: 24 * HOUR, businessHours: true },
  };
}

const spec = (id: string, fields: Partial<ReportSpec>): ReportSpec => ({ id, title: id, chartType: 'bar', filters: [], measure: { op: 'count' }, dateProperty: 'createdAt', ...fields });

/** The team performance reports with plain properties in place of business hours and SLA states. */
export const PLAIN_TWINS: ReportSpec[] = [
  spec('twin-response', { dimension: 'assigneeId', measure: { op: 'median', property: 'responseTime' } }),
  spec('twin-share', { dimension: 'teamId', measure: { op: 'share', property: 'status', value: 'closed' } }),
  spec('twin-over-time', { dimension: 'createdAt', timeBucket: 'day', filters: [{ property: 'responseTime', operator: 'gt', value: HOUR }] }),
  spec('twin-grid', { dimension: 'inboxId', breakdown: 'channel' }),
  spec('twin-close', { dimension: 'inboxId', measure: { op: 'avg', property: 'timeToClose' } }),
  spec('twin-volume', { dimension: 'assigneeId' }),
];

export async function businessHoursBench(table: ConversationTable, context: ReportContext, log: (line: string) => void = () => {}): Promise<BusinessHoursFigures> {
  const business = businessContext(context);
  const plainSpecs = [...TEMPLATE_SPECS, ...PLAIN_TWINS];
  const businessSpecs = [...TEMPLATE_SPECS, ...templates.teamPerformance.reports];
  log('  business hours: twelve templates + six plain twins vs + team performance…');
  const clear = () => clearReportCache(table);
  const plain = await timed(() => computeReports(table, plainSpecs, context), 7, clear);
  const withHours = await timed(() => computeReports(table, businessSpecs, business), 7, clear);
  const plainWarm = await timed(() => computeReports(table, plainSpecs, context), 7);
  const businessWarm = await timed(() => computeReports(table, businessSpecs, business), 7);
  return {
    n: table.size,
    plain: plain.wall,
    business: withHours.wall,
    plainWarm: plainWarm.wall,
    businessWarm: businessWarm.wall,
    ratio: round(withHours.wall.median / plain.wall.median),
    ratioWarm: round(businessWarm.wall.median / plainWarm.wall.median),
    plainCpu: plain.cpu,
    businessCpu: withHours.cpu,
    ratioCpu: round(withHours.cpu.median / plain.cpu.median),
  };
}
