import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { businessHoursSchema, minutesOfDay, slaSchema } from './business-hours.ts';
import { reportContextSchema } from './report-context.ts';
import { reportSpecSchema } from './report-spec.ts';

const office = { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']] as [string, string][] } };

describe('business hours, SLA and context schemas (DESIGN v2)', () => {
  it('reads local times, 24:00 included, and nothing past it', () => {
    assert.equal(minutesOfDay('00:00'), 0);
    assert.equal(minutesOfDay('24:00'), 1440);
    for (const bad of ['24:01', '25:00', '9:00', '09:60', '09:00:00', '']) assert.ok(Number.isNaN(minutesOfDay(bad)), bad);
  });

  it('accepts schedules across midnight as two intervals, holidays and per-inbox schedules', () => {
    const parsed = businessHoursSchema.parse({
      ...office,
      week: { fri: [['22:00', '24:00']], sat: [['00:00', '06:00']] },
      holidays: ['2026-12-25'],
      byInbox: { support: { timeZone: 'America/New_York', week: { mon: [['08:00', '12:00']] } } },
    });
    assert.deepEqual(parsed.byInbox?.support?.week.mon, [['08:00', '12:00']]);
  });

  it('refuses what names no time: an interval ending before it starts, a bad zone, an impossible date', () => {
    const issues = (value: unknown) => businessHoursSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    assert.deepEqual(issues({ ...office, week: { mon: [['17:00', '09:00']] } }), ['week.mon.0']);
    assert.deepEqual(issues({ ...office, timeZone: 'Mars/Olympus' }), ['timeZone']);
    assert.deepEqual(issues({ ...office, holidays: ['2026-02-30'] }), ['holidays.0']);
  });

  it('takes SLA targets in ms ≥ 0 and needs a schedule to count them in business hours', () => {
    assert.equal(slaSchema.safeParse({ firstResponseMs: -1 }).success, false);
    const context = { range: { from: 0, to: 1 }, timeZone: 'UTC', sla: { firstResponseMs: 3_600_000, businessHours: true } };
    const refused = reportContextSchema.safeParse(context);
    assert.deepEqual(refused.error?.issues.map((issue) => issue.path.join('.')), ['sla.businessHours']);
    assert.ok(reportContextSchema.safeParse({ ...context, businessHours: office }).success);
  });

  it('has the heatmap chart type and the share measure', () => {
    const spec = reportSpecSchema.parse({
      id: 'r',
      title: 'SLA met by weekday and hour',
      chartType: 'heatmap',
      dimension: 'createdHour',
      breakdown: 'createdWeekday',
      measure: { op: 'share', property: 'firstResponseSla', value: 'met' },
    });
    assert.deepEqual(spec.measure, { op: 'share', property: 'firstResponseSla', value: 'met' });
    assert.equal(reportSpecSchema.safeParse({ ...spec, measure: { op: 'share', property: 'closeSla' } }).success, false);
  });
});
