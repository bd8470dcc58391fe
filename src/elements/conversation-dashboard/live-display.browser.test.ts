import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../test/wait-until.js';
import { settled, tiles } from '../../../test/harness/dashboard-harness.ts';
import './conversation-dashboard.ts';
import type { ConversationDashboard } from './conversation-dashboard.ts';
import { computeReport, createTable, parseConversations, templates } from '../../core/index.ts';
import { MemoryDashboardStore } from '../../store/memory-dashboard-store.ts';
import { generateConversations } from '../../sample/generate-conversations.ts';
import { ScriptedSource } from '../../../test/browser/fake-sources.ts';
import { FakeClock, restorePageVisibility, setPageVisibility } from '../../../test/browser/fake-clock.ts';
import { MAX_REFRESH_BACKOFF_MS } from '../../controllers/refresh-controller.ts';
import type { DataPage, DataSource } from '../../adapters/data-source.ts';
import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportContext } from '../../core/types.ts';

/** A push-down source over an in-memory table the test swaps; it can be told to fail. */
class PushDownSource implements DataSource {
  table = createTable(parseConversations(first).conversations, sample.lookups);
  queries = 0;
  failWith: Error | null = null;
  // eslint-disable-next-line require-yield
  async *load(): AsyncIterable<DataPage> {
    return;
  }
  async lookups() {
    return sample.lookups;
  }
  async query(spec: ReportSpec, context: ReportContext) {
    this.queries++;
    await Promise.resolve();
    if (this.failWith) throw this.failWith;
    return computeReport(this.table, spec, context);
  }
}

/*
 * The live wall display: `refresh-interval`, "Updated … ago", the Refresh button, pausing while the
 * tab is hidden, backing off after failures, and `kiosk`. Time is a FakeClock moved by hand: no
 * test waits for a timer.
 */

const END = Date.UTC(2026, 10, 20, 12);
const sample = generateConversations({ n: 1500, seed: 11, end: END, days: 60 });
const first = sample.conversations.slice(0, 900);
const zone = 'Europe/Amsterdam';
const MINUTE = 60_000;

function part(el: ConversationDashboard, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
}

function expected(conversations: unknown[], el: ConversationDashboard) {
  const table = createTable(parseConversations(conversations).conversations, sample.lookups);
  return templates.chatOverview.reports.map((spec) => computeReport(table, spec, el.reportContext!));
}

async function live(attrs: Partial<ConversationDashboard> = {}, locale = 'en') {
  const source = new ScriptedSource(sample.lookups as never);
  const clock = new FakeClock();
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard locale=${locale} time-zone=${zone} .now=${END} .clock=${clock} .dataSource=${source}></conversation-dashboard>`,
  );
  Object.assign(el, attrs);
  await el.updateComplete;
  await waitUntil(() => source.waiting === 1, 'the first load asks for a page');
  source.push({ conversations: first });
  source.push(null);
  await settled(el);
  return { el, source, clock };
}

/**
 * Watches every tile for a loading, empty or error state appearing, and the dashboard for a
 * progress bar: a refresh must never show any of them.
 */
function watchForFlash(el: ConversationDashboard) {
  const seen: string[] = [];
  const check = (root: ParentNode, where: string) => {
    for (const name of ['loading', 'empty', 'error', 'progress']) if (root.querySelector(`[part="${name}"]`)) seen.push(`${where}: ${name}`);
  };
  const observer = new MutationObserver(() => {
    check(el.shadowRoot!, 'dashboard');
    tiles(el).forEach((tile, index) => check(tile.shadowRoot!, `tile ${index}`));
  });
  observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  for (const tile of tiles(el)) observer.observe(tile.shadowRoot!, { childList: true, subtree: true });
  return {
    seen,
    stop: () => {
      observer.takeRecords();
      observer.disconnect();
    },
  };
}

describe('<conversation-dashboard> as a live wall display', () => {
  afterEach(() => restorePageVisibility());

  it('re-reads the source every refresh-interval seconds and swaps the numbers without a flash', async () => {
    const { el, source, clock } = await live({ refreshInterval: 60 });
    const before = expected(first, el);
    tiles(el).forEach((tile, index) => expect(tile.shownResult).to.deep.equal(before[index]));
    expect(part(el, 'refresh')!.querySelector('time')!.textContent).to.equal('Updated just now');

    const flash = watchForFlash(el);
    clock.advance(59_000);
    expect(source.requests.length, 'not before the interval').to.equal(1);
    clock.advance(1_000);
    await waitUntil(() => source.waiting === 1 && source.requests.length === 2, 'the refresh asks for a page');
    await el.updateComplete;
    // Between the steps: the old numbers, no progress bar, the refresh in the status line.
    tiles(el).forEach((tile, index) => expect(tile.shownResult).to.deep.equal(before[index]));
    expect(part(el, 'refresh')!.textContent).to.contain('Updating…');
    source.push({ conversations: sample.conversations.slice(0, 600), total: 1500 });
    await el.updateComplete;
    tiles(el).forEach((tile, index) => expect(tile.shownResult, 'half-read data is never shown').to.deep.equal(before[index]));
    source.push({ conversations: sample.conversations.slice(600) });
    source.push(null);
    const after = expected(sample.conversations, el);
    expect(after[0]).not.to.deep.equal(before[0]);
    await waitUntil(() => tiles(el).every((tile, index) => JSON.stringify(tile.shownResult) === JSON.stringify(after[index])), 'the new numbers');
    await el.updateComplete;
    flash.stop();
    expect(flash.seen).to.deep.equal([]);
    expect(part(el, 'refresh')!.textContent).not.to.contain('Updating…');
    expect(part(el, 'refresh')!.querySelector('time')!.textContent).to.equal('Updated just now');

    // "Updated … ago" moves on by itself.
    clock.advance(59_000);
    await el.updateComplete;
    expect(part(el, 'refresh')!.querySelector('time')!.textContent).to.equal('Updated just now');
    // A minute on: the text says so, and the next refresh is due.
    clock.advance(1_000);
    await waitUntil(() => source.requests.length === 3);
    await el.updateComplete;
    expect(part(el, 'refresh')!.querySelector('time')!.textContent).to.equal('Updated 1 minute ago');
    await expect(el).to.be.accessible();
  });

  it('the Refresh button re-reads the source at once; "Updated … ago" follows the locale', async () => {
    const { el, source, clock } = await live({}, 'fr');
    clock.advance(2 * MINUTE + 5_000);
    await el.updateComplete;
    expect(part(el, 'refresh')!.querySelector('time')!.textContent).to.equal('Mis à jour il y a 2 minutes');
    // No interval: nothing runs on its own.
    clock.advance(60 * MINUTE);
    expect(source.requests.length).to.equal(1);
    await el.updateComplete;
    expect(part(el, 'refresh')!.querySelector('time')!.textContent).to.equal('Mis à jour il y a 1 heure');

    const button = part(el, 'refresh')!.querySelector<HTMLButtonElement>('button')!;
    expect(button.textContent!.trim()).to.equal('Actualiser');
    button.click();
    await waitUntil(() => source.requests.length === 2 && source.waiting === 1);
    source.push({ conversations: sample.conversations });
    source.push(null);
    await waitUntil(() => part(el, 'refresh')!.querySelector('time')!.textContent === 'Mis à jour à l’instant');
  });

  it('pauses while the tab is hidden and catches up when it is shown again', async () => {
    const { el, source, clock } = await live({ refreshInterval: 60 });
    setPageVisibility('hidden');
    clock.advance(10 * MINUTE);
    expect(source.requests.length, 'no refresh while hidden').to.equal(1);
    expect(clock.pending, 'no timer runs while hidden').to.equal(0);
    setPageVisibility('visible');
    await waitUntil(() => source.requests.length === 2, 'a refresh as soon as the tab is shown');
    source.push({ conversations: first });
    source.push(null);
    await waitUntil(() => !part(el, 'refresh')!.textContent!.includes('Updating…'));
    clock.advance(59_000);
    expect(source.requests.length).to.equal(2);
    clock.advance(1_000);
    await waitUntil(() => source.requests.length === 3);
  });

  it('backs off after failures (doubling, capped), keeps the old numbers and notes the error', async () => {
    const { el, source, clock } = await live({ refreshInterval: 60 });
    const before = tiles(el).map((tile) => tile.shownResult);
    const errors: string[] = [];
    el.addEventListener('data-error', (event) => errors.push(event.detail.message));
    const flash = watchForFlash(el);

    const failNext = async (requests: number) => {
      await waitUntil(() => source.requests.length === requests && source.waiting === 1, `request ${requests}`);
      source.fail(new Error('HTTP 503'));
      await waitUntil(() => el.shadowRoot!.querySelector('.refresh-error'), 'the failure is noted');
      await el.updateComplete;
    };

    clock.advance(MINUTE);
    await failNext(2);
    expect(el.shadowRoot!.querySelector('.refresh-error')!.textContent).to.contain('The last update failed (HTTP 503); showing the previous data.');
    expect(el.shadowRoot!.querySelector('.refresh-error')!.textContent).to.contain('Trying again in 2 minutes.');
    tiles(el).forEach((tile, index) => expect(tile.shownResult).to.equal(before[index]));
    expect(errors).to.deep.equal(['HTTP 503']);

    // Second try after 2 intervals, third after 4.
    clock.advance(2 * MINUTE - 1);
    expect(source.requests.length).to.equal(2);
    clock.advance(1);
    await failNext(3);
    clock.advance(4 * MINUTE - 1);
    expect(source.requests.length).to.equal(3);
    clock.advance(1);
    await failNext(4);
    // …and never more than the cap.
    for (let request = 5; request <= 9; request++) {
      clock.advance(MAX_REFRESH_BACKOFF_MS);
      await failNext(request);
    }
    clock.advance(MAX_REFRESH_BACKOFF_MS);
    await waitUntil(() => source.requests.length === 10 && source.waiting === 1);
    source.push({ conversations: first });
    source.push(null);
    await waitUntil(() => !el.shadowRoot!.querySelector('.refresh-error'), 'a good refresh clears the note');
    flash.stop();
    expect(flash.seen).to.deep.equal([]);
    tiles(el).forEach((tile, index) => expect(tile.shownResult).to.deep.equal(before[index]));
    // Back to the plain interval.
    clock.advance(MINUTE);
    await waitUntil(() => source.requests.length === 11);
  });

  it('kiosk hides the editing chrome and cycles through the dashboards every N seconds', async () => {
    const user = { id: 'u1', teamIds: [], canEdit: true };
    const store = new MemoryDashboardStore();
    const { el, clock } = await live({ store, user });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="toolbar"]'), 'an editor sees the toolbar');
    expect(tiles(el)[0]!.editable).to.equal(true);

    el.setAttribute('kiosk', '30');
    await el.updateComplete;
    expect(part(el, 'toolbar')).to.equal(null);
    expect(el.shadowRoot!.querySelector('dashboard-wizard')).to.equal(null);
    expect(el.shadowRoot!.querySelector('report-library')).to.equal(null);
    for (const tile of tiles(el)) {
      expect(tile.editable).to.equal(false);
      expect(tile.getAttribute('draggable')).to.equal('false');
      expect(getComputedStyle(tile.shadowRoot!.querySelector('[part="actions"]')!).display).to.equal('none');
    }
    await expect(el).to.be.accessible();

    expect(el.currentDashboard!.id).to.equal('chat-overview');
    clock.advance(29_999);
    expect(el.currentDashboard!.id).to.equal('chat-overview');
    setTimeout(() => clock.advance(1));
    const change = await oneEvent(el, 'dashboard-change');
    expect(change.detail).to.include({ dashboardId: 'email-overview', reason: 'kiosk' });
    await el.updateComplete;
    expect(tiles(el).map((t) => t.spec!.id)).to.deep.equal(templates.emailOverview.reports.map((r) => r.id));

    // Hidden: the cycle stops; shown: a full turn again.
    setPageVisibility('hidden');
    clock.advance(5 * MINUTE);
    expect(el.currentDashboard!.id).to.equal('email-overview');
    setPageVisibility('visible');
    clock.advance(29_999);
    expect(el.currentDashboard!.id).to.equal('email-overview');
    clock.advance(1);
    expect(el.currentDashboard!.id, 'after the last, the first').to.equal('chat-overview');

    // A bare `kiosk` hides the chrome without cycling.
    el.setAttribute('kiosk', '');
    await el.updateComplete;
    clock.advance(10 * MINUTE);
    expect(el.currentDashboard!.id).to.equal('chat-overview');
    expect(part(el, 'toolbar')).to.equal(null);
    el.removeAttribute('kiosk');
    await el.updateComplete;
    await waitUntil(() => part(el, 'toolbar'), 'the chrome is back');
  });

  it('refreshes a push-down source all at once: old numbers until every report is in, kept when one fails', async () => {
    const source = new PushDownSource();
    const clock = new FakeClock();
    const el = await fixture<ConversationDashboard>(
      html`<conversation-dashboard locale="en" time-zone=${zone} .now=${END} .clock=${clock} .dataSource=${source} refresh-interval="60"></conversation-dashboard>`,
    );
    await settled(el);
    const before = tiles(el).map((tile) => tile.shownResult);
    const reports = el.currentDashboard!.reports.length;
    const flash = watchForFlash(el);

    source.failWith = new Error('HTTP 502');
    const queries = source.queries;
    clock.advance(MINUTE);
    await waitUntil(() => el.shadowRoot!.querySelector('.refresh-error'), 'the failure is noted');
    expect(el.shadowRoot!.querySelector('.refresh-error')!.textContent).to.contain('The last update failed (HTTP 502)');
    tiles(el).forEach((tile, index) => expect(tile.shownResult, 'numbers kept').to.equal(before[index]));

    source.failWith = null;
    source.table = createTable(parseConversations(sample.conversations).conversations, sample.lookups);
    const retried = source.queries;
    expect(retried - queries).to.be.at.most(reports);
    clock.advance(2 * MINUTE);
    const after = expected(sample.conversations, el);
    await waitUntil(() => tiles(el).every((tile, index) => JSON.stringify(tile.shownResult) === JSON.stringify(after[index])), 'the new numbers');
    expect(source.queries - retried, 'one query per report: the tiles take the prefetched results').to.equal(reports);
    expect(el.shadowRoot!.querySelector('.refresh-error')).to.equal(null);
    flash.stop();
    expect(flash.seen).to.deep.equal([]);
  });
});
