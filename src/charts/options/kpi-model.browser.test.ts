import { expect } from '@open-wc/testing';
import type { ReportResult } from '../../core/types.ts';
import { describe, it } from '../test-support.ts';
import { buildKpiModel } from './kpi-model.ts';

const fmt = { locale: 'en-US', valueKind: 'count' as const };

function result(value: number | null, previous?: number | null): ReportResult {
  return {
    reportId: 'kpi',
    rows: [],
    total: { value, count: 0, ...(previous !== undefined ? { previous: { value: previous, count: 0 } } : {}) },
    matched: 0,
  };
}

describe('buildKpiModel', () => {
  it('formats the total', () => {
    expect(buildKpiModel(result(1234), fmt)).to.deep.equal({
      value: '1,234',
      raw: 1234,
      delta: null,
      direction: null,
      previous: null,
    });
  });

  it('compares with the previous period', () => {
    expect(buildKpiModel(result(112, 100), fmt)).to.deep.equal({
      value: '112',
      raw: 112,
      delta: '+12%',
      direction: 'up',
      previous: '100',
    });
    expect(buildKpiModel(result(90, 100), fmt).direction).to.equal('down');
    expect(buildKpiModel(result(100, 100), fmt).direction).to.equal('flat');
  });

  it('has a direction but no percentage when the previous period was zero', () => {
    const model = buildKpiModel(result(5, 0), fmt);
    expect(model.delta).to.equal(null);
    expect(model.direction).to.equal('up');
    expect(model.previous).to.equal('0');
  });

  it('formats durations and missing values', () => {
    const model = buildKpiModel(result(null, 7_500_000), { ...fmt, valueKind: 'duration' });
    expect(model).to.deep.equal({ value: '—', raw: null, delta: null, direction: null, previous: '2 h 5 min' });
  });
});
