import { expect } from '@open-wc/testing';
import type { ReportResult } from '../../core/types.ts';
import { describe, it } from '../test-support.ts';
import { settings, specFor } from '../test-fixtures.ts';
import { estimateTextWidth } from './axis-layout.ts';
import { buildChartOption } from './chart-option.ts';

const MIN = 60_000;
const longLabels: ReportResult = {
  reportId: 'response-time',
  rows: [
    { key: 'a', label: 'https://www.example.com/pricing/enterprise-plans-and-discounts', value: 97 * MIN, count: 12 },
    { key: 'b', label: 'https://www.example.com/support/knowledge-base/getting-started', value: 63 * MIN, count: 8 },
    { key: 'c', label: 'Someone with a rather long display name', value: 12 * MIN, count: 3 },
  ],
  total: { value: 58 * MIN, count: 23 },
  matched: 23,
};

interface ValueAxis {
  splitNumber?: number;
  interval?: number;
  max?: number;
  axisLabel: { hideOverlap?: boolean; formatter: (value: number) => string };
}
interface CategoryAxis {
  axisLabel: { formatter: (value: string) => string };
}

function barAxes(width: number | undefined, valueKind: 'duration' | 'count') {
  const spec = specFor('bar', { dimension: 'pageUrl', measure: valueKind === 'duration' ? { op: 'avg', property: 'responseTime' } : { op: 'count' } });
  const option = buildChartOption(longLabels, spec, { ...settings, valueKind, ...(width === undefined ? {} : { width }) }) as {
    xAxis: ValueAxis;
    yAxis: CategoryAxis;
  };
  return { value: option.xAxis, category: option.yAxis };
}

describe('axis layout by chart width', () => {
  it('hides value labels that would overlap, at any width', () => {
    expect(barAxes(undefined, 'count').value.axisLabel.hideOverlap).to.equal(true);
    expect(barAxes(336, 'duration').value.axisLabel.hideOverlap).to.equal(true);
  });

  it('gives a 336 px bar chart no more duration ticks than its value labels have room for', () => {
    const { value, category } = barAxes(336, 'duration');
    const ticks = value.max! / value.interval!;
    const labelWidth = Math.max(...[0, 1, 2, 3].map((i) => estimateTextWidth(value.axisLabel.formatter(i * value.interval!)))) + 16;
    const categoryWidth = Math.max(...longLabels.rows.map((row) => estimateTextWidth(category.axisLabel.formatter(row.label))));
    expect(categoryWidth, 'category labels take at most 40%').to.be.at.most(336 * 0.4 + 1);
    expect((ticks + 1) * labelWidth, `${ticks} ticks`).to.be.at.most(336 - 36 - categoryWidth);
    expect(ticks).to.be.at.least(2);
  });

  it('starts a duration axis at "0", not "0 ms"', () => {
    const { value } = barAxes(800, 'duration');
    expect(value.axisLabel.formatter(0)).to.equal('0');
    expect(value.axisLabel.formatter(value.interval!)).to.match(/min|h/);
  });

  it('keeps five ticks and long labels in a wide chart', () => {
    const wide = barAxes(1200, 'count');
    expect(wide.value.splitNumber).to.equal(5);
    expect(wide.category.axisLabel.formatter(longLabels.rows[2]!.label)).to.have.length.of.at.least(20);
    const narrow = barAxes(336, 'count');
    expect(narrow.value.splitNumber).to.be.below(5);
  });
});

describe('pie layout by chart width', () => {
  it('draws a labelled pie smaller in a narrow chart, so that its labels fit beside it', () => {
    const spec = specFor('pie');
    const radius = (width?: number) =>
      (buildChartOption(longLabels, spec, { ...settings, ...(width === undefined ? {} : { width }) }) as { series: { radius: unknown }[] }).series[0]!.radius;
    expect(radius()).to.equal('64%');
    expect(radius(320)).to.equal('44%');
    expect(radius(800)).to.equal('64%');
  });
});

describe('page URL labels', () => {
  it('leave out the site when every URL is on the same one, and keep it when they differ', () => {
    const label = (rows: string[], index = 0) => {
      const result: ReportResult = { ...longLabels, rows: rows.map((url, i) => ({ key: url, label: url, value: 10 - i, count: 10 - i })) };
      const option = buildChartOption(result, specFor('bar', { dimension: 'pageUrl' }), settings) as { yAxis: CategoryAxis };
      return option.yAxis.axisLabel.formatter(rows[index]!);
    };
    expect(label(['https://northwind.example/pricing/teams', 'https://northwind.example/', 'Other'])).to.equal('/pricing/teams');
    expect(label(['https://northwind.example/pricing/teams', 'https://northwind.example/', 'Other'], 1)).to.equal('/');
    expect(label(['https://northwind.example/pricing/teams', 'https://northwind.example/', 'Other'], 2)).to.equal('Other');
    expect(label(['https://a.example/pricing', 'https://b.example/pricing'])).to.equal('a.example/pricing');
    expect(label(['https://a.example/pricing', 'Other'])).to.equal('a.example/pricing');
  });
});

describe('pie legend by chart width', () => {
  it('puts the legend of a many-slice donut below it in a narrow chart, beside it in a wide one', () => {
    const many: ReportResult = {
      ...longLabels,
      rows: Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, label: `Chatflow number ${i}`, value: 20 - i, count: 20 - i })),
    };
    const option = (width: number) =>
      buildChartOption(many, specFor('donut', { dimension: 'chatflowId' }), { ...settings, width }) as {
        legend: { orient?: string; bottom?: unknown };
        series: { center: string[] }[];
      };
    expect(option(320).legend.orient).to.equal(undefined);
    expect(option(320).series[0]!.center[0]).to.equal('50%');
    expect(option(800).legend.orient).to.equal('vertical');
    expect(option(800).series[0]!.center[0]).to.equal('28%');
  });
});
