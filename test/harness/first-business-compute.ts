import { strict as assert } from 'node:assert';
import { computeReport } from '../../src/core/engine/compute-report.ts';
import { businessTimeRegistered } from '../../src/core/time/business-time-registry.ts';
import { reportSpecSchema } from '../../src/core/schema/report-spec.ts';
import type { ReportContext } from '../../src/core/types.ts';
import { pageEngineOf } from './page-engine.ts';

const weekdays9to17 = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]]));
export const withBusinessHours: ReportContext = {
  range: { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) },
  timeZone: 'UTC',
  businessHours: { timeZone: 'Europe/Amsterdam', week: weekdays9to17 },
  sla: { firstResponseMs: 3_600_000, businessHours: true },
};
export const closeInBusinessHours = reportSpecSchema.parse({ id: 'b', title: 'B', chartType: 'bar', dimension: 'channel', measure: { op: 'avg', property: 'timeToCloseBusiness' } });
const slaInBusinessHours = reportSpecSchema.parse({ id: 's', title: 'S', chartType: 'bar', dimension: 'channel', measure: { op: 'share', property: 'firstResponseSla', value: 'met' } });

/**
 * A page engine's first computes counting in business hours (in a process where nothing registered
 * the business clock yet): equal to the engine's own code run directly once registered.
 */
export async function checkFirstBusinessCompute(n: number): Promise<void> {
  const { engine } = await pageEngineOf(n, 7);
  assert.equal(businessTimeRegistered(), false, 'something registered the business clock before the first compute');
  const [close, sla] = await Promise.all([engine.compute(closeInBusinessHours, withBusinessHours), engine.compute(slaInBusinessHours, withBusinessHours)]);
  assert.ok(businessTimeRegistered());
  assert.deepEqual(close, computeReport(engine.table!, closeInBusinessHours, withBusinessHours));
  assert.deepEqual(sla, computeReport(engine.table!, slaInBusinessHours, withBusinessHours));
  assert.ok(close.rows.length > 1);
  assert.ok(typeof close.total.value === 'number' && close.total.value > 0);
}
