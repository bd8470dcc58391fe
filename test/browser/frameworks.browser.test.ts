// The React and Vue examples (demo/react.html, demo/vue.html) run for real: each page is bundled by vite
// on request (test/framework-examples.mjs) and opened in an iframe, so each framework app has its own
// copy of the kit and its own custom-element registry. The numbers are counted here, by hand, from the
// same seeded sample the examples generate.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';

// What both examples show: 3 000 conversations (seed 7) and a range ending on 2026-11-20 UTC.
const { conversations, lookups } = generateConversations({ n: 3000, seed: 7 });
const END = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;
const rangeOf = (days: number) => ({ from: END - days * DAY, to: END });

type Counts = [label: string, count: string][];

/** Conversations created in the last `days` days that pass `keep`, counted per label, sorted by label. */
function countBy(days: number, keep: (c: (typeof conversations)[number]) => boolean, label: (c: (typeof conversations)[number]) => string): Counts {
  const { from, to } = rangeOf(days);
  const counts = new Map<string, number>();
  for (const c of conversations) {
    if (c.createdAt < from || c.createdAt >= to || !keep(c)) continue;
    counts.set(label(c), (counts.get(label(c)) ?? 0) + 1);
  }
  const format = new Intl.NumberFormat('en');
  return [...counts].map(([name, n]): [string, string] => [name, format.format(n)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const assigneeName = new Map(lookups.assignees.map((a) => [a.id, a.name]));
const inboxName = new Map(lookups.inboxes.map((i) => [i.id, i.name]));
/** "Chat volume by assignee": chats per assignee. */
const chatsByAssignee = (days: number) =>
  countBy(days, (c) => c.channel === 'chat', (c) => (c.assigneeId === null ? 'Unassigned' : (assigneeName.get(c.assigneeId) ?? c.assigneeId)));
/** The examples' standalone tile "Open emails by inbox". */
const openEmailsByInbox = (days: number) =>
  countBy(days, (c) => c.channel === 'email' && c.status === 'open', (c) => inboxName.get(c.inboxId) ?? c.inboxId);

const rows = (tile: ReportTile) => [...tile.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const shownCounts = (tile: ReportTile): Counts =>
  rows(tile)
    .map((row): [string, string] => {
      const cells = [...row.cells].map((cell) => cell.textContent!.trim());
      return [cells[0]!, cells[1]!];
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const same = (a: Counts, b: Counts) => JSON.stringify(a) === JSON.stringify(b);

async function openExample(name: 'react' | 'vue'): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.title = `${name} example`;
  frame.style.cssText = 'width: 1100px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/__test__/frameworks/${name}/${name}.html`;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** Sets a framework-owned <select> as a user would: a new value, then `change`. */
function choose(doc: Document, name: string, value: string): void {
  const select = doc.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new (doc.defaultView as Window & typeof globalThis).Event('change', { bubbles: true }));
}

async function exercise(name: 'react' | 'vue'): Promise<void> {
  const doc = await openExample(name);
  const text = (selector: string) => doc.querySelector(selector)?.textContent?.trim();
  // React renders after the page's load event; Vue before.
  await waitUntil(() => doc.querySelector('conversation-dashboard') && doc.querySelector('body report-tile'), `${name}: the app renders both elements`);
  const dashboard = doc.querySelector<ConversationDashboard>('conversation-dashboard')!;
  const standalone = doc.querySelector<ReportTile>('body report-tile')!;

  // Properties set by the framework: an object data source, an object range, the locale.
  expect(dashboard.dataSource, 'dataSource is a property, not an attribute').to.be.an('object');
  expect(dashboard.hasAttribute('datasource')).to.equal(false);
  expect(dashboard.range).to.deep.equal(rangeOf(30));
  expect(dashboard.locale).to.equal('en');
  expect(standalone.spec!.id).to.equal('open-emails-by-inbox');

  const tiles = () => [...dashboard.shadowRoot!.querySelectorAll<ReportTile>('report-tile')];
  await waitUntil(() => tiles().length === 6 && tiles().every((tile) => tile.shownResult), `${name}: the dashboard computes its six tiles`, { timeout: 15_000 });
  const byAssignee = tiles().find((tile) => tile.spec?.id === 'chat-volume-by-assignee')!;
  byAssignee.view = 'table';
  await waitUntil(() => same(shownCounts(byAssignee), chatsByAssignee(30)), `${name}: chats by assignee, last 30 days`);
  expect(shownCounts(standalone)).to.deep.equal(openEmailsByInbox(30));

  // A state change in the framework reaches the elements as a new range property.
  choose(doc, 'range', '7');
  await waitUntil(() => dashboard.range && (dashboard.range as { from: number }).from === rangeOf(7).from, `${name}: the range property changes`);
  expect(dashboard.range).to.deep.equal(rangeOf(7));
  await waitUntil(() => same(shownCounts(byAssignee), chatsByAssignee(7)), `${name}: chats by assignee, last 7 days`);
  await waitUntil(() => same(shownCounts(standalone), openEmailsByInbox(7)), `${name}: open emails by inbox, last 7 days`);

  // Events from the elements update the framework's state, which it shows.
  expect(text('#drilled')).to.equal('nothing yet');
  const inboxRow = rows(standalone)[0]!;
  inboxRow.click();
  await waitUntil(() => text('#drilled') === `open-emails-by-inbox: ${inboxRow.cells[0]!.textContent!.trim()}`, `${name}: report-drill from the standalone tile`);
  const assigneeRow = rows(byAssignee)[0]!;
  assigneeRow.click();
  await waitUntil(() => text('#drilled') === `chat-volume-by-assignee: ${assigneeRow.cells[0]!.textContent!.trim()}`, `${name}: report-drill from a dashboard tile`);

  choose(doc, 'locale', 'fr');
  await waitUntil(() => dashboard.locale === 'fr' && standalone.locale === 'fr', `${name}: the locale property changes`);
  await waitUntil(
    () => byAssignee.shadowRoot!.querySelector('[part~="title"]')?.textContent?.includes('Volume de discussion par responsable'),
    `${name}: the dashboard speaks French`,
  );

  expect(text('#dashboard-name')).to.equal('Chat overview');
  const switcher = dashboard.shadowRoot!.querySelector<HTMLSelectElement>('select[part~="switcher"]')!;
  switcher.value = 'email-overview';
  switcher.dispatchEvent(new (doc.defaultView as Window & typeof globalThis).Event('change', { bubbles: true }));
  await waitUntil(() => dashboard.currentDashboard?.id === 'email-overview', `${name}: the dashboard switches`);
  await waitUntil(() => text('#dashboard-name') === dashboard.currentDashboard!.name, `${name}: dashboard-change reaches the framework`);
  expect(text('#dashboard-name')).to.not.equal('Chat overview');
}

describe('framework examples (demo/react.html, demo/vue.html)', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('React 19: properties in, events out', async function () {
    // The first request bundles both examples (a few seconds each).
    this.timeout(60_000);
    await exercise('react');
  });

  it('Vue 3: properties in, events out', async function () {
    this.timeout(60_000);
    await exercise('vue');
  });
});
