/**
 * Data sources that fail, each scripted, against `<conversation-dashboard>`. In every case the
 * dashboard shows a clear error with Retry, keeps the last good data with an "as of" time, never
 * shows a result older than the latest request, and leaves no request running after an abort or
 * a disconnect.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait-until.js';
import { tiles } from '../harness/dashboard-harness.ts';
import { Handoff } from '../harness/handoff.ts';
import '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import type { ConversationDashboard } from '../../src/elements/conversation-dashboard/conversation-dashboard.ts';
import { ReportTile } from '../../src/elements/report-tile/report-tile.ts';
import type { DataPage, DataSource, LoadRequest } from '../../src/adapters/data-source.ts';
import { RestDataSource } from '../../src/adapters/rest-data-source.ts';
import { json, scriptedFetch, type FetchCall, type Reply } from '../../src/adapters/testing/fake-http.ts';
import type { DataErrorEvent } from '../../src/events/data-error-event.ts';
import type { ReportSpec } from '../../src/core/schema/report-spec.ts';
import type { ReportResult } from '../../src/core/types.ts';
import { computeReport, createTable, parseConversations } from '../../src/core/index.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 20, 12);
const RANGE_A = { from: END - 30 * DAY, to: END };
const RANGE_B = { from: END - 7 * DAY, to: END };
const RANGE_C = { from: END - 14 * DAY, to: END };

/**
 * `n` valid chat conversations inside every range above. Assignee ids start with `prefix`, so
 * the rows of a result tell which load it came from.
 */
function dataset(n: number, prefix: string): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    channel: 'chat',
    status: i % 2 ? 'closed' : 'open',
    inboxId: 'in-1',
    assigneeId: `${prefix}-agent-${i % 3}`,
    createdAt: END - DAY - i * 10 * MIN,
    firstResponseAt: END - DAY - i * 10 * MIN + 2 * MIN,
    closedAt: i % 2 ? END - DAY - i * 10 * MIN + 30 * MIN : null,
  }));
}

const pages = (records: unknown[], size: number): DataPage[] =>
  Array.from({ length: Math.ceil(records.length / size) }, (_, i) => ({ conversations: records.slice(i * size, (i + 1) * size), total: records.length }));

type Step = { page: DataPage | unknown } | { end: true } | { error: unknown };

/** One load of a ControlledSource: pages released by the test, abort and end recorded. */
class Load {
  aborted = false;
  ended = false;
  readonly #steps = new Handoff<Step>();
  constructor(readonly request: LoadRequest) {}

  next(honourAbort: boolean): Promise<Step> {
    return this.#steps.take(honourAbort ? this.request.signal : undefined);
  }

  push(page: DataPage | unknown): void {
    this.#steps.hand({ page });
  }
  end(): void {
    this.#steps.hand({ end: true });
  }
  fail(error: unknown): void {
    this.#steps.hand({ error });
  }
  /** Every page of `records`, then the end. */
  deliver(records: unknown[], size = 10): void {
    for (const page of pages(records, size)) this.push(page);
    this.end();
  }
}

/**
 * A source whose every load is driven separately by the test. `honourAbort: false` makes it a
 * badly behaved source that keeps yielding after its signal aborted: the dashboard must drop what
 * it yields.
 */
class ControlledSource implements DataSource {
  readonly loads: Load[] = [];
  constructor(private readonly honourAbort = true) {}

  async *load(request: LoadRequest): AsyncIterable<DataPage> {
    const load = new Load(request);
    this.loads.push(load);
    request.signal.addEventListener('abort', () => (load.aborted = true));
    try {
      for (;;) {
        const step = await load.next(this.honourAbort);
        if ('error' in step) throw step.error;
        if ('end' in step) return;
        yield step.page as DataPage;
      }
    } finally {
      load.ended = true;
    }
  }

  async lookups() {
    return { assignees: [], inboxes: [], chatflows: [] };
  }

  get last(): Load {
    return this.loads[this.loads.length - 1]!;
  }

  /** Loads that have neither ended nor been given up by their consumer. */
  get running(): Load[] {
    return this.loads.filter((load) => !load.ended);
  }
}

// What every tile ever rendered: proves no stale result is ever on screen, even for one frame.
const rendered: { id: string; matched: number | null; keys: string[]; at: number }[] = [];
const tileRender = (ReportTile.prototype as unknown as { render(): unknown }).render;

async function mount(source: DataSource, range = RANGE_A): Promise<{ el: ConversationDashboard; errors: DataErrorEvent[] }> {
  const errors: DataErrorEvent[] = [];
  const el = await fixture<ConversationDashboard>(
    html`<conversation-dashboard locale="en" time-zone="UTC" .now=${END} .range=${range} .dataSource=${source}
      @data-error=${(event: DataErrorEvent) => errors.push(event)}></conversation-dashboard>`,
  );
  return { el, errors };
}

/** The first tile (chat volume by assignee, count) once every tile shows a result with `matched` conversations. */
async function showing(el: ConversationDashboard, matched: number): Promise<void> {
  await waitUntil(
    () => tiles(el).length > 0 && tiles(el).every((t) => t.shownResult) && tiles(el)[0]!.shownResult!.matched === matched,
    `the tiles show ${matched} conversations`,
    { timeout: 10_000 },
  );
}

function banner(el: ConversationDashboard): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="error"]');
}

/** A clear error naming the cause, a Retry button, and, when there is last good data, its time. */
async function expectErrorWithRetry(el: ConversationDashboard, cause: RegExp, lastGood: { matched: number; loadedAt: number } | null): Promise<HTMLButtonElement> {
  await waitUntil(() => banner(el), 'the error is shown', { timeout: 10_000 });
  const error = banner(el)!;
  expect(error.getAttribute('role')).to.equal('alert');
  expect(error.textContent).to.contain('The conversations could not be loaded');
  expect(error.textContent).to.match(cause);
  const retry = [...error.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Retry');
  expect(retry, 'a Retry button').to.exist;
  if (lastGood) {
    const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(lastGood.loadedAt);
    expect(error.textContent).to.contain(`Showing data as of ${time}.`);
    // The last good results stay on every tile: no spinner, no blank, no error in their place.
    for (const tile of tiles(el)) {
      expect(tile.shownResult, tile.spec!.id).to.exist;
      expect(tile.shadowRoot!.querySelector('[part="error"], [part="loading"]'), `${tile.spec!.id} keeps its result`).to.equal(null);
    }
    expect(tiles(el)[0]!.shownResult!.matched).to.equal(lastGood.matched);
  }
  return retry!;
}

/** Nothing from a superseded load (its assignees start with `prefix`) reached a tile after `since`. */
function expectNeverShown(prefix: string, since = 0): void {
  const stale = rendered.filter((entry) => entry.at >= since && entry.keys.some((key) => key.startsWith(`${prefix}-`)));
  expect(stale.map((entry) => `${entry.id}: ${entry.keys.join(', ')}`), `a result of the older request "${prefix}" was shown`).to.deep.equal([]);
  expect(rendered.some((entry) => entry.keys.length > 0), 'the spy sees results').to.equal(true);
}

async function noneRunning(source: ControlledSource): Promise<void> {
  await waitUntil(() => source.running.length === 0, 'no load left running');
}

function restSource(script: (call: FetchCall, index: number) => Reply | Promise<Reply>, options: { retries?: number; timeoutMs?: number } = {}) {
  const fetch = scriptedFetch(script);
  const source = new RestDataSource({
    url: 'https://api.example/conversations',
    paging: { type: 'offset', pageSize: 10 },
    fetch: fetch.fetch,
    retries: options.retries ?? 0,
    backoffMs: 1,
    maxBackoffMs: 5,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  return { source, calls: fetch.calls };
}

/** An offset-paged answer of `records` to a call. */
function answer(records: unknown[], call: FetchCall): Response {
  const offset = Number(call.url.searchParams.get('offset') ?? 0);
  return json({ conversations: records.slice(offset, offset + 10), total: records.length });
}

describe('failing data sources against <conversation-dashboard>', function () {
  this.timeout(30_000);

  before(() => {
    (ReportTile.prototype as unknown as { render(): unknown }).render = function (this: ReportTile) {
      if (this.isConnected) {
        const result = this.shownResult;
        rendered.push({ id: this.spec?.id ?? '', matched: result?.matched ?? null, keys: (result?.rows ?? []).map((row) => String(row.key)), at: performance.now() });
      }
      return tileRender.call(this);
    };
  });
  after(() => {
    (ReportTile.prototype as unknown as { render(): unknown }).render = tileRender;
  });
  beforeEach(() => {
    rendered.length = 0;
  });

  it('a source that hangs: progress, not a blank; Retry and disconnecting abort it', async () => {
    const source = new ControlledSource();
    const { el } = await mount(source);
    await waitUntil(() => source.loads.length === 1);
    source.last.push({ conversations: dataset(5, 'h'), total: 50 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="progress"]')?.textContent?.includes('Loading 5 of 50 conversations'), 'progress is shown');
    expect(el.shadowRoot!.querySelector('[part="progress"]')!.getAttribute('role')).to.equal('status');
    // Every tile says it is loading: nothing blank, nothing computed from half the pages.
    for (const tile of tiles(el)) expect(tile.shadowRoot!.querySelector('[part="loading"]'), tile.spec!.id).to.exist;
    expect(rendered.every((entry) => entry.matched === null)).to.equal(true);

    el.reload();
    await waitUntil(() => source.loads.length === 2, 'Retry starts a new load');
    expect(source.loads[0]!.aborted, 'the hanging load is aborted').to.equal(true);
    await waitUntil(() => source.loads[0]!.ended);
    expect(el.shadowRoot!.querySelector('[part="progress"]')).to.exist;

    el.remove();
    expect(source.loads[1]!.aborted, 'disconnecting aborts it').to.equal(true);
    await noneRunning(source);
  });

  it('a request that hangs times out into an error with Retry, and the hung request is aborted', async () => {
    const records = dataset(12, 't');
    let hang = true;
    const { source, calls } = restSource((call) => (hang ? 'hang' : answer(records, call)), { timeoutMs: 1500 });
    const { el, errors } = await mount(source);
    await waitUntil(() => calls.length === 1);
    expect(el.shadowRoot!.querySelector('[part="progress"]'), 'progress while waiting').to.exist;
    const retry = await expectErrorWithRetry(el, /gave no answer within 1500 ms/, null);
    expect(calls[0]!.signal!.aborted, 'the hung request is aborted').to.equal(true);
    expect(errors).to.have.length(1);
    hang = false;
    retry.click();
    await showing(el, 12);
    expect(banner(el)).to.equal(null);
  });

  it('a source that fails on page 3 of 5: error with Retry, the last good data kept as of its time', async () => {
    const source = new ControlledSource();
    const { el, errors } = await mount(source);
    await waitUntil(() => source.loads.length === 1);
    source.last.deliver(dataset(20, 'good'), 4);
    await showing(el, 20);
    const loadedAt = el.data!.loadedAt!;

    const since = performance.now();
    el.reload();
    await waitUntil(() => source.loads.length === 2);
    const failing = dataset(20, 'partial');
    source.last.push(pages(failing, 4)[0]!);
    source.last.push(pages(failing, 4)[1]!);
    source.last.fail(new Error('HTTP 502 Bad Gateway on page 3 of 5'));
    const retry = await expectErrorWithRetry(el, /HTTP 502 Bad Gateway on page 3 of 5/, { matched: 20, loadedAt });
    expect(errors.map((e) => e.detail.message)).to.deep.equal(['HTTP 502 Bad Gateway on page 3 of 5']);
    // Pages 1 and 2 of the failed load never reached a tile.
    expectNeverShown('partial', since);
    await noneRunning(source);

    retry.click();
    await waitUntil(() => source.loads.length === 3);
    source.last.deliver(dataset(17, 'retried'), 4);
    await showing(el, 17);
    expect(banner(el)).to.equal(null);
    await noneRunning(source);
  });

  it('a source that returns a malformed page: error with Retry, the last good data kept', async () => {
    const source = new ControlledSource();
    const { el } = await mount(source);
    await waitUntil(() => source.loads.length === 1);
    source.last.deliver(dataset(9, 'good'));
    await showing(el, 9);
    const loadedAt = el.data!.loadedAt!;
    const since = performance.now();

    el.reload();
    await waitUntil(() => source.loads.length === 2);
    source.last.push(pages(dataset(6, 'first'), 6)[0]!);
    source.last.push({ conversations: 'not a list', total: 12 });
    await expectErrorWithRetry(el, /Page 2 from the data source is malformed/, { matched: 9, loadedAt });
    expectNeverShown('first', since);
    await noneRunning(source);

    // A page that is no object at all.
    el.reload();
    await waitUntil(() => source.loads.length === 3);
    source.last.push(null);
    await expectErrorWithRetry(el, /Page 1 from the data source is malformed/, { matched: 9, loadedAt });
    await noneRunning(source);
  });

  it('a server that answers 429: error with Retry, the last good data kept; Retry-After within retries recovers', async () => {
    const records = dataset(15, 'r');
    let limited = false;
    const { source, calls } = restSource((call) => (limited ? json({ message: 'slow down' }, 429, { 'Retry-After': '1' }) : answer(records, call)));
    const { el } = await mount(source);
    await showing(el, 15);
    const loadedAt = el.data!.loadedAt!;

    limited = true;
    el.reload();
    const retry = await expectErrorWithRetry(el, /answered 429/, { matched: 15, loadedAt });
    limited = false;
    const before = calls.length;
    retry.click();
    await waitUntil(() => !banner(el) && el.data!.loadedAt! > loadedAt, 'Retry recovers');
    expect(calls.length - before).to.equal(2);

    // With a retry allowed, a 429 that names a short wait is waited out: no error at all.
    let first = true;
    const patient = restSource(
      (call) => {
        if (first) {
          first = false;
          return json({}, 429, { 'Retry-After': '0' });
        }
        return answer(records, call);
      },
      { retries: 1 },
    );
    const second = await mount(patient.source);
    await showing(second.el, 15);
    expect(second.errors).to.have.length(0);
    expect(patient.calls.map((c) => c.url.searchParams.get('offset'))).to.deep.equal(['0', '0', '10']);
  });

  it('a server that answers 500 once then succeeds: retried without an error, or an error whose Retry recovers', async () => {
    const records = dataset(13, 'five');
    let failures = 1;
    const retried = restSource(
      (call) => {
        if (failures > 0) {
          failures--;
          return json({ error: 'boom' }, 500);
        }
        return answer(records, call);
      },
      { retries: 1 },
    );
    const first = await mount(retried.source);
    await showing(first.el, 13);
    expect(first.errors, 'the retry hid the blip').to.have.length(0);
    expect(banner(first.el)).to.equal(null);

    failures = 1;
    const once = restSource((call) => {
      if (failures > 0) {
        failures--;
        return json({ error: 'boom' }, 500);
      }
      return answer(records, call);
    });
    const second = await mount(once.source);
    const retry = await expectErrorWithRetry(second.el, /answered 500/, null);
    // No tile shows a result it does not have.
    for (const tile of tiles(second.el)) expect(tile.shownResult).to.equal(null);
    retry.click();
    await showing(second.el, 13);
    expect(banner(second.el)).to.equal(null);
  });

  it('a range changed while loading: the older load is aborted and its late pages never shown', async () => {
    // A badly behaved source: it keeps yielding after its signal aborted.
    const source = new ControlledSource(false);
    const { el } = await mount(source, RANGE_A);
    await waitUntil(() => source.loads.length === 1);
    source.loads[0]!.push(pages(dataset(30, 'a'), 10)[0]!);

    el.range = RANGE_B;
    await waitUntil(() => source.loads.length === 2, 'the new range starts a new load');
    expect(source.loads[0]!.aborted).to.equal(true);
    expect(source.loads[1]!.request.range).to.deep.equal(RANGE_B);
    source.loads[1]!.deliver(dataset(11, 'b'));
    await showing(el, 11);

    // A's pages arrive late: dropped.
    source.loads[0]!.deliver(dataset(30, 'a'));
    await aTimeout(100);
    await waitUntil(() => source.loads[0]!.ended, 'the late load is given up');
    expect(tiles(el)[0]!.shownResult!.matched).to.equal(11);
    expectNeverShown('a');

    // B is on screen; C is asked for, then D while C still loads; C completes last: never shown.
    el.range = RANGE_C;
    await waitUntil(() => source.loads.length === 3);
    el.range = RANGE_A;
    await waitUntil(() => source.loads.length === 4);
    const since = performance.now();
    source.loads[3]!.deliver(dataset(23, 'd'));
    await showing(el, 23);
    source.loads[2]!.deliver(dataset(5, 'c'));
    await aTimeout(100);
    expect(tiles(el)[0]!.shownResult!.matched).to.equal(23);
    expectNeverShown('c', since);
    await noneRunning(source);

    // And when the newest load fails, the error says so and the last good data stays.
    const loadedAt = el.data!.loadedAt!;
    el.reload();
    await waitUntil(() => source.loads.length === 5);
    source.loads[4]!.fail(new Error('HTTP 503'));
    await expectErrorWithRetry(el, /HTTP 503/, { matched: 23, loadedAt });
    await noneRunning(source);
  });

  it('an element disconnected while loading: the load is aborted, nothing more happens, and it loads again when put back', async () => {
    const source = new ControlledSource();
    const { el, errors } = await mount(source);
    await waitUntil(() => source.loads.length === 1);
    source.last.push(pages(dataset(8, 'x'), 4)[0]!);
    const parent = el.parentElement!;
    el.remove();
    expect(source.loads[0]!.aborted).to.equal(true);
    await noneRunning(source);
    const renders = rendered.length;
    await aTimeout(100);
    expect(errors, 'an abort is no error').to.have.length(0);
    expect(rendered.length, 'nothing renders while detached').to.equal(renders);

    parent.append(el);
    await waitUntil(() => source.loads.length === 2, 'back in the page, it loads again');
    source.last.deliver(dataset(8, 'x'));
    await showing(el, 8);
    expect(banner(el)).to.equal(null);
    await noneRunning(source);
  });

  it('a push-down source whose answers come back out of order: only the newest request is shown', async () => {
    // Each query waits for the test; it ignores its abort signal, as a careless backend client may.
    const queries: { range: { from: number; to: number }; spec: ReportSpec; signal: AbortSignal; resolve: (result: ReportResult) => void }[] = [];
    const source: DataSource = {
      load: () => {
        throw new Error('a push-down source is never loaded');
      },
      query: (spec, context, signal) => new Promise<ReportResult>((resolve) => queries.push({ range: context.range, spec, signal, resolve })),
    };
    const answer = (prefix: string) => (query: (typeof queries)[number]) =>
      query.resolve({ reportId: query.spec.id, rows: [{ key: `${prefix}-agent`, label: prefix, value: 1, count: 1 }], total: { value: 1, count: 1 }, matched: 1 });
    const { el } = await mount(source, RANGE_A);
    await waitUntil(() => queries.length === 6, 'every tile asks');
    el.range = RANGE_B;
    await waitUntil(() => queries.length === 12, 'every tile asks again for the new range');
    expect(queries.slice(0, 6).every((q) => q.signal.aborted), 'the older queries are aborted').to.equal(true);
    queries.slice(6).forEach(answer('newer'));
    await waitUntil(() => tiles(el).every((t) => t.shownResult?.rows[0]?.key === 'newer-agent'), 'the newer answers are shown');
    // The older answers arrive last, and are dropped.
    queries.slice(0, 6).forEach(answer('older'));
    await aTimeout(100);
    expect(tiles(el).map((t) => t.shownResult?.rows[0]?.key)).to.deep.equal(Array(6).fill('newer-agent'));
    expectNeverShown('older');
  });

  it('an element moved while its reports are computing still shows them', async () => {
    // A push-down source whose answers the test releases: the tiles are caught mid-computation.
    const table = createTable(parseConversations(dataset(9, 'm')).conversations);
    const pending: { release: () => void; signal: AbortSignal }[] = [];
    const source: DataSource = {
      async *load() {},
      query: (spec, context, signal) =>
        new Promise<ReportResult>((resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          pending.push({ release: () => resolve(computeReport(table, spec, context)), signal });
        }),
    };
    const { el } = await mount(source);
    await waitUntil(() => pending.length === tiles(el).length && pending.length > 0, 'every tile asked');
    expect(tiles(el).some((t) => t.shownResult), 'caught before the results').to.equal(false);
    const target = document.createElement('div');
    el.parentElement!.append(target);
    target.append(el);
    // The move aborted the requests in flight; the tiles ask again once they are back on the page.
    await waitUntil(() => pending.filter((p) => !p.signal.aborted).length === tiles(el).length, 'the tiles asked again');
    for (const request of pending) if (!request.signal.aborted) request.release();
    await showing(el, 9);
  });
});
