import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chartTypeAvailability } from './chart-type-availability.ts';
import { chartTypes, type ChartType, type ReportSpec } from '../schema/report-spec.ts';
import { templates } from './templates.ts';

type Shape = Pick<ReportSpec, 'dimension' | 'breakdown' | 'measure'>;

function unavailable(spec: Shape): Partial<Record<ChartType, string[]>> {
  const availability = chartTypeAvailability(spec);
  const out: Partial<Record<ChartType, string[]>> = {};
  for (const type of chartTypes) if (!availability[type].available) out[type] = availability[type].reasons;
  return out;
}

describe('chartTypeAvailability', () => {
  it('answers for every chart type, available exactly when there is no reason', () => {
    const availability = chartTypeAvailability({ dimension: 'assigneeId', measure: { op: 'count' } });
    assert.deepEqual(Object.keys(availability).sort(), [...chartTypes].sort());
    for (const type of chartTypes) assert.equal(availability[type].available, availability[type].reasons.length === 0);
  });

  it('allows every chart but the KPI for a count by a category', () => {
    assert.deepEqual(unavailable({ dimension: 'assigneeId', measure: { op: 'count' } }), { kpi: ['hasDimension'], heatmap: ['needsBreakdown'] });
  });

  it('keeps pie and donut for one series of an additive measure', () => {
    assert.deepEqual(unavailable({ dimension: 'chatflowId', measure: { op: 'sum', property: 'properties.csat' } }), {
      kpi: ['hasDimension'],
      heatmap: ['needsBreakdown'],
    });
    assert.deepEqual(unavailable({ dimension: 'inboxId', breakdown: 'channel', measure: { op: 'count' } }), {
      pie: ['hasBreakdown'],
      donut: ['hasBreakdown'],
      kpi: ['hasDimension', 'hasBreakdown'],
    });
  });

  it('refuses slices of an average, a median or a percentile', () => {
    for (const op of ['avg', 'median', 'p90', 'min', 'max'] as const) {
      const out = unavailable({ dimension: 'assigneeId', measure: { op, property: 'responseTime' } });
      assert.deepEqual(out.pie, ['notPartOfWhole'], op);
      assert.deepEqual(out.donut, ['notPartOfWhole'], op);
      assert.equal(out.line, undefined);
    }
  });

  it('needs a dimension for lines, areas and slices, and none for a KPI', () => {
    assert.deepEqual(unavailable({ measure: { op: 'count' } }), {
      line: ['needsDimension'],
      area: ['needsDimension'],
      pie: ['needsDimension'],
      donut: ['needsDimension'],
      heatmap: ['needsDimension', 'needsBreakdown'],
    });
    assert.deepEqual(unavailable({ breakdown: 'channel', measure: { op: 'avg', property: 'responseTime' } }), {
      line: ['needsDimension'],
      area: ['needsDimension'],
      pie: ['needsDimension', 'hasBreakdown', 'notPartOfWhole'],
      donut: ['needsDimension', 'hasBreakdown', 'notPartOfWhole'],
      kpi: ['hasBreakdown'],
      heatmap: ['needsDimension'],
    });
  });

  it('draws a heatmap of a dimension by a breakdown (hour × weekday), of any measure', () => {
    assert.ok(chartTypeAvailability({ dimension: 'createdHour', breakdown: 'createdWeekday', measure: { op: 'count' } }).heatmap.available);
    const share = { op: 'share', property: 'firstResponseSla', value: 'met' } as const;
    assert.deepEqual(unavailable({ dimension: 'createdHour', breakdown: 'createdWeekday', measure: share }).heatmap, undefined);
    assert.deepEqual(unavailable({ dimension: 'teamId', measure: share }).pie, ['notPartOfWhole']);
  });

  it('allows a line over a category or over time (the source turns a by-assignee report into a line)', () => {
    for (const dimension of ['assigneeId', 'createdAt', 'pageUrl']) {
      const availability = chartTypeAvailability({ dimension, breakdown: 'inboxId', measure: { op: 'count' } });
      assert.ok(availability.line.available && availability.area.available, dimension);
    }
  });

  it('accepts the chart type of every default report', () => {
    for (const report of [...templates.chatOverview.reports, ...templates.emailOverview.reports])
      assert.ok(chartTypeAvailability(report)[report.chartType].available, report.id);
  });
});
