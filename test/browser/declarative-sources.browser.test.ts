// Markup alone, end to end through the test server (web-test-runner.config.mjs and test/test-server/):
// `hubspot-proxy` reads HubSpot Conversations v3 through a proxy, `store-src` keeps dashboards in a
// REST store with ETags. The numbers expected are counted here from the raw HubSpot fixture, without
// the kit's adapter or engine.
import { expect, fixture } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { settled, tiles } from '../harness/dashboard-harness.ts';
import '../../src/index.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { computeReport, createTable, parseConversations, templates } from '../../src/core/index.ts';
import type { Dashboard } from '../../src/core/schema/dashboard.ts';
import type { ReportSpec } from '../../src/core/schema/report-spec.ts';
import { hubspotFixture } from '../fixtures/hubspot/hubspot-fixture.mjs';

const RANGE = '2026-09-01T00:00:00Z/2026-11-01T00:00:00Z';
const FROM = Date.parse('2026-09-01T00:00:00Z');
const TO = Date.parse('2026-11-01T00:00:00Z');
const CONTEXT = { range: { from: FROM, to: TO }, timeZone: 'UTC' };

// ——— What HubSpot holds, counted by hand ———

interface Thread {
  id: string;
  createdAt: string;
  closedAt: string | null;
  status: string;
  originalChannelId: string;
  inboxId: string;
  assignedTo?: string;
  spam: boolean;
  archived: boolean;
}
interface Message {
  type: string;
  createdAt: string;
  direction?: string;
  senders?: { actorId?: string }[];
}

const hubspot = hubspotFixture() as unknown as {
  threads: Thread[];
  messages: Record<string, Message[]>;
  inboxes: { id: string; name: string }[];
  actors: { id: string; name: string }[];
};
const CHANNELS: Record<string, string> = { '1000': 'chat', '1002': 'email' };
const live = hubspot.threads.filter((t) => !t.spam && !t.archived);
const inRange = (t: number | null) => t !== null && t >= FROM && t < TO;

/** The first agent reply after the visitor's first message (bots, comments and the visitor's own messages do not count). */
function firstResponse(thread: Thread): number | null {
  const messages = hubspot.messages[thread.id]!.filter((m) => m.type === 'MESSAGE').sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const first = messages.findIndex((m) => m.direction === 'INCOMING');
  if (first < 0) return null;
  const reply = messages.slice(first + 1).find((m) => m.direction === 'OUTGOING' && (m.senders ?? []).some((s) => s.actorId?.startsWith('A-')));
  return reply ? Date.parse(reply.createdAt) : null;
}

interface Expected {
  label: string;
  count: number;
  value: number | null;
}

/** Groups threads by a key, counting them and averaging `measure` where it is known. */
function group(threads: Thread[], keyOf: (t: Thread) => string | null, labelOf: (key: string | null) => string, measure?: (t: Thread) => number | null) {
  const groups = new Map<string | null, { count: number; values: number[] }>();
  for (const t of threads) {
    const key = keyOf(t);
    const entry = groups.get(key) ?? { count: 0, values: [] };
    entry.count++;
    const value = measure?.(t);
    if (value !== null && value !== undefined) entry.values.push(value);
    groups.set(key, entry);
  }
  const out = new Map<string | null, Expected>();
  for (const [key, { count, values }] of groups)
    out.set(key, { label: labelOf(key), count, value: measure ? (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null) : count });
  return out;
}

const agentName = (id: string | null) => (id === null ? 'Unassigned' : hubspot.actors.find((a) => a.id === id)!.name);
const inboxName = (id: string | null) => hubspot.inboxes.find((i) => i.id === id)!.name;
const of = (channel: string) => live.filter((t) => CHANNELS[t.originalChannelId] === channel);
const assignee = (t: Thread) => t.assignedTo ?? null;

function shown(tile: ReportTile): Map<string | null, Expected> {
  return new Map(tile.shownResult!.rows.map((row) => [row.key as string | null, { label: row.label, count: row.count, value: row.value }]));
}

function expectRows(actual: Map<string | null, Expected>, expected: Map<string | null, Expected>, what: string): void {
  expect([...actual.keys()].sort(), `${what}: the groups`).to.deep.equal([...expected.keys()].sort());
  for (const [key, want] of expected) {
    const got = actual.get(key)!;
    expect(got.label, `${what}: label of ${key}`).to.equal(want.label);
    expect(got.count, `${what}: count of ${key}`).to.equal(want.count);
    if (want.value === null) expect(got.value, `${what}: value of ${key}`).to.equal(null);
    else expect(got.value, `${what}: value of ${key}`).to.be.closeTo(want.value, 1e-6);
  }
}

interface ProxyStats {
  started: number;
  aborted: number;
  completed: number;
  requests: string[];
}
async function proxyStats(tag: string, reset = false): Promise<ProxyStats> {
  return (await (await fetch(`/__test__/hubspot-stats?tag=${tag}${reset ? '&reset=1' : ''}`)).json()) as ProxyStats;
}

describe('<conversation-dashboard hubspot-proxy>', () => {
  it('renders the numbers HubSpot holds, with assignee and inbox names, from markup alone', async () => {
    await proxyStats('numbers', true);
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard hubspot-proxy="/__test__/hubspot/tag-numbers" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
    );
    await settled(el);
    const [volume, , responseTime, , closed] = tiles(el);
    const created = (t: Thread) => inRange(Date.parse(t.createdAt));
    expectRows(shown(volume!), group(of('chat').filter(created), assignee, agentName), 'chat volume by assignee');
    expectRows(
      shown(responseTime!),
      group(of('chat').filter(created), assignee, agentName, (t) => {
        const reply = firstResponse(t);
        return reply === null ? null : reply - Date.parse(t.createdAt);
      }),
      'chat response time by assignee',
    );
    expectRows(
      shown(closed!),
      group(of('chat').filter((t) => t.status === 'CLOSED' && inRange(t.closedAt === null ? null : Date.parse(t.closedAt))), assignee, agentName),
      'chats closed by assignee',
    );
    // Archived and spam threads are left out; so are threads with no time in the range.
    const wanted = live.filter((t) => {
      const created = Date.parse(t.createdAt);
      const latest = Math.max(created, t.closedAt ? Date.parse(t.closedAt) : 0, ...hubspot.messages[t.id]!.map((m) => Date.parse(m.createdAt)));
      return created < TO && latest >= FROM;
    });
    expect(el.data!.table!.size).to.equal(wanted.length);
    expect(el.data!.rejected).to.deep.equal([]);

    // What the proxy was asked: every page of threads with their tickets, followed by `after`.
    const { requests, aborted } = await proxyStats('numbers');
    const pages = requests.filter((r) => r.startsWith('threads?'));
    expect(pages).to.have.length(Math.ceil(hubspot.threads.length / 25));
    for (const page of pages) expect(new URLSearchParams(page.split('?')[1]).get('association')).to.equal('TICKET');
    expect(pages.slice(1).map((p) => new URLSearchParams(p.split('?')[1]).get('after'))).to.deep.equal(['25', '50', '75']);
    expect(requests).to.include('inboxes');
    expect(aborted).to.equal(0);

    // The email dashboard from the same load: open emails by inbox, by name.
    el.dashboardId = 'email-overview';
    await el.updateComplete;
    await settled(el);
    const openByInbox = tiles(el).find((t) => t.spec!.id === templates.emailOverview.reports[5]!.id)!;
    expectRows(
      shown(openByInbox),
      group(
        of('email').filter((t) => t.status === 'OPEN' && inRange(Date.parse(t.createdAt))),
        (t) => t.inboxId,
        inboxName,
      ),
      'open emails by inbox',
    );
    await expect(el).to.be.accessible();
  });

  it('aborts the HubSpot load when hubspot-proxy gives way to src at runtime, and shows the new source', async () => {
    await proxyStats('slow', true);
    const el = await fixture<ConversationDashboard>(
      `<conversation-dashboard hubspot-proxy="/__test__/hubspot/tag-slow/delay-20000" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
    );
    await waitUntil(async () => (await proxyStats('slow')).requests.some((r) => r.startsWith('threads?')), 'the first page was asked for', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part="progress"]'), 'still loading').to.exist;

    el.removeAttribute('hubspot-proxy');
    el.setAttribute('src', '/__test__/conversations?limit=100');
    await settled(el);
    const data = (await (await fetch('/test/fixtures/declarative/conversations.json')).json()) as { conversations: unknown[] };
    const table = createTable(parseConversations(data.conversations).conversations);
    expect(tiles(el).map((t) => t.shownResult)).to.deep.equal(templates.chatOverview.reports.map((spec) => computeReport(table, spec, CONTEXT)));

    await waitUntil(async () => (await proxyStats('slow')).aborted === 1, 'the proxy saw the threads request closed', { timeout: 5000 });
    const stats = await proxyStats('slow');
    expect(stats.requests.filter((r) => r.startsWith('threads?')), 'no page after the abort').to.have.length(1);
    expect(stats.requests.some((r) => r.includes('/messages')), 'no messages read').to.equal(false);
  });
});

// ——— store-src ———

const report = (spec: ReportSpec, title: string): ReportSpec => ({ ...spec, id: `${spec.id}-board`, title });
const [chatVolume, chatByPage, chatResponse] = templates.chatOverview.reports;
const BOARD: Dashboard = {
  id: 'team-board',
  name: 'Team board',
  ownerId: 'u-owner',
  privacy: 'everyone',
  reports: [report(chatVolume!, 'Volume'), report(chatByPage!, 'Pages'), report(chatResponse!, 'Response')],
  layout: {},
};
const HIDDEN: Dashboard = { ...BOARD, id: 'not-yours', name: 'Someone else’s private board', ownerId: 'u-other', privacy: 'private' };

interface StoreLog {
  method: string;
  id: string | null;
  ifMatch: string | null;
  ifNoneMatch: string | null;
  status: number;
}
interface StoreState {
  dashboards: Record<string, { dashboard: Dashboard; etag: string }>;
  log: StoreLog[];
}

async function seed(ns: string, dashboards: Dashboard[]): Promise<void> {
  await fetch(`/__test__/store-admin/${ns}/seed`, { method: 'POST', body: JSON.stringify(dashboards) });
}
async function serverState(ns: string): Promise<StoreState> {
  return (await (await fetch(`/__test__/store-admin/${ns}`)).json()) as StoreState;
}
/** Another client saves: the server's ETag changes. */
async function otherClientWrites(ns: string, dashboard: Dashboard): Promise<string> {
  return ((await (await fetch(`/__test__/store-admin/${ns}/write`, { method: 'POST', body: JSON.stringify(dashboard) })).json()) as { etag: string }).etag;
}

async function storeDashboard(ns: string): Promise<ConversationDashboard> {
  const el = await fixture<ConversationDashboard>(
    `<conversation-dashboard store-src="/__test__/store/${ns}" dashboard-id="team-board" src="/__test__/conversations" range="${RANGE}" time-zone="UTC" locale="en">
      <script type="application/json">{ "user": { "id": "u-owner", "teamIds": [], "canEdit": true } }</script>
    </conversation-dashboard>`,
  );
  await waitUntil(() => el.currentDashboard?.id === 'team-board', 'the store lists the board', { timeout: 5000 });
  await settled(el);
  return el;
}

async function chooseAction(tile: ReportTile, action: string): Promise<void> {
  tile.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
  await tile.updateComplete;
  await waitUntil(() => tile.shadowRoot!.querySelector(`[data-action="${action}"]`), `the ${action} item`);
  tile.shadowRoot!.querySelector<HTMLElement>(`[data-action="${action}"]`)!.click();
}

/**
 * A fresh namespace holding BOARD, opened, with one change (the third tile removed) saved: this
 * client now holds the ETag it read back.
 */
async function savedOnce(name: string): Promise<{ ns: string; el: ConversationDashboard; mine: StoreState['dashboards'][string] }> {
  const ns = `${name}-${crypto.randomUUID().slice(0, 8)}`;
  await seed(ns, [BOARD]);
  const el = await storeDashboard(ns);
  await chooseAction(tiles(el)[2]!, 'remove');
  await waitUntil(async () => (await serverState(ns)).log.some((l) => l.method === 'PUT' && l.status === 200), 'the first save');
  return { ns, el, mine: (await serverState(ns)).dashboards['team-board']! };
}

const titles = (el: ConversationDashboard) => tiles(el).map((t) => t.spec!.title);
const storeError = (el: ConversationDashboard) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="error"]')].find((e) => e.textContent!.includes('someone else')) ?? null;

describe('<conversation-dashboard store-src>', () => {
  it("lists the store's dashboards the user may see, and saves a change with If-Match", async () => {
    const ns = `list-${crypto.randomUUID().slice(0, 8)}`;
    await seed(ns, [BOARD, HIDDEN]);
    const seeded = (await serverState(ns)).dashboards['team-board']!.etag;
    const el = await storeDashboard(ns);
    expect(el.store?.constructor.name).to.equal('RestDashboardStore');
    const options = [...el.shadowRoot!.querySelectorAll('[part="switcher"] option')].map((o) => o.textContent!.trim());
    expect(options).to.include('Team board');
    expect(options).not.to.include('Someone else’s private board');
    expect(titles(el)).to.deep.equal(['Volume', 'Pages', 'Response']);

    await chooseAction(tiles(el)[1]!, 'remove');
    await waitUntil(() => titles(el).length === 2, 'the tile goes');
    await waitUntil(async () => (await serverState(ns)).log.some((l) => l.method === 'PUT'), 'the server saw the save');
    const { dashboards, log } = await serverState(ns);
    const puts = log.filter((l) => l.method === 'PUT');
    expect(puts).to.deep.equal([{ method: 'PUT', id: 'team-board', ifMatch: seeded, ifNoneMatch: null, status: 200 }]);
    expect(dashboards['team-board']!.dashboard.reports.map((r) => r.title)).to.deep.equal(['Volume', 'Response']);
    expect(dashboards['not-yours']!.dashboard).to.deep.equal(HIDDEN, 'the other dashboard is untouched');
    expect(storeError(el)).to.equal(null);
  });

  it('saves a changed template as a new dashboard with If-None-Match: *', async () => {
    const ns = `create-${crypto.randomUUID().slice(0, 8)}`;
    await seed(ns, [BOARD]);
    const el = await storeDashboard(ns);
    el.dashboardId = 'chat-overview';
    await el.updateComplete;
    await settled(el);
    await chooseAction(tiles(el)[5]!, 'remove');
    await waitUntil(async () => (await serverState(ns)).log.some((l) => l.method === 'PUT'), 'the server saw the save');
    const { dashboards, log } = await serverState(ns);
    const put = log.find((l) => l.method === 'PUT')!;
    expect([put.ifNoneMatch, put.ifMatch, put.status]).to.deep.equal(['*', null, 201]);
    const copy = dashboards[put.id!]!.dashboard;
    expect([copy.ownerId, copy.privacy, copy.layout.template]).to.deep.equal(['u-owner', 'private', 'chat-overview']);
    expect(copy.reports.map((r) => r.id)).to.deep.equal(templates.chatOverview.reports.slice(0, 5).map((r) => r.id));
    await waitUntil(() => el.currentDashboard?.id === put.id, 'the copy is open');
  });

  it("keeps another client's change: a stale If-Match is refused, and the change is applied to their version", async () => {
    const { ns, el, mine } = await savedOnce('merge');

    // Someone renames the board in between: the ETag this client holds is stale now.
    const theirs = await otherClientWrites(ns, { ...mine.dashboard, name: 'Team board (renamed)' });
    await chooseAction(tiles(el)[1]!, 'remove');
    await waitUntil(async () => (await serverState(ns)).log.filter((l) => l.method === 'PUT').length === 3, 'the refused save and the one on their version');
    const { dashboards, log } = await serverState(ns);
    const puts = log.filter((l) => l.method === 'PUT').slice(1);
    expect(puts.map((p) => [p.ifMatch, p.status])).to.deep.equal([
      [mine.etag, 412],
      [theirs, 200],
    ]);
    expect(dashboards['team-board']!.dashboard.name, 'their change is kept').to.equal('Team board (renamed)');
    expect(dashboards['team-board']!.dashboard.reports.map((r) => r.title), 'and so is mine').to.deep.equal(['Volume']);
    await waitUntil(() => titles(el).length === 1);
    expect(el.shadowRoot!.querySelector('[part="switcher"] option:checked')!.textContent!.trim()).to.equal('Team board (renamed)');
  });

  it('shows a conflict, and saves nothing, when the change no longer applies to the version on the server', async () => {
    // A first save, so this client holds the ETag it read.
    const { ns, el, mine } = await savedOnce('conflict');

    // Someone removes the report this user is about to move.
    const theirsDashboard = { ...mine.dashboard, reports: mine.dashboard.reports.slice(1) };
    await otherClientWrites(ns, theirsDashboard);
    await chooseAction(tiles(el)[0]!, 'move-down');
    await waitUntil(() => storeError(el), 'the conflict is shown', { timeout: 5000 });
    expect(storeError(el)!.getAttribute('role')).to.equal('alert');
    expect(storeError(el)!.textContent).to.contain('was changed by someone else');

    const { dashboards, log } = await serverState(ns);
    const puts = log.filter((l) => l.method === 'PUT');
    expect(puts.map((p) => [p.ifMatch, p.status])).to.deep.equal([
      [puts[0]!.ifMatch, 200],
      [mine.etag, 412],
    ]);
    expect(dashboards['team-board']!.dashboard, 'their version stands').to.deep.equal(theirsDashboard);
    // Their version is on screen now, so the next change builds on it.
    await waitUntil(() => titles(el).length === 1);
    expect(titles(el)).to.deep.equal(['Pages']);
  });
});
