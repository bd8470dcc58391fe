// (v2) Values on the chart and the previous period on it: value labels on few bars, slice shares
// on pies, the previous period's bars beside the current ones, and which way a change is good.
import { expect } from '@open-wc/testing';
import { describe, it } from '../test-support.ts';
import { settings, specFor, volumeByAssignee, volumeByAssigneeAndChannel, dailyVolume } from '../test-fixtures.ts';
import { buildChartOption, VALUE_LABEL_MAX_BARS } from './chart-option.ts';
import { changeTone, measureDirection } from './measure-direction.ts';
import type { ReportResult } from '../../core/types.ts';

type Label = { show?: boolean; position?: string; formatter?: (params: unknown) => string };
type Series = { name?: string; type?: string; label?: Label; silent?: boolean; data: { value: number | null }[] };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

function manyBars(n: number): ReportResult {
  const rows = Array.from({ length: n }, (_, i) => ({ key: `a${i}`, label: `Agent ${i}`, value: n - i, count: n - i }));
  return { reportId: 'chat-volume', rows, total: { value: 0, count: 0 }, matched: 1 };
}

describe('chart values (v2)', () => {
  it('writes each value on a few bars or columns, formatted, and none on many bars or stacked series', () => {
    for (const type of ['bar', 'column'] as const) {
      const [series] = seriesOf(buildChartOption(volumeByAssignee, specFor(type), settings));
      expect(series!.label?.show, type).to.equal(true);
      expect(series!.label!.position).to.equal(type === 'bar' ? 'right' : 'top');
      expect(series!.label!.formatter!({ data: { value: 1234 } })).to.equal('1,234');
    }
    expect(seriesOf(buildChartOption(manyBars(VALUE_LABEL_MAX_BARS + 1), specFor('bar'), settings))[0]!.label).to.equal(undefined);
    expect(seriesOf(buildChartOption(volumeByAssigneeAndChannel, specFor('column', { breakdown: 'channel' }), settings))[0]!.label).to.equal(undefined);
    expect(seriesOf(buildChartOption(dailyVolume(5), specFor('line', { dimension: 'createdAt', timeBucket: 'day' }), settings))[0]!.label).to.equal(undefined);
  });

  it('labels pie slices with their share', () => {
    const [series] = seriesOf(buildChartOption(volumeByAssignee, specFor('pie'), settings));
    expect(series!.label!.formatter!({ name: 'Alice', percent: 54.5 })).to.equal('Alice 55%');
  });

  it('draws the previous period as muted, unclickable bars beside the current ones, matched by key', () => {
    const compared: ReportResult = {
      ...volumeByAssignee,
      rows: [
        { key: 'a1', label: 'Alice', value: 12, count: 12, previous: { value: 9, count: 9 } },
        { key: 'a2', label: 'Bob', value: 7, count: 7, previous: { value: 0, count: 0 } },
        { key: null, label: 'Unassigned', value: 3, count: 3, previous: { value: 5, count: 5 } },
      ],
    };
    const option = buildChartOption(compared, specFor('column'), { ...settings, previousLabel: 'Période précédente' });
    const series = seriesOf(option);
    expect(series).to.have.length(2);
    expect(series[1]!.name).to.equal('Période précédente');
    expect(series[1]!.silent).to.equal(true);
    expect(series[1]!.data.map((d) => d.value)).to.deep.equal([9, 0, 5]);
    expect((option as { legend: { show: boolean } }).legend.show).to.equal(true);
    // Without a comparison there is one series and no legend.
    const plain = buildChartOption(volumeByAssignee, specFor('column'), settings);
    expect(seriesOf(plain)).to.have.length(1);
    expect((plain as { legend: { show: boolean } }).legend.show).to.equal(false);
  });

  it('knows which way a measure improves: lower for durations and breaches, higher for SLA met, volume neutral', () => {
    const avg = (property: string) => ({ measure: { op: 'avg' as const, property } });
    expect(measureDirection(avg('responseTime'))).to.equal('lower');
    expect(measureDirection(avg('timeToCloseBusiness'))).to.equal('lower');
    expect(measureDirection({ measure: { op: 'count' } })).to.equal('neutral');
    expect(measureDirection({ measure: { op: 'share', property: 'firstResponseSla', value: 'breached' } })).to.equal('lower');
    expect(measureDirection({ measure: { op: 'share', property: 'closeSla', value: 'met' } })).to.equal('higher');
    expect(changeTone('lower', 60_000, 90_000)).to.equal('good');
    expect(changeTone('lower', 90_000, 60_000)).to.equal('bad');
    expect(changeTone('higher', 0.9, 0.8)).to.equal('good');
    expect(changeTone('neutral', 10, 5)).to.equal('neutral');
    expect(changeTone('lower', null, 5)).to.equal('neutral');
  });
});
