/**
 * A dashboard left open all day, or mounted and unmounted by a single-page app on every route
 * change, must not leak: after 1 000 mounts and unmounts no ECharts instance is alive, no listener
 * is left on window, document or a media query, no element of the kit is still reachable, and the
 * heap (after a forced GC, through the DevTools protocol) has grown by less than 5 MB. The same
 * holds for one dashboard switched between dashboards and ranges 1 000 times.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { getInstanceByDom, getInstanceById } from 'echarts/core';
import type { ECharts } from 'echarts/core';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { rangePresets } from '../../src/core/time/range-presets.ts';
import { MemoryDashboardStore } from '../../src/store/memory-dashboard-store.ts';
import type { DashboardInput } from '../../src/core/schema/dashboard.ts';

const ROUNDS = 1_000;
const MB = 1024 * 1024;
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 20, 12);

/** A tiny dataset: every report has a few rows, both channels, so every chart is drawn. */
function records(): Record<string, unknown>[] {
  return Array.from({ length: 24 }, (_, i) => ({
    id: `c${i}`,
    channel: i % 2 ? 'email' : 'chat',
    status: i % 3 ? 'closed' : 'open',
    inboxId: `in-${i % 2}`,
    assigneeId: `agent-${i % 3}`,
    createdAt: END - ((i % 20) + 1) * DAY,
    firstResponseAt: END - ((i % 20) + 1) * DAY + 60_000 * (i + 1),
    closedAt: i % 3 ? END - ((i % 20) + 1) * DAY + 3_600_000 : null,
    chatflowId: i % 2 ? null : `flow-${i % 4}`,
    pageUrl: i % 2 ? null : `https://shop.example/p${i % 5}`,
  }));
}
const lookups = { assignees: [{ id: 'agent-0', name: 'Alice' }], inboxes: [{ id: 'in-0', name: 'Support' }], chatflows: [] };

/**
 * Two small dashboards in a store, for a user who may edit them: besides the tiles (a bar, a line,
 * a pie, a table and a KPI), the toolbar, the wizard, the settings and the report library are
 * mounted each time too.
 */
const user = { id: 'owner', teamIds: [], canEdit: true };
const dashboards: DashboardInput[] = [
  {
    id: 'small-a',
    name: 'Small A',
    ownerId: user.id,
    privacy: 'private',
    reports: [
      { id: 'bar', title: 'By assignee', chartType: 'bar', dimension: 'assigneeId', measure: { op: 'count' } },
      { id: 'kpi', title: 'Response time', chartType: 'kpi', measure: { op: 'avg', property: 'responseTime' } },
    ],
  },
  {
    id: 'small-b',
    name: 'Small B',
    ownerId: user.id,
    privacy: 'private',
    reports: [
      { id: 'line', title: 'Over time', chartType: 'line', dimension: 'createdAt', timeBucket: 'week', breakdown: 'channel', measure: { op: 'count' } },
      { id: 'pie', title: 'By inbox', chartType: 'pie', dimension: 'inboxId', measure: { op: 'count' } },
      { id: 'table', title: 'By page', chartType: 'table', dimension: 'pageUrl', measure: { op: 'count' } },
    ],
  },
];

function dashboardElement(source: ArrayDataSource, store: MemoryDashboardStore): ConversationDashboard {
  const el = document.createElement('conversation-dashboard');
  el.locale = 'en';
  el.timeZone = 'UTC';
  el.now = END;
  el.store = store;
  el.user = user;
  el.dashboardId = 'small-a';
  el.dataSource = source;
  return el;
}

// ——— Listener accounting on window, document and media queries ———

type Target = 'window' | 'document' | 'media';
const live = new Map<string, number>();
let counting = false;

function keyOf(target: Target, type: string, listener: unknown, options: boolean | EventListenerOptions | undefined): string {
  const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
  return `${target}|${type}|${capture}|${listenerId(listener)}`;
}
const ids = new WeakMap<object, number>();
let nextId = 0;
function listenerId(listener: unknown): number {
  if (listener === null || typeof listener !== 'object' && typeof listener !== 'function') return -1;
  let id = ids.get(listener as object);
  if (id === undefined) ids.set(listener as object, (id = nextId++));
  return id;
}

function wrap(target: EventTarget, name: Target): () => void {
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  target.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (counting && listener) {
      const key = keyOf(name, type, listener, options);
      // The platform ignores a second add of the same listener; so does the count.
      if (!live.has(key)) live.set(key, 1);
    }
    return add.call(this, type, listener, options);
  };
  target.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (listener) live.delete(keyOf(name, type, listener, options));
    return remove.call(this, type, listener, options);
  };
  return () => {
    target.addEventListener = add;
    target.removeEventListener = remove;
  };
}

/** Listeners added since counting started and not removed: "window|resize|false|12" each. */
function leftListeners(): string[] {
  return [...live.keys()];
}

// ——— ECharts instances ———

/** Every ECharts instance created in the session (ids are "ec_" + a counter). */
const created: { first: number | null; last: number | null } = { first: null, last: null };
function noteCharts(root: ConversationDashboard): void {
  for (const tile of root.shadowRoot!.querySelectorAll<ReportTile>('report-tile')) {
    const chart = tile.chart;
    if (!chart) continue;
    const n = Number(chart.id.replace(/^ec_/, ''));
    created.first = created.first === null ? n : Math.min(created.first, n);
    created.last = created.last === null ? n : Math.max(created.last, n);
  }
}
function aliveCharts(): ECharts[] {
  const alive: ECharts[] = [];
  if (created.first === null || created.last === null) return alive;
  for (let n = created.first; n <= created.last; n++) {
    const chart = getInstanceById(`ec_${n}`);
    if (chart && !chart.isDisposed()) alive.push(chart);
  }
  return alive;
}

// ——— Heap ———

interface HeapReport {
  usedSize: number;
  totalSize: number;
  counts: Record<string, number>;
}
const prototypes = {
  dashboards: 'customElements.get("conversation-dashboard").prototype',
  tiles: 'customElements.get("report-tile").prototype',
  charts: 'customElements.get("cr-chart-view").prototype',
  dialogs: 'customElements.get("drill-dialog").prototype',
};
async function heap(): Promise<HeapReport> {
  return (await executeServerCommand('heap-report', { prototypes })) as HeapReport;
}

/** How long an element removed a moment ago may still be held before it counts as leaked. */
const RELEASE_GUARD_MS = 30_000;

/**
 * The heap once nothing the kit started is still running. An element removed a moment ago may still
 * be held by a task the browser has not run yet (a throttled timer or frame in a busy or background
 * tab); that is not a leak, so this asks again until the counts are as expected, and reports what
 * stays once the guard is over.
 */
async function settledHeap(expected: Record<string, number>): Promise<HeapReport> {
  const started = performance.now();
  let report = await heap();
  while (Object.entries(expected).some(([name, count]) => report.counts[name] !== count) && performance.now() - started < RELEASE_GUARD_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    report = await heap();
  }
  return report;
}

// ——— Mounting ———

/**
 * Resolves once `predicate` holds (checked every task). Unlike `waitUntil` of @open-wc/testing, it
 * clears its timeout when done: a pending timer would hold the predicate, and with it the element,
 * for the whole timeout, which reads as a leak.
 */
function until(predicate: () => unknown, message: string, timeout = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      if (predicate()) return resolve();
      if (performance.now() - started > timeout) return reject(new Error(`Timeout: ${message}`));
      setTimeout(check, 0);
    };
    check();
  });
}

/** Every tile shows its result: a chart, a table, a number, or "no data". */
function drawn(el: ConversationDashboard): boolean {
  const tiles = [...el.shadowRoot!.querySelectorAll<ReportTile>('report-tile')];
  return (
    tiles.length > 0 &&
    tiles.every((t) => {
      const result = t.shownResult;
      if (!result) return false;
      return t.spec!.chartType === 'table' || t.spec!.chartType === 'kpi' || result.matched === 0 || Boolean(t.chart);
    })
  );
}

async function settled(el: ConversationDashboard, dashboardId: string): Promise<void> {
  await until(() => el.data?.state === 'ready' && el.currentDashboard?.id === dashboardId && drawn(el), 'every tile is drawn');
}

function chartsOf(el: ConversationDashboard): ECharts[] {
  return [...el.shadowRoot!.querySelectorAll<ReportTile>('report-tile')].flatMap((t) => (t.chart ? [t.chart] : []));
}

/** Every eighth round waits until the dashboard is fully drawn; the others leave earlier. */
const DRAWN_EVERY = 8;

/**
 * One mount and unmount. Hosts remove a dashboard at any moment, so the rounds take turns:
 * removed in the same task, after its first render, while its reports compute, and once drawn.
 */
async function mountOnce(host: HTMLElement, source: ArrayDataSource, store: MemoryDashboardStore, round: number): Promise<number> {
  const el = dashboardElement(source, store);
  host.append(el);
  const phase = round % DRAWN_EVERY;
  if (phase >= 2) await el.updateComplete;
  if (phase >= 4 && phase < DRAWN_EVERY - 1) await until(() => el.data?.state === 'ready', 'the data is loaded');
  if (phase === DRAWN_EVERY - 1) {
    await settled(el, 'small-a');
    // Left with a tile's Actions menu open, which listens on the document while it is.
    el.shadowRoot!.querySelector<ReportTile>('report-tile')!.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!.click();
  }
  noteCharts(el);
  const containers = chartsOf(el).map((chart) => chart.getDom());
  el.remove();
  // Disposed at once, on removal: not at the next GC, not later.
  for (const dom of containers) expect(getInstanceByDom(dom), 'a chart outlives its dashboard').to.equal(undefined);
  return containers.length;
}

/** Small charts: what is measured is the life cycle, not how fast a large canvas fills. */
function smallHost(): HTMLElement {
  const host = document.createElement('div');
  host.style.width = '480px';
  host.style.setProperty('--cr-chart-height', '120px');
  document.body.append(host);
  return host;
}

describe('long sessions', function () {
  // A guard against a hang: each test takes 60–135 s on 2 cores at a load average of 20–26.
  this.timeout(300_000);
  let restore: (() => void)[] = [];

  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    restore = [wrap(window, 'window'), wrap(document, 'document'), wrap(MediaQueryList.prototype, 'media')];
  });
  after(async () => {
    for (const undo of restore) undo();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it(`mounts and unmounts the dashboard ${ROUNDS} times without leaking`, async () => {
    const host = smallHost();
    const source = new ArrayDataSource(records(), { lookups });
    const store = new MemoryDashboardStore(dashboards);
    // Warm up: module-level caches (Intl formatters, bucket labels, ECharts themes) fill once.
    for (let i = 0; i < 24; i++) await mountOnce(host, source, store, i);
    const before = await settledHeap({ dashboards: 0 });
    expect(before.counts.dashboards).to.equal(0);
    live.clear();
    counting = true;
    const start = performance.now();
    let charts = 0;
    for (let i = 0; i < ROUNDS; i++) charts += await mountOnce(host, source, store, i);
    counting = false;
    const elapsed = performance.now() - start;
    expect(charts, 'charts were drawn on every fully drawn mount').to.be.at.least(ROUNDS / DRAWN_EVERY);
    expect(aliveCharts().map((c) => c.id), 'live ECharts instances').to.deep.equal([]);
    expect(leftListeners(), 'listeners left on window, document or a media query').to.deep.equal([]);
    const after = await settledHeap({ dashboards: 0, tiles: 0, charts: 0, dialogs: 0 });
    expect(after.counts, 'kit elements still reachable').to.deep.equal({ dashboards: 0, tiles: 0, charts: 0, dialogs: 0 });
    const growth = after.usedSize - before.usedSize;
    expect(growth, `heap grew ${(growth / MB).toFixed(2)} MB over ${ROUNDS} mounts (${(elapsed / ROUNDS).toFixed(1)} ms each)`).to.be.below(5 * MB);
    host.remove();
  });

  it(`switches dashboards and ranges ${ROUNDS} times without leaking`, async () => {
    const host = smallHost();
    const el = dashboardElement(new ArrayDataSource(records(), { lookups }), new MemoryDashboardStore(dashboards));
    const switcher = () => el.shadowRoot!.querySelector<HTMLSelectElement>('[part="switcher"]')!;
    const ranges = rangePresets.filter((preset) => preset !== 'today');
    // A reader clicking around: every 16th time waiting for the dashboard to be drawn, else not.
    const round = async (i: number) => {
      // Even rounds switch the dashboard, odd ones the range.
      if (i % 2 === 0) {
        const select = switcher();
        select.value = i % 4 ? 'small-b' : 'small-a';
        select.dispatchEvent(new Event('change'));
      } else el.range = ranges[((i - 1) / 2) % ranges.length]!;
      await el.updateComplete;
      if (i % 16 === 15) await settled(el, el.currentDashboard!.id);
      else await new Promise((resolve) => setTimeout(resolve, 0));
      noteCharts(el);
    };
    host.append(el);
    await settled(el, 'small-a');
    for (let i = 0; i < 24; i++) await round(i);
    const before = await heap();
    live.clear();
    counting = true;
    const start = performance.now();
    for (let i = 0; i < ROUNDS; i++) await round(i);
    await settled(el, el.currentDashboard!.id);
    noteCharts(el);
    counting = false;
    const elapsed = performance.now() - start;
    // Exactly the charts on screen are alive.
    const shown = [...el.shadowRoot!.querySelectorAll<ReportTile>('report-tile')].flatMap((t) => (t.chart ? [t.chart.id] : []));
    expect(aliveCharts().map((c) => c.id).sort()).to.deep.equal(shown.sort());
    // Each chart on screen listens to prefers-reduced-motion; nothing else is left behind.
    const views = [...el.shadowRoot!.querySelectorAll<ReportTile>('report-tile')].filter((t) => t.shadowRoot!.querySelector('cr-chart-view')).length;
    expect(leftListeners().filter((key) => !key.startsWith('media|change|')), 'listeners added by switching and never removed').to.deep.equal([]);
    expect(leftListeners().length, 'one media listener per chart on screen').to.equal(views);
    // As after the mounts: a tile of the dashboard switched away from a moment ago may still be held
    // by a task not run yet (its aborted compute settling); one still held after the guard is a leak.
    const onScreen = el.shadowRoot!.querySelectorAll('report-tile').length;
    const after = await settledHeap({ dashboards: 1, tiles: onScreen });
    expect(after.counts.dashboards).to.equal(1);
    expect(after.counts.tiles, 'only the tiles on screen').to.equal(onScreen);
    const growth = after.usedSize - before.usedSize;
    expect(growth, `heap grew ${(growth / MB).toFixed(2)} MB over ${ROUNDS} switches (${(elapsed / ROUNDS).toFixed(1)} ms each)`).to.be.below(5 * MB);

    el.remove();
    expect(aliveCharts(), 'and no chart once it is removed').to.deep.equal([]);
    expect(leftListeners(), 'and no listener').to.deep.equal([]);
    host.remove();
  });
});
