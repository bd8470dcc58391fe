// (v2) The previous period on a chart over time: a ghost line of the previous period's buckets,
// each drawn at the bucket it pairs with, named, in the tooltip with its own date, in the
// screen-reader description and in the table; bars keep their comparison bars.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeReport, createTable, reportSpecSchema, type ReportContext, type ReportSpec, type ReportSpecInput } from '../../core/index.ts';
import type { ReportResult } from '../../core/types.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { buildChartOption, type ChartOptionSettings } from './chart-option.ts';
import { buildTableModel } from './table-model.ts';

const { conversations, lookups } = generateConversations({ n: 2_000, seed: 3, end: Date.UTC(2026, 10, 20), days: 120 });
const table = createTable(conversations, lookups);
const HOUR = 3_600_000;
// October in Amsterdam (31 days and the fall-back hour): 1 October pairs with 31 August.
const context: ReportContext = { range: { from: Date.UTC(2026, 8, 30, 22), to: Date.UTC(2026, 9, 31, 23) }, timeZone: 'Europe/Amsterdam', compare: 'previous-period' };

const spec = (input: Partial<ReportSpecInput>): ReportSpec =>
  reportSpecSchema.parse({ id: 'volume', title: 'Volume over time', chartType: 'line', dimension: 'createdAt', timeBucket: 'day', measure: { op: 'count' }, ...input });

const settings: ChartOptionSettings = {
  locale: 'en-US',
  timeZone: 'Europe/Amsterdam',
  valueKind: 'count',
  palette: ['#2563eb', '#f97316'],
  textColor: '#111111',
  axisColor: '#888888',
  gridColor: '#eeeeee',
  reducedMotion: true,
  previousLabel: 'Previous period',
};

interface SeriesOption {
  name?: string;
  type?: string;
  silent?: boolean;
  z?: number;
  lineStyle?: { type?: string; color?: string };
  areaStyle?: { opacity?: number };
  data: unknown;
}
interface Option {
  series: SeriesOption[];
  legend: { show: boolean };
  tooltip: { formatter: (params: unknown) => string };
  aria: { label: { description: string } };
}
const optionOf = (result: ReportResult, s: ReportSpec, extra: Partial<ChartOptionSettings> = {}) => buildChartOption(result, s, { ...settings, ...extra }) as unknown as Option;
const items = (series: SeriesOption) => series.data as { value: number | null; key: unknown; spoken?: string }[];

describe('chart option: the previous period over time', () => {
  const line = spec({});
  const compared = computeReport(table, line, context);

  for (const chartType of ['line', 'area'] as const) {
    it(`draws a dashed, muted, unclickable ghost series of the previous buckets on a ${chartType} chart`, () => {
      const option = optionOf(compared, { ...line, chartType }, { previousLabel: 'Vorige periode' });
      assert.equal(option.series.length, 2);
      const [current, ghost] = option.series as [SeriesOption, SeriesOption];
      assert.equal(ghost.name, 'Vorige periode');
      assert.equal(ghost.type, 'line');
      assert.equal(ghost.silent, true);
      assert.equal(ghost.lineStyle?.type, 'dashed');
      assert.equal(ghost.lineStyle?.color, settings.axisColor);
      assert.notEqual(current.lineStyle?.type, 'dashed');
      if (chartType === 'area') assert.ok(ghost.areaStyle && ghost.areaStyle.opacity! < (current.areaStyle?.opacity ?? 1));
      // Point i is the previous bucket paired with bucket i, at the current bucket's place.
      assert.deepEqual(
        items(ghost).map((item) => item.value),
        compared.rows.map((row) => row.previous?.value ?? null),
      );
      assert.deepEqual(items(ghost).map((item) => item.key), compared.rows.map((row) => row.key));
      assert.ok(items(ghost).some((item) => (item.value ?? 0) > 0));
      assert.equal(option.legend.show, true);
    });
  }

  it('names the previous bucket’s own date in the tooltip and in each point’s spoken text', () => {
    const option = optionOf(compared, line);
    const ghost = option.series[1]!;
    const params = option.series.map((series, seriesIndex) => ({ seriesIndex, dataIndex: 0, data: items(series)[0], color: '#888888' }));
    const tooltip = option.tooltip.formatter(params);
    assert.match(tooltip, /Oct 1/);
    assert.match(tooltip, new RegExp(`Previous period · Aug 31: <strong>${compared.rows[0]!.previous!.value}</strong>`));
    assert.match(items(ghost)[0]!.spoken!, /^Oct 1 · Previous period \(Aug 31\): \d+$/);
  });

  it('tells a screen reader about the previous period, bucket by bucket', () => {
    const description = optionOf(compared, line, { previousLabel: 'Période précédente', locale: 'fr' }).aria.label.description;
    assert.match(description, /Période précédente: 31 août: \d+/);
    assert.doesNotMatch(optionOf(computeReport(table, line, { ...context, compare: undefined }), line).aria.label.description, /Previous period/);
  });

  it('keeps comparison bars for bars and columns, and draws no ghost without a comparison or with a breakdown', () => {
    for (const chartType of ['bar', 'column'] as const) {
      const option = optionOf(compared, { ...line, chartType });
      assert.equal(option.series.length, 2, chartType);
      assert.equal(option.series[1]!.type, 'bar', chartType);
      assert.equal(option.series[1]!.lineStyle, undefined, chartType);
    }
    assert.equal(optionOf(computeReport(table, line, { ...context, compare: undefined }), line).series.length, 1);
    const byChannel = spec({ breakdown: 'channel' });
    const stacked = optionOf(computeReport(table, byChannel, context), byChannel);
    assert.ok(stacked.series.every((series) => series.lineStyle?.type !== 'dashed'));
    assert.equal(stacked.series.length, new Set(computeReport(table, byChannel, context).rows.map((row) => row.series)).size);
  });

  it('keeps rotated column labels above the legend the comparison brings', () => {
    const option = buildChartOption(compared, { ...line, chartType: 'column' }, { ...settings, width: 640 }) as unknown as {
      legend: { show: boolean; bottom: number };
      grid: { outerBounds?: { bottom?: number } };
      xAxis: { axisLabel: { rotate?: number } };
    };
    assert.equal(option.legend.show, true);
    assert.ok((option.xAxis.axisLabel.rotate ?? 0) > 0, '31 days in 640 px are rotated');
    assert.ok((option.grid.outerBounds?.bottom ?? 0) >= 24, 'labels stay out of the legend’s row');
  });

  it('scales the value axis to the previous period too', () => {
    const quiet: ReportResult = { ...compared, rows: compared.rows.map((row) => ({ ...row, value: 1, previous: { value: 50 * HOUR, count: 3 } })) };
    const option = buildChartOption(quiet, { ...line, measure: { op: 'avg', property: 'responseTime' } }, { ...settings, valueKind: 'duration' }) as unknown as { yAxis: { max?: number } };
    assert.ok((option.yAxis.max ?? Infinity) >= 50 * HOUR);
  });

  it('draws many buckets as a typed array, the ghost too', () => {
    const hours = spec({ timeBucket: 'hour' });
    const long: ReportContext = { ...context, range: { from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 9, 1) } };
    const option = optionOf(computeReport(table, hours, long), hours);
    assert.equal(option.series.length, 2);
    assert.ok(option.series[1]!.data instanceof Float64Array);
    assert.equal(option.series[1]!.lineStyle?.type, 'dashed');
  });
});

describe('table model: the previous period over time', () => {
  it('adds the previous period and the change as columns, each previous value with its own date', () => {
    const line = spec({});
    const result = computeReport(table, line, context);
    const model = buildTableModel(result, line, { locale: 'en-US', timeZone: 'Europe/Amsterdam', valueKind: 'count', labels: { previous: 'Previous period' } });
    assert.deepEqual(model.columns.map((column) => column.id), ['label', 'value', 'previous', 'change']);
    assert.equal(model.columns[2]!.label, 'Previous period');
    assert.equal(model.rows[0]!.cells[0], 'Oct 1');
    assert.equal(model.rows[0]!.cells[2], `${result.rows[0]!.previous!.value} (Aug 31)`);
    assert.equal(model.rows[30]!.cells[2], `${result.rows[30]!.previous!.value} (Sep 30)`);
  });
});
