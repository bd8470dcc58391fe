import { strict as assert } from 'node:assert';
import { computeReport } from '../../src/core/engine/compute-report.ts';
import { quantilesRegistered } from '../../src/core/engine/quantile-registry.ts';
import { reportSpecSchema } from '../../src/core/schema/report-spec.ts';
import type { ReportContext } from '../../src/core/types.ts';
import { pageEngineOf } from './page-engine.ts';
import { quantileBySorting } from './quantile-by-sorting.ts';

export const everything: ReportContext = { range: { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) }, timeZone: 'UTC' };
export const medianByChannel = reportSpecSchema.parse({ id: 'm', title: 'M', chartType: 'bar', dimension: 'channel', measure: { op: 'median', property: 'responseTime' } });
const p90ByChannel = reportSpecSchema.parse({ ...medianByChannel, id: 'p', measure: { op: 'p90', property: 'responseTime' } });

/**
 * A page engine's first computes of a median and a p90 (in a process where nothing registered the
 * quantiles yet): equal to the engine's own code run directly once registered, the totals to sorting.
 */
export async function checkFirstQuantileCompute(n: number): Promise<void> {
  const { engine, sample } = await pageEngineOf(n, 5);
  assert.equal(quantilesRegistered(), false, 'something registered the quantiles before the first compute');
  const [median, p90] = await Promise.all([engine.compute(medianByChannel, everything), engine.compute(p90ByChannel, everything)]);
  assert.ok(quantilesRegistered());
  assert.deepEqual(median, computeReport(engine.table!, medianByChannel, everything));
  assert.deepEqual(p90, computeReport(engine.table!, p90ByChannel, everything));
  assert.ok(median.rows.length > 1);
  const ms = (time: unknown): number => (typeof time === 'number' ? time : Date.parse(String(time)));
  const times = sample.conversations.flatMap((c) => (c.firstResponseAt == null ? [] : [ms(c.firstResponseAt) - ms(c.createdAt)]));
  assert.equal(median.total.value, quantileBySorting(times, 0.5));
  assert.equal(p90.total.value, quantileBySorting(times, 0.9));
}
