import { expect } from '@open-wc/testing';
// @ts-expect-error ECharts keeps the declarations of its lib/ modules under types/src/.
import backwardCompat from 'echarts/lib/preprocessor/backwardCompat.js';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportResult } from '../../core/types.ts';
import { describe, it } from '../test-support.ts';
import { dailyVolume, settings, specFor, volumeByAssignee, volumeByAssigneeAndChannel, volumeByAssigneeAndInbox } from '../test-fixtures.ts';
import { DEFAULT_PALETTE } from '../../theme/palette.ts';
import { toEChartsTheme } from '../theme.ts';
import { buildChartOption } from './chart-option.ts';
import { buildHeatmapOption } from './heatmap-option.ts';

/*
 * The build replaces ECharts' backward-compatibility preprocessor (option names of ECharts 2 to 5:
 * `itemStyle.normal`, `x`/`y` for `left`/`top`, `barBorderRadius`, `hoverAnimation`, …) with a
 * stand-in that only makes `series` an array (vite.config.ts, echartsUnused). That is the same
 * only while every option and theme the kit hands ECharts is in the current form: the real
 * preprocessor, run here, must change nothing in them.
 */

/** A deep copy of plain objects and arrays; functions and typed arrays are kept as they are. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, copy(entry)])) as T;
  }
  return value;
}

function unchangedByCompat(option: object, isTheme = false): void {
  const before = copy(option) as Record<string, unknown>;
  const after = copy(option) as Record<string, unknown>;
  (backwardCompat as (option: object, isTheme?: boolean) => void)(after, isTheme);
  // The one thing the stand-in does too.
  if (!('series' in before)) delete after.series;
  expect(after).to.deep.equal(before);
}

const compared: ReportResult = {
  ...volumeByAssignee,
  rows: volumeByAssignee.rows.map((row, index) => ({ ...row, previous: { value: index + 2, count: index + 2 } })),
};

function weekResult(): ReportResult {
  const rows: ReportResult['rows'] = [];
  for (let hour = 0; hour < 24; hour++) {
    for (let day = 1; day <= 7; day++) rows.push({ key: hour, label: `${hour}:00`, series: day, seriesLabel: `Day ${day}`, value: day * 100 + hour, count: 1 });
  }
  return { reportId: 'week', rows, total: { value: 0, count: 0 }, matched: 0 };
}

describe('options in the current ECharts form', () => {
  it('every chart type, with and without a breakdown, a comparison, over time, narrow and wide, themed', () => {
    const over: Partial<ReportSpec> = { dimension: 'createdAt', timeBucket: 'day' };
    const cases: [ReportResult, Partial<ReportSpec>][] = [
      [volumeByAssignee, {}],
      [volumeByAssigneeAndChannel, { breakdown: 'channel' }],
      [volumeByAssigneeAndInbox(12), { breakdown: 'channel' }],
      [compared, {}],
      [dailyVolume(90), over],
      [dailyVolume(3000), over],
    ];
    const themed = { ...settings, background: '#ffffff', fontFamily: 'Georgia, serif', scale: ['#eeeeee', '#112233'] as const };
    for (const type of ['bar', 'column', 'line', 'area', 'pie', 'donut'] as const) {
      for (const [result, extra] of cases) {
        for (const width of [undefined, 300, 900]) {
          for (const frame of [settings, themed]) unchangedByCompat(buildChartOption(result, specFor(type, extra), { ...frame, ...(width ? { width } : {}) }));
        }
      }
    }
  });

  it('the heatmap', () => {
    const spec: ReportSpec = { ...specFor('heatmap'), dimension: 'createdHour', breakdown: 'createdWeekday' };
    unchangedByCompat(buildHeatmapOption(weekResult(), spec, { ...settings, scale: ['#eeeeee', '#112233'] }));
  });

  it('the theme', () => {
    const theme = { palette: [...DEFAULT_PALETTE], textColor: '#222222', axisColor: '#888888', gridColor: '#dddddd', background: '#ffffff', fontFamily: 'Georgia, serif', scale: ['#eeeeee', '#112233'] as [string, string] };
    unchangedByCompat(toEChartsTheme(theme), true);
  });
});
