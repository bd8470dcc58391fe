import { expect } from '@open-wc/testing';
import type { GroupKey } from '../../core/types.ts';
import { init, type ECharts } from '../echarts.ts';
import { afterEach, describe, it } from '../test-support.ts';
import { dailyVolume, settings, specFor } from '../test-fixtures.ts';
import { buildChartOption } from './chart-option.ts';
import { pointAt, pointCount, TYPED_ARRAY_THRESHOLD, typedLineData } from './series-data.ts';
// Drawn with ECharts directly, not through <cr-chart-view>, which registers the line chart on first use.
import '../echarts-line.ts';

interface SeriesView {
  data: unknown;
  sampling?: string;
  pointKeys?: GroupKey[];
  seriesKey?: GroupKey;
}

/** What ECharts keeps of a series after a render: the raw source and the drawn (sampled) data. */
interface SeriesModelView {
  getRawData(): { count(): number };
  getData(): { count(): number; getRawIndex(index: number): number };
  getSource(): { sourceFormat: string };
}

describe('typed-array series', () => {
  let chart: ECharts | null = null;
  let host: HTMLElement | null = null;
  afterEach(() => {
    chart?.dispose();
    host?.remove();
    chart = null;
    host = null;
  });

  const hourly = (points: number) => {
    const result = dailyVolume(points);
    // Hour buckets: a point each, the same shape as a day-by-day report.
    return { ...result, rows: result.rows.map((row, index) => ({ ...row, value: index % 97 === 0 ? null : row.value })) };
  };

  it('gives a 5 000-point line to ECharts as a Float64Array, down-sampled with LTTB, its points named by position', async () => {
    const result = hourly(5_000);
    const spec = specFor('line', { dimension: 'createdAt', timeBucket: 'hour' });
    const option = buildChartOption(result, spec, { ...settings, reducedMotion: true });
    const series = (option.series as SeriesView[])[0]!;
    expect(series.data).to.be.instanceOf(Float64Array);
    expect((series.data as Float64Array).length).to.equal(10_000);
    expect(series.sampling).to.equal('lttb');
    expect(pointCount(series)).to.equal(5_000);
    // Point 1234 maps back to its report row (what a click drills into); a missing value is null.
    const point = pointAt(series, 1_234)!;
    expect(point.key).to.equal(result.rows[1_234]!.key);
    expect(point.value).to.equal(result.rows[1_234]!.value);
    expect(pointAt(series, 97)!.value).to.equal(null);

    host = document.createElement('div');
    host.style.cssText = 'width: 480px; height: 240px; position: absolute; left: 0; top: 0;';
    document.body.append(host);
    chart = init(host, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const model = (chart as unknown as { getModel(): { getSeriesByIndex(index: number): SeriesModelView } }).getModel().getSeriesByIndex(0);
    expect(model.getSource().sourceFormat).to.equal('typedArray');
    expect(model.getRawData().count()).to.equal(5_000);
    // LTTB keeps at most about two points per pixel column of a 480 px chart.
    const drawn = model.getData().count();
    expect(drawn).to.be.below(2_000);
    expect(drawn).to.be.above(0);
    // A drawn point's raw index is what a click reports as dataIndex: it names the right row.
    const raw = model.getData().getRawIndex(Math.floor(drawn / 2));
    expect(pointAt(series, raw)!.key).to.equal(result.rows[raw]!.key);
  });

  it('formats the tooltip of a typed-array point from its [index, value] pair', () => {
    const result = hourly(TYPED_ARRAY_THRESHOLD + 1);
    const option = buildChartOption(result, specFor('area', { dimension: 'createdAt', timeBucket: 'hour' }), settings);
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    const categories = (option.xAxis as { data: string[] }).data;
    const html = tooltip.formatter([{ seriesIndex: 0, dataIndex: 5, data: [5, result.rows[5]!.value], color: '#2f7fd8' }]);
    expect(html).to.contain(categories[5]!);
    expect(html).to.contain(String(result.rows[5]!.value));
  });

  it('keeps object items (with key and spoken text) up to the threshold', () => {
    const option = buildChartOption(hourly(TYPED_ARRAY_THRESHOLD), specFor('line', { dimension: 'createdAt', timeBucket: 'hour' }), settings);
    const series = (option.series as SeriesView[])[0]!;
    expect(Array.isArray(series.data)).to.equal(true);
    expect(series.pointKeys).to.equal(undefined);
    expect(pointAt(series, 3)!.key).to.equal(dailyVolume(TYPED_ARRAY_THRESHOLD).rows[3]!.key);
  });

  it('flattens values to [index, value] pairs, null as NaN', () => {
    expect(Array.from(typedLineData([3, null, 5]))).to.deep.equal([0, 3, 1, Number.NaN, 2, 5]);
  });
});
