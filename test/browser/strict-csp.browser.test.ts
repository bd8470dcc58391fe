// The kit under a strict Content-Security-Policy: /__test__/csp.html (web-test-runner.config.mjs) is
// served with `script-src 'self'; style-src 'self'` and no 'unsafe-inline' or 'unsafe-eval', loads
// the kit with one module script, and declares a dashboard and a tile in markup. Every violation the
// page reports is recorded (test/fixtures/csp-violations.js).
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import type { CspRecordingWindow } from '../harness/csp-violations.ts';

type CspWindow = CspRecordingWindow & typeof globalThis & { __kitLoaded?: boolean };

describe('a page with a strict Content-Security-Policy', function () {
  // A fresh page loads the kit (ECharts' ~700 modules through the dev server) from nothing.
  this.timeout(60_000);
  let frame: HTMLIFrameElement;

  before(async () => {
    frame = document.createElement('iframe');
    frame.title = 'strict CSP page';
    frame.width = '1100';
    frame.height = '1400';
    frame.src = '/__test__/csp.html';
    document.body.append(frame);
    await waitUntil(() => (frame.contentWindow as CspWindow | null)?.__kitLoaded, 'the kit loaded in the page', { timeout: 50_000 });
  });

  after(() => frame.remove());

  it('is served with the strict policy', async () => {
    const response = await fetch('/__test__/csp.html');
    const policy = response.headers.get('Content-Security-Policy')!;
    expect(policy).to.match(/script-src 'self'( 'report-sample')?;/);
    expect(policy).to.match(/style-src 'self'( 'report-sample')?;/);
    expect(policy).not.to.contain('unsafe-inline');
    expect(policy).not.to.contain('unsafe-eval');
  });

  it('renders the dashboard and a standalone tile, draws tooltips, with no violation', async () => {
    const win = frame.contentWindow as CspWindow;
    const doc = frame.contentDocument!;
    const dashboard = doc.querySelector('conversation-dashboard') as ConversationDashboard;
    const tiles = () => [...dashboard.shadowRoot!.querySelectorAll('report-tile')] as ReportTile[];
    await waitUntil(() => tiles().length === 6 && tiles().every((t) => t.shownResult && (t.chart || t.spec?.chartType === 'table')), 'six charts drawn', { timeout: 20_000 });
    const tile = doc.querySelector('report-tile') as ReportTile;
    await waitUntil(() => tile.shownResult && tile.chart, 'the standalone tile drew its chart', { timeout: 20_000 });

    // Tooltips are HTML that ECharts writes with innerHTML: the most likely place for inline styles.
    for (const chart of [tiles()[0]!.chart!, tile.chart!]) {
      // The tooltip loads (a chunk of its own, which the policy must allow) on the first pointer over a chart.
      chart.getDom().dispatchEvent(new win.PointerEvent('pointerenter'));
      await waitUntil(() => Array.isArray(chart.getOption().tooltip), 'the tooltip loaded and the option was set again');
      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
      const root = chart.getDom().getRootNode() as ShadowRoot;
      await waitUntil(() => root.querySelector('.cr-tooltip-title'), 'a tooltip is shown');
      // Its colour swatch is painted by class and a custom property set through the CSSOM (nothing a CSP blocks).
      const swatch = root.querySelector<HTMLElement>('.cr-tooltip-marker')!;
      expect(swatch.className).to.match(/cr-swatch-\d+/);
      const painted = win.getComputedStyle(swatch);
      expect(painted.backgroundColor, 'a palette colour, not the text-colour fallback').not.to.equal(painted.color);
      expect(painted.backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
      expect(win.getComputedStyle(root.querySelector('.cr-tooltip-title')!).fontWeight).to.equal('600');
    }

    // The drill dialog and the table view render under the policy too.
    tiles()[0]!.view = 'table';
    await tiles()[0]!.updateComplete;
    (tiles()[0]!.shadowRoot!.querySelector('tbody tr') as HTMLElement).click();
    const dialog = dashboard.shadowRoot!.querySelector('drill-dialog')!;
    await waitUntil(() => dialog.open, 'the drill dialog opens');
    await dialog.hide();

    // A canary proves the policy is enforced and violations are seen.
    doc.createElement('div').setAttribute('style', 'color: red');
    await waitUntil(() => win.__cspViolations.some((v) => v.sample.includes('color: red')), 'the canary is reported');
    const others = win.__cspViolations.filter((v) => !v.sample.includes('color: red'));
    expect(others, JSON.stringify(others, null, 2)).to.deep.equal([]);
  });
});
