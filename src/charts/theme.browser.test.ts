import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from './test-support.ts';
import { DEFAULT_PALETTE } from '../theme/palette.ts';
import { readChartTheme, splitColorList, toEChartsTheme } from './theme.ts';

describe('readChartTheme', () => {
  it('reads --cr-chart-palette, keeping functional colours whole', async () => {
    const el = await fixture(
      html`<div style="--cr-chart-palette: #112233, rgb(1, 2, 3) , hsl(120 50% 40%), not-a-colour"></div>`,
    );
    expect(readChartTheme(el).palette).to.deep.equal(['#112233', 'rgb(1, 2, 3)', 'hsl(120 50% 40%)']);
  });

  it('falls back to --cr-color-1 … --cr-color-8', async () => {
    const el = await fixture(html`<div style="--cr-color-1: red; --cr-color-2: #00ff00; --cr-color-9: blue"></div>`);
    expect(readChartTheme(el).palette).to.deep.equal(['red', '#00ff00']);
  });

  it('inherits tokens from ancestors and reads text, border and font', async () => {
    const parent = await fixture(html`
      <section style="--cr-color-text: #101010; --cr-color-border: #a0a0a0; --cr-font-family: Georgia, serif; --cr-color-surface: #fafafa">
        <div></div>
      </section>
    `);
    const theme = readChartTheme(parent.querySelector('div')!);
    expect(theme.textColor).to.equal('#101010');
    expect(theme.axisColor).to.equal('#a0a0a0');
    expect(theme.fontFamily).to.equal('Georgia, serif');
    expect(theme.background).to.equal('#fafafa');
  });

  it('has defaults readable on light and dark pages', async () => {
    const el = await fixture(html`<div style="color: rgb(40, 40, 40)"></div>`);
    const theme = readChartTheme(el);
    expect(theme.palette).to.deep.equal([...DEFAULT_PALETTE]);
    expect(theme.textColor).to.equal('rgb(40, 40, 40)');
    expect(theme.background).to.equal('transparent');
    expect(theme.fontFamily).to.be.a('string').and.not.equal('');
  });

  it('ignores a text colour that is not a colour', async () => {
    const el = await fixture(html`<div style="color: rgb(1, 2, 3); --cr-color-text: url(javascript:alert(1))"></div>`);
    expect(readChartTheme(el).textColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('splitColorList', () => {
  it('splits on top-level commas only', () => {
    expect(splitColorList(' a, rgb(1,2,3),, color-mix(in srgb, red 50%, blue) ')).to.deep.equal([
      'a',
      'rgb(1,2,3)',
      'color-mix(in srgb, red 50%, blue)',
    ]);
  });
});

describe('toEChartsTheme', () => {
  it('maps the theme onto ECharts theme keys', () => {
    const theme = toEChartsTheme({
      palette: ['#111111'],
      textColor: '#222222',
      axisColor: '#333333',
      gridColor: '#444444',
      fontFamily: 'serif',
      background: '#ffffff',
      scale: ['#ffffff', '#111111'],
    }) as { color: string[]; textStyle: { color: string }; valueAxis: { splitLine: { lineStyle: { color: string } } } };
    expect(theme.color).to.deep.equal(['#111111']);
    expect(theme.textStyle.color).to.equal('#222222');
    expect(theme.valueAxis.splitLine.lineStyle.color).to.equal('#444444');
  });
});
