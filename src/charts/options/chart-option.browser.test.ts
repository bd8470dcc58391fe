import { expect } from '@open-wc/testing';
import { formatBucketLabel, formatDuration } from '../../i18n/format.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';
import type { ChartOption } from '../echarts.ts';
import { describe, it } from '../test-support.ts';
import {
  XSS_LABEL,
  dailyVolume,
  responseTimeByAssignee,
  settings,
  specFor,
  volumeByAssignee,
  volumeByAssigneeAndChannel,
  volumeByAssigneeAndInbox,
} from '../test-fixtures.ts';
import { buildChartOption, isGraphicChartType } from './chart-option.ts';
import type { ChartDataItem } from './chart-option.ts';

type Formatter = (value: unknown, index?: number) => string;

interface AxisView {
  type: string;
  data?: string[];
  inverse?: boolean;
  interval?: number;
  max?: number;
  min?: number;
  axisLabel: { formatter: Formatter };
}

interface SeriesView {
  type: string;
  name: string;
  stack?: string;
  areaStyle?: object;
  sampling?: string;
  radius?: unknown;
  label?: { formatter: Formatter };
  data: ChartDataItem[];
}

interface OptionView {
  animation: boolean;
  color?: string[];
  xAxis: AxisView;
  yAxis: AxisView;
  series: SeriesView[];
  tooltip: { trigger: string; formatter: Formatter; renderMode: string };
  legend: { show: boolean; type: string; formatter: Formatter; tooltip: { formatter: Formatter } };
  aria: { enabled: boolean; decal: { show: boolean }; label: { description: string } };
}

const view = (option: ChartOption) => option as unknown as OptionView;

/** What ECharts hands an axis-trigger tooltip formatter, reduced to what ours reads. */
function axisParams(option: OptionView, dataIndex: number) {
  return option.series.map((series, seriesIndex) => ({
    seriesIndex,
    dataIndex,
    color: '#2f7fd8',
    data: series.data[dataIndex],
    name: option.xAxis.data?.[dataIndex] ?? option.yAxis.data?.[dataIndex],
  }));
}

describe('buildChartOption', () => {
  // The build replaces ECharts' time and log scales, `alignTicks`, dataset transforms and legacy
  // selection with stand-ins (vite.config.ts, echartsUnused).
  it('draws on one category and one value axis, over time too, with its data in the series and no selectable item', () => {
    for (const type of ['bar', 'column', 'line', 'area', 'pie', 'donut'] as const) {
      for (const result of [volumeByAssignee, volumeByAssigneeAndChannel, dailyVolume(90)]) {
        const over: Partial<ReportSpec> = result === volumeByAssignee ? {} : result === volumeByAssigneeAndChannel ? { breakdown: 'channel' } : { dimension: 'createdAt', timeBucket: 'day' };
        const option = buildChartOption(result, specFor(type, over), settings) as Record<string, unknown>;
        expect(option, type).not.to.have.any.keys('dataset', 'selectedMode');
        expect(JSON.stringify(option.series), type).not.to.match(/"(?:selectedMode|datasetIndex)"/);
        if (type === 'pie' || type === 'donut') continue;
        const { xAxis, yAxis } = option as { xAxis: { type: string; alignTicks?: boolean }; yAxis: { type: string; alignTicks?: boolean } };
        expect([xAxis.type, yAxis.type].sort(), type).to.deep.equal(['category', 'value']);
        expect(xAxis.alignTicks ?? yAxis.alignTicks, type).to.equal(undefined);
      }
    }
  });

  describe('chart types', () => {
    it('bar: horizontal, one bar per row, first row on top', () => {
      const option = view(buildChartOption(volumeByAssignee, specFor('bar'), settings));
      expect(option.yAxis.type).to.equal('category');
      expect(option.yAxis.data).to.deep.equal(['Alice', 'Bob', 'Unassigned']);
      expect(option.yAxis.inverse).to.equal(true);
      expect(option.xAxis.type).to.equal('value');
      expect(option.series).to.have.length(1);
      expect(option.series[0]!.type).to.equal('bar');
      expect(option.series[0]!.data.map((item) => item.value)).to.deep.equal([12, 7, 3]);
    });

    it('column: vertical bars', () => {
      const option = view(buildChartOption(volumeByAssignee, specFor('column'), settings));
      expect(option.xAxis.type).to.equal('category');
      expect(option.xAxis.data).to.have.length(3);
      expect(option.xAxis.inverse).to.equal(false);
      expect(option.yAxis.type).to.equal('value');
      expect(option.series[0]!.type).to.equal('bar');
      expect(option.series[0]!.data).to.have.length(3);
    });

    it('line and area: one point per row; only area fills', () => {
      const line = view(buildChartOption(volumeByAssignee, specFor('line'), settings));
      const area = view(buildChartOption(volumeByAssignee, specFor('area'), settings));
      for (const option of [line, area]) {
        expect(option.series[0]!.type).to.equal('line');
        expect(option.series[0]!.data).to.have.length(3);
      }
      expect(line.series[0]!.areaStyle).to.equal(undefined);
      expect(area.series[0]!.areaStyle).to.be.an('object');
    });

    it('pie and donut: one slice per row; the donut has a hole', () => {
      const pie = view(buildChartOption(volumeByAssignee, specFor('pie'), settings));
      const donut = view(buildChartOption(volumeByAssignee, specFor('donut'), settings));
      expect(pie.series[0]!.type).to.equal('pie');
      expect(pie.series[0]!.data.map((item) => item.name)).to.deep.equal(['Alice', 'Bob', 'Unassigned']);
      expect(pie.series[0]!.radius).to.be.a('string');
      expect(donut.series[0]!.data).to.have.length(3);
      expect(donut.series[0]!.radius).to.be.an('array').with.length(2);
    });

    it('pie leaves out slices with no value', () => {
      const option = view(
        buildChartOption(responseTimeByAssignee, specFor('pie'), { ...settings, valueKind: 'duration' }),
      );
      expect(option.series[0]!.data.map((item) => item.key)).to.deep.equal(['a1', 'a2']);
    });

    it('refuses table and kpi, which are not ECharts charts', () => {
      expect(isGraphicChartType('table')).to.equal(false);
      expect(() => buildChartOption(volumeByAssignee, specFor('kpi'), settings)).to.throw(RangeError);
    });
  });

  describe('data items', () => {
    it('carry the row key, including a null key', () => {
      const option = view(buildChartOption(volumeByAssignee, specFor('column'), settings));
      expect(option.series[0]!.data.map((item) => item.key)).to.deep.equal(['a1', 'a2', null]);
      expect(option.series[0]!.data.every((item) => !('series' in item))).to.equal(true);
    });

    it('carry key and series with a breakdown', () => {
      const option = view(
        buildChartOption(volumeByAssigneeAndChannel, specFor('column', { breakdown: 'channel' }), settings),
      );
      expect(option.series[1]!.data[0]).to.deep.equal({ value: 4, key: 'a1', series: 'email', spoken: 'Alice · Email: 4' });
    });
  });

  describe('breakdown', () => {
    const spec = (type: 'bar' | 'column' | 'line' | 'area' | 'pie') => specFor(type, { breakdown: 'channel' });

    it('gives one stacked series per series key, over the same categories', () => {
      for (const type of ['bar', 'column', 'area'] as const) {
        const option = view(buildChartOption(volumeByAssigneeAndChannel, spec(type), settings));
        expect(option.series.map((series) => series.name), type).to.deep.equal(['Chat', 'Email']);
        expect(option.series.every((series) => series.stack === 'total'), type).to.equal(true);
        expect(option.series.every((series) => series.data.length === 3), type).to.equal(true);
        expect(option.legend.show, type).to.equal(true);
      }
    });

    it('draws a plain legend when the series names fit on one line, else a scrolling one', () => {
      const legendOf = (result: ReportResult, width: number | undefined) => view(buildChartOption(result, spec('column'), { ...settings, ...(width ? { width } : {}) })).legend;
      expect(legendOf(volumeByAssigneeAndChannel, 400).type).to.equal('plain');
      expect(legendOf(volumeByAssigneeAndInbox(2), 600).type, 'two long names in 600 px').to.equal('plain');
      expect(legendOf(volumeByAssigneeAndInbox(2), 440).type, 'two long names in 440 px').to.equal('scroll');
      expect(legendOf(volumeByAssigneeAndInbox(12), 1200).type).to.equal('scroll');
      // East Asian characters are twice as wide as the estimate allows a character.
      expect(legendOf(volumeByAssigneeAndInbox(2, (index) => `サポートチームの受信箱${index}番目の窓口`), 600).type).to.equal('scroll');
      // Unmeasured: it might not fit.
      expect(legendOf(volumeByAssigneeAndChannel, undefined).type).to.equal('scroll');
      // A hidden legend needs no scrolling part (the type is read even when it is hidden).
      expect(view(buildChartOption(volumeByAssignee, specFor('column'), settings)).legend.type).to.equal('plain');
    });

    it('fills missing counts with 0', () => {
      const option = view(buildChartOption(volumeByAssigneeAndChannel, spec('column'), settings));
      expect(option.series[0]!.data.map((item) => item.value)).to.deep.equal([8, 7, 0]);
      expect(option.series[1]!.data.map((item) => item.value)).to.deep.equal([4, 0, 3]);
    });

    it('leaves missing averages empty rather than zero', () => {
      const result = {
        ...volumeByAssigneeAndChannel,
        rows: volumeByAssigneeAndChannel.rows.map((row) => ({ ...row, value: (row.value ?? 0) * 60_000 })),
      };
      const option = view(buildChartOption(result, spec('column'), { ...settings, valueKind: 'duration' }));
      expect(option.series[1]!.data.map((item) => item.value)).to.deep.equal([240_000, null, 180_000]);
    });

    it('does not stack lines', () => {
      const option = view(buildChartOption(volumeByAssigneeAndChannel, spec('line'), settings));
      expect(option.series).to.have.length(2);
      expect(option.series.some((series) => series.stack !== undefined)).to.equal(false);
    });

    it('sums the series of a category into one pie slice', () => {
      const option = view(buildChartOption(volumeByAssigneeAndChannel, spec('pie'), settings));
      expect(option.series).to.have.length(1);
      expect(option.series[0]!.data.map((item) => [item.key, item.value])).to.deep.equal([
        ['a1', 12],
        ['a2', 7],
        [null, 3],
      ]);
    });
  });

  describe('values', () => {
    const durations = () =>
      view(buildChartOption(responseTimeByAssignee, specFor('bar'), { ...settings, valueKind: 'duration' }));

    it('formats duration axis labels', () => {
      const option = durations();
      expect(option.xAxis.axisLabel.formatter(7_500_000)).to.equal('2 h 5 min');
      expect(option.xAxis.axisLabel.formatter(45_000)).to.equal('45 s');
    });

    it('puts duration ticks on whole units', () => {
      const option = durations();
      // Largest value 2 h 5 min: 30-minute steps up to 2 h 30 min.
      expect(option.xAxis.interval).to.equal(30 * 60_000);
      expect(option.xAxis.max).to.equal(150 * 60_000);
    });

    it('formats durations in the tooltip', () => {
      const option = durations();
      const html = option.tooltip.formatter(axisParams(option, 0));
      expect(html).to.contain('Alice');
      expect(html).to.contain(formatDuration(2 * 3_600_000 + 5 * 60_000, 'en-US'));
      expect(option.tooltip.formatter(axisParams(option, 2))).to.contain('—');
    });

    it('formats counts in the locale', () => {
      const option = view(buildChartOption(volumeByAssignee, specFor('column'), { ...settings, locale: 'de-DE' }));
      expect(option.yAxis.axisLabel.formatter(12_345)).to.equal('12.345');
    });

    it('writes percentages in the pie tooltip', () => {
      const option = view(buildChartOption(volumeByAssignee, specFor('pie'), settings));
      const html = option.tooltip.formatter({ dataIndex: 1, color: '#c2620a', data: option.series[0]!.data[1], percent: 31.8 });
      expect(html).to.contain('Bob').and.to.contain('7').and.to.contain('31.8%');
    });
  });

  describe('untrusted labels', () => {
    const hostile = {
      ...volumeByAssigneeAndChannel,
      rows: volumeByAssigneeAndChannel.rows.map((row, index) =>
        index === 0 ? { ...row, label: XSS_LABEL, seriesLabel: `"><svg onload=alert(2)>` } : row,
      ),
    };

    it('are escaped in axis tooltips, labels and series names alike', () => {
      const option = view(buildChartOption(hostile, specFor('column', { breakdown: 'channel' }), settings));
      const html = option.tooltip.formatter(axisParams(option, 0));
      expect(html).to.contain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).to.contain('&quot;&gt;&lt;svg onload=alert(2)&gt;');
      expect(html).not.to.contain('<img');
      expect(html).not.to.contain('<svg');
    });

    it('are escaped in pie and legend tooltips', () => {
      const option = view(buildChartOption(hostile, specFor('donut'), settings));
      const html = option.tooltip.formatter({ dataIndex: 0, color: '#2f7fd8', data: option.series[0]!.data[0], percent: 50 });
      expect(html).to.contain('&lt;img').and.not.to.contain('<img');
      expect(option.legend.tooltip.formatter({ name: XSS_LABEL })).to.equal('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('produce no element when the tooltip HTML is parsed', () => {
      const option = view(buildChartOption(hostile, specFor('bar', { breakdown: 'channel' }), settings));
      const box = document.createElement('div');
      box.innerHTML = option.tooltip.formatter(axisParams(option, 0));
      expect(box.querySelector('img, svg, script')).to.equal(null);
      expect(box.textContent).to.contain(XSS_LABEL);
    });

    it('never use string templates ECharts would fill in unescaped', () => {
      for (const type of ['bar', 'column', 'line', 'area', 'pie', 'donut'] as const) {
        const option = view(buildChartOption(hostile, specFor(type), settings));
        expect(option.tooltip.formatter, type).to.be.a('function');
        expect(option.tooltip.renderMode, type).to.equal('html');
        expect(option.legend.formatter, type).to.be.a('function');
      }
    });
  });

  describe('long labels', () => {
    const long = 'https://www.example.com/pricing/enterprise-plan?utm_source=newsletter';
    const result = {
      ...volumeByAssignee,
      rows: volumeByAssignee.rows.map((row, index) => (index === 0 ? { ...row, label: long } : row)),
    };

    it('are truncated on the axis and complete in the tooltip', () => {
      const option = view(buildChartOption(result, specFor('bar'), settings));
      const axisLabel = option.yAxis.axisLabel.formatter(option.yAxis.data![0]);
      expect(Array.from(axisLabel)).to.have.length(24);
      expect(axisLabel.endsWith('…')).to.equal(true);
      expect(option.yAxis.axisLabel.formatter('Bob')).to.equal('Bob');
      expect(option.tooltip.formatter(axisParams(option, 0))).to.contain(long);
    });

    it('honour labelMax, in legends and pie labels too', () => {
      const option = view(buildChartOption(result, specFor('pie'), { ...settings, labelMax: 10 }));
      expect(Array.from(option.legend.formatter(long))).to.have.length(10);
      expect(Array.from(option.series[0]!.label!.formatter({ name: long }))).to.have.length(10);
    });
  });

  describe('date dimensions', () => {
    it('label buckets in the locale and time zone', () => {
      const result = dailyVolume(3, Date.UTC(2026, 2, 30));
      const spec = specFor('line', { dimension: 'createdAt', timeBucket: 'day' });
      const option = view(buildChartOption(result, spec, { ...settings, timeZone: 'Asia/Tokyo', locale: 'fr-FR' }));
      expect(option.xAxis.data).to.deep.equal(
        result.rows.map((row) => formatBucketLabel(row.key as number, 'day', 'Asia/Tokyo', 'fr-FR')),
      );
      expect(option.xAxis.data![0]).to.equal('30 mars');
    });

    it('label weeks', () => {
      const result = dailyVolume(1, Date.UTC(2026, 2, 23));
      const spec = specFor('column', { dimension: 'closedAt', timeBucket: 'week' });
      expect(view(buildChartOption(result, spec, settings)).xAxis.data).to.deep.equal(['Week of Mar 23']);
    });

    it('down-sample lines over 2 000 points with LTTB', () => {
      const spec = specFor('line', { dimension: 'createdAt', timeBucket: 'hour' });
      const dense = view(buildChartOption(dailyVolume(2_001), spec, settings));
      const sparse = view(buildChartOption(dailyVolume(2_000), spec, settings));
      const area = view(buildChartOption(dailyVolume(2_500), { ...spec, chartType: 'area' }, settings));
      expect(dense.series[0]!.sampling).to.equal('lttb');
      expect(area.series[0]!.sampling).to.equal('lttb');
      expect(sparse.series[0]!.sampling).to.equal(undefined);
    });
  });

  describe('page URL labels', () => {
    it('drop the scheme and cut long URLs in the middle, keeping the end of the path', () => {
      const long = 'https://www.northwind.example/help/articles/how-to-reset-your-password';
      const result = { ...volumeByAssignee, rows: [{ key: long, label: long, value: 3, count: 3 }] };
      const option = buildChartOption(result, { ...specFor('bar'), dimension: 'pageUrl' }, settings) as unknown as {
        yAxis: { axisLabel: { formatter: (value: string) => string } };
      };
      const label = option.yAxis.axisLabel.formatter(long);
      expect(label).to.have.length(24);
      expect(label.startsWith('northwind.')).to.equal(true, label);
      expect(label).to.contain('…');
      expect(label.endsWith('password')).to.equal(true);
    });
  });

  describe('accessibility and motion', () => {
    it('turns on aria with a description of the data, and decals where colour tells slices or series apart', () => {
      const option = view(buildChartOption(volumeByAssignee, specFor('column'), settings));
      expect(option.aria.enabled).to.equal(true);
      expect(option.aria.decal.show).to.equal(false, 'one series: the bars need no pattern');
      expect(view(buildChartOption(volumeByAssignee, specFor('pie'), settings)).aria.decal.show).to.equal(true);
      expect(option.aria.label.description).to.equal('Chat volume by assignee. Alice: 12; Bob: 7; Unassigned: 3');
    });

    it('takes a description from the host', () => {
      const option = view(buildChartOption(volumeByAssignee, specFor('pie'), { ...settings, ariaDescription: 'Volume par agent' }));
      expect(option.aria.label.description).to.equal('Volume par agent');
    });

    it('animates unless reduced motion is asked for', () => {
      expect(view(buildChartOption(volumeByAssignee, specFor('column'), settings)).animation).to.equal(true);
      const still = view(buildChartOption(volumeByAssignee, specFor('column'), { ...settings, reducedMotion: true }));
      expect(still.animation).to.equal(false);
    });

    it('uses the palette', () => {
      expect(view(buildChartOption(volumeByAssignee, specFor('pie'), settings)).color).to.deep.equal(settings.palette);
    });
  });
});
