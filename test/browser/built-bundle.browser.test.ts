// The BUILT package in bare pages (test/built-bundle-pages.mjs): no source module is imported, no
// `process` shim is defined; the page holds HTML and the files in dist/. Fails when there is no build
// (`npm test` builds before running the browser tests; alone: `npm run build` first).
//
// - the zero-JavaScript CMS page: HTML plus dist/conversation-reports.standalone.js, under a strict
//   Content-Security-Policy, renders from `src`, `csv-src` and `sample`, and shows a bad JSON config;
// - the multi-file package (dist/conversation-reports.js and its chunks) used from a module script.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
// Types only: erased at run time.
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import type { CspViolation } from '../harness/csp-violations.ts';

type BuiltWindow = Window & { __cspViolations?: CspViolation[]; process?: unknown };

const frames: HTMLIFrameElement[] = [];

async function open(url: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.title = url;
  frame.width = '1100';
  frame.height = '1200';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame.contentDocument!;
}

function dashboardOf(doc: Document): ConversationDashboard {
  return doc.querySelector('conversation-dashboard') as ConversationDashboard;
}

function tiles(dashboard: ConversationDashboard): ReportTile[] {
  return [...(dashboard.shadowRoot?.querySelectorAll('report-tile') ?? [])] as ReportTile[];
}

async function defined(doc: Document, tag: string): Promise<void> {
  const win = doc.defaultView!;
  await waitUntil(() => win.customElements.get(tag), `<${tag}> is defined by the built file (is there a build? run \`npm run build\`)`, { timeout: 15_000 });
}

async function drawn(dashboard: ConversationDashboard): Promise<ReportTile[]> {
  await waitUntil(
    () => tiles(dashboard).length === 6 && tiles(dashboard).every((t) => t.shownResult && (t.chart || t.spec?.chartType === 'table')),
    'six reports computed and drawn',
    { timeout: 20_000 },
  );
  return tiles(dashboard);
}

function violations(doc: Document): CspViolation[] {
  return (doc.defaultView as BuiltWindow).__cspViolations ?? [];
}

describe('the built package in a bare page', function () {
  this.timeout(60_000);

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('has the standalone file and the package files in dist/', async () => {
    for (const file of ['/dist/conversation-reports.standalone.js', '/dist/conversation-reports.js', '/dist/core.js']) {
      const response = await fetch(file, { cache: 'no-store' });
      expect(response.status, `${file} (run \`npm run build\`)`).to.equal(200);
    }
    const standalone = await (await fetch('/dist/conversation-reports.standalone.js', { cache: 'no-store' })).text();
    expect(standalone, 'one file: no static import').not.to.match(/^\s*import\s*[{*\w]/m);
    expect(standalone, 'one file: no import()').not.to.match(/\bimport\(\s*["'`]/);
    expect(standalone, 'no Worker file to fetch').not.to.match(/new Worker\(/);
  });

  describe('standalone file, HTML only, strict Content-Security-Policy', () => {
    it('renders a dashboard from src', async () => {
      const doc = await open('/__test__/built/standalone.html?case=src');
      await defined(doc, 'conversation-dashboard');
      expect((doc.defaultView as BuiltWindow).process, 'the page defines no process').to.equal(undefined);
      const dashboard = dashboardOf(doc);
      const shown = await drawn(dashboard);
      expect(dashboard.data!.table!.size).to.equal(300);
      expect(shown[0]!.shownResult!.matched).to.be.greaterThan(0);
      expect(shown[0]!.shadowRoot!.querySelector('[part="title"]')!.textContent).to.match(/\S/);
      expect(violations(doc)).to.deep.equal([]);
    });

    it('renders a dashboard from csv-src', async () => {
      const doc = await open('/__test__/built/standalone.html?case=csv');
      await defined(doc, 'conversation-dashboard');
      const dashboard = dashboardOf(doc);
      await drawn(dashboard);
      expect(dashboard.data!.table!.size).to.equal(300);
      expect(dashboard.data!.rejected).to.deep.equal([]);
      expect(violations(doc)).to.deep.equal([]);
    });

    it('renders generated data from sample, in French', async () => {
      const doc = await open('/__test__/built/standalone.html?case=sample');
      await defined(doc, 'conversation-dashboard');
      const dashboard = dashboardOf(doc);
      const shown = await drawn(dashboard);
      expect(dashboard.data!.table!.size).to.equal(700);
      expect(shown[0]!.shownResult!.matched).to.be.greaterThan(0);
      const title = shown[0]!.shadowRoot!.querySelector('[part="title"]')!.textContent!;
      expect(title, 'a French title (the fr catalog is in the file)').to.match(/ par /);
      expect(violations(doc)).to.deep.equal([]);
    });

    it('renders a lone tile from csv-src with its spec in a JSON block (the README page)', async () => {
      const doc = await open('/__test__/built/standalone.html?case=tile');
      await defined(doc, 'report-tile');
      const tile = doc.querySelector('report-tile') as ReportTile;
      await waitUntil(() => tile.shownResult && tile.chart, 'the tile computed and drew its chart', { timeout: 20_000 });
      expect(tile.shownResult!.rows.length).to.be.within(1, 11);
      expect(tile.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain('Chats by page');
      expect(violations(doc)).to.deep.equal([]);
    });

    it('shows an invalid JSON config as a visible error', async () => {
      const doc = await open('/__test__/built/standalone.html?case=bad-json');
      await defined(doc, 'conversation-dashboard');
      const dashboard = dashboardOf(doc);
      await waitUntil(() => dashboard.shadowRoot?.querySelector('[part="config-error"]'), 'the config error is shown', { timeout: 10_000 });
      const error = dashboard.shadowRoot!.querySelector<HTMLElement>('[part="config-error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('not valid JSON');
      expect(error.getBoundingClientRect().height, 'visible').to.be.greaterThan(0);
      expect(dashboard.shadowRoot!.querySelector('[part="grid"]')).to.equal(null);
    });
  });

  it('computes a median in the standalone file and with the report-tile element file, whose first paint has no quantile code', async () => {
    const medians: unknown[] = [];
    for (const url of ['/__test__/built/standalone.html?case=median', '/__test__/built/element.html?case=median']) {
      const doc = await open(url);
      await defined(doc, 'report-tile');
      const tile = doc.querySelector('report-tile') as ReportTile;
      await waitUntil(() => tile.shownResult || tile.shadowRoot?.querySelector('[part="error"]'), `${url}: the tile computed`, { timeout: 20_000 });
      expect(tile.shownResult, `${url}: ${tile.shadowRoot?.querySelector('[part="error"]')?.textContent}`).to.be.ok;
      expect(tile.shownResult!.rows.length).to.be.greaterThan(1);
      medians.push(tile.shownResult!.total.value);
    }
    expect(medians[0]).to.be.a('number').and.greaterThan(0);
    expect(medians[1]).to.equal(medians[0]);
  });

  it('counts in business hours in the standalone file and with the dashboard element file, whose first paint has no business clock', async () => {
    const totals: unknown[] = [];
    for (const url of ['/__test__/built/standalone.html?case=business', '/__test__/built/element.html?case=business']) {
      const doc = await open(url);
      await defined(doc, 'conversation-dashboard');
      const dashboard = dashboardOf(doc);
      const failed = (): string | null | undefined => tiles(dashboard)[0]?.shadowRoot?.querySelector('[part="error"], [role="alert"]')?.textContent;
      await waitUntil(() => tiles(dashboard)[0]?.shownResult || failed(), `${url}: the tile computed`, { timeout: 20_000 });
      const tile = tiles(dashboard)[0]!;
      expect(tile.shownResult, `${url}: ${failed()}`).to.be.ok;
      expect(tile.shownResult!.rows.length).to.be.greaterThan(1);
      totals.push(tile.shownResult!.total.value);
    }
    expect(totals[0]).to.be.a('number').and.greaterThan(0);
    expect(totals[1]).to.equal(totals[0]);
  });

  it('the multi-file package build renders a dashboard from a module script', async () => {
    const doc = await open('/__test__/built/package.html');
    await defined(doc, 'conversation-dashboard');
    const dashboard = dashboardOf(doc);
    await waitUntil(() => dashboard.dataSource, 'the page script set the data source', { timeout: 10_000 });
    const shown = await drawn(dashboard);
    expect(dashboard.data!.table!.size).to.equal(300);
    const assignee = shown.find((t) => t.spec?.dimension === 'assigneeId')!;
    expect(assignee.shownResult!.rows[0]!.label, 'lookups give names').not.to.match(/^u\d/);
    await waitUntil(() => doc.defaultView!.customElements.get('report-editor'), 'the editor chunk registers <report-editor>', { timeout: 10_000 });
  });
});
