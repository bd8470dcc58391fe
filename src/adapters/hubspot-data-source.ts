import type { Lookups } from '../core/schema/conversation.ts';
import type { DateRange } from '../core/types.ts';
import { throwIfAborted, type DataPage, type DataSource, type LoadActivity, type LoadRequest } from './data-source.ts';
import { HttpRequestError, PageLoadError } from './errors.ts';
import { HUBSPOT_CACHE_FORMAT, type CachedThread, type HubSpotCache, type HubSpotCacheSnapshot } from './hubspot/hubspot-cache.ts';
import { hubspotGet, type HubSpotRequestOptions } from './hubspot/hubspot-request.ts';
import {
  conversationMessages,
  mapThread,
  messageFacts,
  record,
  text,
  threadFields,
  time,
  type HubSpotEnrichment,
  type HubSpotMappingOptions,
  type HubSpotMessage,
  type HubSpotThread,
} from './hubspot/map-thread.ts';
import { AdaptiveConcurrency, RateLimiter } from './hubspot/rate-limit.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { resolveHttpOptions, type HttpOptions, type ResolvedHttpOptions } from './request-json.ts';

export type { HubSpotEnrichment, HubSpotMessage, HubSpotThread } from './hubspot/map-thread.ts';
export { firstAgentResponse } from './hubspot/map-thread.ts';
export type { HubSpotCache, HubSpotCacheSnapshot } from './hubspot/hubspot-cache.ts';

export interface HubSpotEnrichContext {
  /** The thread's messages, oldest first (only `MESSAGE`s, as HubSpot gave them). */
  messages: readonly HubSpotMessage[];
  signal: AbortSignal;
}

export interface HubSpotDataSourceOptions extends HttpOptions {
  /**
   * The host's proxy in front of `https://api.hubapi.com`: requests go to
   * `<proxyUrl>/conversations/v3/conversations/…`; the proxy adds the private-app token
   * (`createHubSpotProxy` in `conversation-reports/server`). Never put that token in the browser.
   */
  proxyUrl: string | URL;
  /** `originalChannelId` → channel. Default `{ '1000': 'chat', '1002': 'email' }` (HubSpot's live chat and email channels); other ids pass through as they are. */
  channels?: Record<string, string>;
  /** Chatflow, page URL and anything else a thread does not carry, from the host's own records. */
  enrich?: (thread: HubSpotThread, context: HubSpotEnrichContext) => HubSpotEnrichment | null | undefined | Promise<HubSpotEnrichment | null | undefined>;
  /** Most threads whose messages are read at once; the source starts at 4 (or this, if lower) and adapts. Default 8. */
  messageConcurrency?: number;
  /** Threads per list request, at most 500 (HubSpot's limit). Default 500. */
  pageSize?: number;
  /** Only these inboxes (`inboxId` is repeatable in HubSpot's list request). */
  inboxId?: string | readonly string[];
  /** Headers for the proxy (a session or CSRF token, never the HubSpot token); called before every attempt. */
  headers?: (request: { url: URL; attempt: number }) => HeadersInit | undefined | Promise<HeadersInit | undefined>;
  /** Resolve inbox and assignee names in `lookups()`. Default true. */
  names?: boolean;
  /** Count replies an integration sent as an agent (`client.clientType` INTEGRATION) as first responses. Default false: they are auto-replies. */
  countIntegrations?: boolean;
  /**
   * Keeps the portal's conversations between loads (`IndexedDbHubSpotCache` in the browser): a later
   * load reads only the threads whose latest message is newer than the last sync.
   */
  cache?: HubSpotCache;
  /**
   * With a cache, a load lists every thread again (still rereading only those with new messages)
   * when the last full listing is older than this, so that a thread closed, reassigned or moved
   * without a new message is updated too. Default 3 600 000 (1 h): 1 request per 500 threads.
   */
  relistAfterMs?: number;
  /** Conversations per yielded page while messages are read. Default 50. */
  batchSize?: number;
  /** Share of HubSpot's rate limit left unused, for latency and the portal's other users. Default 0.1. */
  rateLimitReserve?: number;
}

export const HUBSPOT_DEFAULT_CHANNELS: Readonly<Record<string, string>> = Object.freeze({ '1000': 'chat', '1002': 'email' });

const API = 'conversations/v3/conversations/';
/** HubSpot's ids are numbers; anything else must not reach a URL path, where ".." would climb. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SAFE_ACTOR = /^A-[A-Za-z0-9_-]{1,64}$/;
const MAX_MESSAGE_PAGES = 100;
/** An incremental listing starts this long before the last sync: clocks of browser and HubSpot differ. */
export const HUBSPOT_SYNC_OVERLAP_MS = 5 * 60_000;

/** Nothing of this thread can fall in the window: created after it, or every time it has is before it. */
function outsideWindow(thread: Record<string, unknown>, window: DateRange): boolean {
  const created = time(thread.createdAt);
  if (created >= window.to) return true;
  const latest = time(thread.latestMessageTimestamp);
  if (Number.isNaN(latest)) return false;
  const closed = thread.closedAt === null || thread.closedAt === undefined ? Number.NEGATIVE_INFINITY : time(thread.closedAt);
  return !Number.isNaN(closed) && Math.max(created, latest, closed) < window.from;
}

/** A cached conversation that may have a time in the range (the core filters exactly). */
function servesRange(entry: CachedThread, range: DateRange): boolean {
  const conversation = entry.conversation;
  const times = [conversation.createdAt, conversation.closedAt, conversation.firstResponseAt, entry.latest].map(time).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return true;
  return Math.min(...times) < range.to && Math.max(...times) >= range.from;
}

/** Runs `work` over `items` with as many in flight as `concurrency.limit` says at each start. */
function mapAdaptive<T>(items: readonly T[], concurrency: AdaptiveConcurrency, work: (item: T) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let active = 0;
    let failed = false;
    const pump = (): void => {
      if (failed) return;
      if (next >= items.length && active === 0) return resolve();
      while (active < concurrency.limit && next < items.length) {
        const item = items[next++]!;
        active++;
        work(item).then(
          () => {
            active--;
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    pump();
  });
}

/** The cursor of a list's next page, kept in `seen`; undefined at the end (none, or one seen before). */
function nextAfter(body: Record<string, unknown> | null, seen: Set<string>): string | undefined {
  const next = record(record(body?.paging)?.next)?.after;
  if (next === undefined || next === null || next === '' || seen.has(String(next))) return undefined;
  const after = String(next);
  seen.add(after);
  return after;
}

/**
 * HubSpot Conversations v3 threads as conversations, read through a proxy the host runs (the proxy
 * holds the private-app token; the browser never does).
 *
 * A load lists the threads (500 a request), then reads each relevant thread's messages, paced under
 * HubSpot's rolling rate limit as its `X-HubSpot-RateLimit-*` headers report it, and yields the
 * conversations in batches as they are read. A 429 waits out the window and tries again for as
 * long as the load's signal lives. With a `cache`, the first load keeps every conversation with
 * activity since the range's start; a later load lists only threads whose latest message is newer
 * than the last sync (`sort=latestMessageTimestamp&latestMessageTimestampAfter=…`), reads the
 * messages of those that changed, and serves the rest from the cache. Calling `load()` again is
 * the re-sync.
 *
 * Mapping (DESIGN.md): `createdAt` is the first INCOMING message (the thread's own creation when
 * there is none); `firstResponseAt` the first OUTGOING message after it by a team member (`A-`
 * actor, `createdBy` when senders carry no actor id), not a bot (`B-`), the AI agent (`L-`), the
 * system or an integration (`client.clientType`), a welcome message or a comment.
 *
 * @example
 * ```ts
 * const source = new HubSpotDataSource({
 *   proxyUrl: '/api/hubspot',
 *   cache: new IndexedDbHubSpotCache({ portalId: '1234567', userId: currentUser.id }),
 *   enrich: (thread) => chatStarts.get(thread.id) ?? null, // { chatflowId, pageUrl } from your own tracking
 * });
 * ```
 */
export class HubSpotDataSource implements DataSource {
  readonly #options: HubSpotDataSourceOptions;
  readonly #http: ResolvedHttpOptions;
  readonly #mapping: HubSpotMappingOptions;
  readonly #pageSize: number;
  readonly #batchSize: number;
  readonly #relistAfterMs: number;
  readonly #limiter: RateLimiter;
  readonly #concurrency: AdaptiveConcurrency;
  readonly #inboxIds: readonly string[];
  readonly #settings: string;
  /** Assignees met by loads, for their names. */
  readonly #assignees = new Set<string>();
  #running: Promise<void> | null = null;
  #lastSyncedAt: number | null = null;
  #waitingListeners = new Set<() => void>();

  constructor(options: HubSpotDataSourceOptions) {
    if (options.proxyUrl === undefined || options.proxyUrl === '') throw new TypeError('HubSpotDataSource needs the proxyUrl of your server-side proxy.');
    this.#options = options;
    this.#http = resolveHttpOptions(options);
    this.#mapping = { channels: { ...HUBSPOT_DEFAULT_CHANNELS, ...options.channels }, countIntegrations: options.countIntegrations === true };
    const ceiling = options.messageConcurrency ?? 8;
    if (!Number.isInteger(ceiling) || ceiling < 1) throw new RangeError(`messageConcurrency must be a whole number ≥ 1, got ${options.messageConcurrency}`);
    this.#concurrency = new AdaptiveConcurrency(4, ceiling);
    this.#pageSize = options.pageSize ?? 500;
    if (!Number.isInteger(this.#pageSize) || this.#pageSize < 1 || this.#pageSize > 500)
      throw new RangeError(`pageSize must be a whole number from 1 to 500, got ${options.pageSize}`);
    this.#relistAfterMs = options.relistAfterMs ?? 3_600_000;
    if (!(this.#relistAfterMs >= 0)) throw new RangeError(`relistAfterMs must be a number ≥ 0, got ${options.relistAfterMs}`);
    this.#batchSize = options.batchSize ?? 50;
    if (!Number.isInteger(this.#batchSize) || this.#batchSize < 1) throw new RangeError(`batchSize must be a whole number ≥ 1, got ${options.batchSize}`);
    const inboxes = options.inboxId === undefined ? [] : typeof options.inboxId === 'string' ? [options.inboxId] : [...options.inboxId];
    for (const id of inboxes) if (!SAFE_ID.test(id)) throw new TypeError(`inboxId ${JSON.stringify(id)} is not a HubSpot id`);
    this.#inboxIds = inboxes;
    this.#limiter = new RateLimiter(this.#http.sleep, this.#http.now, {
      ...(options.rateLimitReserve === undefined ? {} : { reserve: options.rateLimitReserve }),
      onWaitingChange: () => this.#waitingListeners.forEach((listener) => listener()),
    });
    this.#settings = JSON.stringify({
      channels: Object.entries(this.#mapping.channels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      inboxes: [...inboxes].sort(),
      countIntegrations: this.#mapping.countIntegrations,
    });
  }

  /** Epoch ms when the last complete load began reading (what "Updated 2 min ago" shows); null before one. */
  get lastSyncedAt(): number | null {
    return this.#lastSyncedAt;
  }

  /** How many threads' messages are read at once right now (it adapts to HubSpot's answers). */
  get messageConcurrency(): number {
    return this.#concurrency.limit;
  }

  /** Forgets the cached conversations: the next load reads the portal in full. */
  async clearCache(): Promise<void> {
    await this.#options.cache?.clear();
  }

  #url(path: string, params: Record<string, string | readonly string[] | undefined> = {}): URL {
    const base = new URL(this.#options.proxyUrl, typeof location === 'undefined' ? undefined : location.href);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    const url = new URL(API + path, base);
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const one of typeof value === 'string' ? [value] : value) url.searchParams.append(key, one);
    }
    return url;
  }

  get #request(): HubSpotRequestOptions {
    return { http: this.#http, limiter: this.#limiter, concurrency: this.#concurrency, headers: this.#options.headers };
  }

  #get(url: URL, signal: AbortSignal): Promise<unknown> {
    return hubspotGet(url, this.#request, signal);
  }

  load(request: LoadRequest): AsyncGenerator<DataPage, void, undefined> {
    const pages = this.#pages(request);
    // Marks the load as running for lookups(), which names the assignees it meets.
    let finish!: () => void;
    const running = new Promise<void>((resolve) => (finish = resolve));
    const source = this;
    return (async function* () {
      source.#running = running;
      try {
        yield* pages;
      } finally {
        finish();
        if (source.#running === running) source.#running = null;
      }
    })();
  }

  async #readCache(): Promise<HubSpotCacheSnapshot | null> {
    const cache = this.#options.cache;
    if (!cache) return null;
    try {
      const snapshot = await cache.read();
      // Made with another mapping (channels, inboxes, integrations): its conversations would be wrong now.
      return snapshot !== null && snapshot.settings === this.#settings ? snapshot : null;
    } catch {
      return null;
    }
  }

  async *#pages({ range, signal: outer }: LoadRequest): AsyncGenerator<DataPage, void, undefined> {
    throwIfAborted(outer);
    // Message reads still in flight stop when the consumer stops early, not only when it aborts.
    const controller = new AbortController();
    const stop = () => controller.abort(outer.reason);
    outer.addEventListener('abort', stop, { once: true });
    const signal = controller.signal;
    try {
      yield* this.#sync(range, signal);
    } finally {
      outer.removeEventListener('abort', stop);
      if (!controller.signal.aborted) controller.abort(new DOMException('The load ended.', 'AbortError'));
    }
  }

  async *#sync(range: DateRange, signal: AbortSignal): AsyncGenerator<DataPage, void, undefined> {
    const startedAt = this.#http.now();
    const snapshot = await this.#readCache();
    throwIfAborted(signal);
    const caching = this.#options.cache !== undefined;
    const incremental = snapshot !== null && snapshot.coverageFrom <= range.from && startedAt - snapshot.listedAt < this.#relistAfterMs;
    // A full listing within what the cache covers keeps its coverage; one reaching earlier extends it.
    const coverageFrom = Math.min(range.from, snapshot?.coverageFrom ?? range.from);
    const cached = new Map((snapshot?.threads ?? []).map((entry) => [entry.id, entry]));

    // 1. The list of threads: all of them, or (incremental) those whose latest message is new.
    const listed: Record<string, unknown>[] = [];
    const gone = new Set<string>();
    // With a cache, threads created after the range are kept too: a later range will want them.
    const window = { from: coverageFrom, to: caching ? Number.POSITIVE_INFINITY : range.to };
    const since = incremental ? new Date(Math.max(0, snapshot.syncedAt - HUBSPOT_SYNC_OVERLAP_MS)).toISOString() : undefined;
    let page = 0;
    for await (const threads of this.#listThreads(since, signal, () => ++page)) {
      for (const thread of threads) {
        const id = text(thread.id)!;
        if (thread.archived === true || thread.spam === true) gone.add(id);
        else if (!outsideWindow(thread, window)) listed.push(thread);
      }
      yield { conversations: [], activity: this.#activity('listing', listed.length, null) };
    }

    // 2. What changed: a thread whose latest message is the one it was read at keeps its messages' facts.
    const next = new Map<string, CachedThread>();
    if (incremental) for (const [id, entry] of cached) if (!gone.has(id)) next.set(id, entry);
    const toRead: Record<string, unknown>[] = [];
    for (const thread of listed) {
      const id = text(thread.id)!;
      const latest = text(thread.latestMessageTimestamp);
      const before = cached.get(id);
      if (before && latest !== null && before.latest === latest) {
        next.set(id, { id, latest, conversation: { ...before.conversation, ...threadFields(thread, this.#mapping) } });
      } else {
        next.delete(id);
        toRead.push(thread);
      }
    }
    const served = [...next.values()].filter((entry) => servesRange(entry, range)).map((entry) => entry.conversation);
    for (const conversation of served) {
      const assignee = text(conversation.assigneeId);
      if (assignee !== null) this.#assignees.add(assignee);
    }
    // Threads read only for the cache (created after the range) are kept, not yielded.
    const shown = new Set(toRead.filter((thread) => !outsideWindow(thread, range)).map((thread) => text(thread.id)!));
    const total = served.length + shown.size;
    for (let start = 0; start < served.length; start += 500)
      yield { conversations: served.slice(start, start + 500), total, activity: this.#activity('reading', 0, toRead.length) };

    // 3. The messages of what changed, paced; each batch is yielded as soon as it is read.
    yield* this.#readMessages(toRead, shown, next, total, signal, page);

    const threads = [...next.values()];
    this.#lastSyncedAt = startedAt;
    if (caching) {
      const fresh: HubSpotCacheSnapshot = {
        format: HUBSPOT_CACHE_FORMAT,
        syncedAt: startedAt,
        coverageFrom,
        listedAt: incremental ? snapshot.listedAt : startedAt,
        settings: this.#settings,
        threads,
      };
      try {
        await this.#options.cache!.write(fresh);
      } catch {
        // A cache that cannot be written costs the next load its shortcut, nothing more.
      }
    }
  }

  #activity(step: LoadActivity['step'], done: number, of: number | null): LoadActivity {
    return { step, done, of, waiting: this.#limiter.waiting ? 'rate-limit' : null, service: 'HubSpot' };
  }

  async *#listThreads(since: string | undefined, signal: AbortSignal, nextPage: () => number): AsyncGenerator<Record<string, unknown>[], void, undefined> {
    let after: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = nextPage();
      const url = this.#url('threads', {
        limit: String(this.#pageSize),
        association: 'TICKET',
        inboxId: this.#inboxIds,
        ...(since === undefined ? {} : { sort: 'latestMessageTimestamp', latestMessageTimestampAfter: since }),
        after,
      });
      let body: unknown;
      try {
        body = await this.#get(url, signal);
      } catch (error) {
        throw this.#pageError(error, page, 0);
      }
      const results = record(body)?.results;
      if (!Array.isArray(results)) throw new PageLoadError(page, 'malformed', 'expected `results`, a list of threads', { recordsLoaded: 0 });
      const threads: Record<string, unknown>[] = [];
      for (const [index, item] of results.entries()) {
        const thread = record(item);
        if (!thread || !SAFE_ID.test(text(thread.id) ?? '')) throw new PageLoadError(page, 'malformed', `thread ${index} has no usable id`, { recordsLoaded: 0 });
        threads.push(thread);
      }
      yield threads;
      const next = record(record(record(body)?.paging)?.next)?.after;
      if (next === undefined || next === null || next === '') return;
      if (typeof next !== 'string' && typeof next !== 'number') throw new PageLoadError(page, 'malformed', '`paging.next.after` is not a cursor', { recordsLoaded: 0 });
      after = String(next);
      if (seen.has(after)) throw new PageLoadError(page, 'malformed', 'the paging cursor repeats an earlier one', { recordsLoaded: 0 });
      seen.add(after);
    }
  }

  async *#readMessages(
    toRead: readonly Record<string, unknown>[],
    shown: ReadonlySet<string>,
    next: Map<string, CachedThread>,
    total: number,
    signal: AbortSignal,
    pagesBefore: number,
  ): AsyncGenerator<DataPage, void, undefined> {
    const queue: Record<string, unknown>[] = [];
    let done = 0;
    let finished = toRead.length === 0;
    let failure: unknown = null;
    let wake: (() => void) | null = null;
    const notify = () => {
      const resolve = wake;
      wake = null;
      resolve?.();
    };
    this.#waitingListeners.add(notify);
    void mapAdaptive(toRead, this.#concurrency, async (thread) => {
      const conversation = await this.#conversation(thread, signal);
      const id = text(thread.id)!;
      next.set(id, { id, latest: text(thread.latestMessageTimestamp), conversation });
      if (shown.has(id)) queue.push(conversation);
      done++;
      if (queue.length >= this.#batchSize) notify();
    }).then(
      () => {
        finished = true;
        notify();
      },
      (error: unknown) => {
        failure = error;
        finished = true;
        notify();
      },
    );
    let loaded = total - shown.size;
    let shownWaiting = this.#limiter.waiting;
    let page = pagesBefore;
    try {
      for (;;) {
        const waiting = this.#limiter.waiting;
        // A partial batch goes out when the pacer starts holding: the wait is idle time anyway.
        if (queue.length >= this.#batchSize || (queue.length > 0 && (finished || (waiting && !shownWaiting)))) {
          const batch = queue.splice(0, this.#batchSize);
          shownWaiting = waiting;
          page++;
          yield { conversations: batch, total, activity: this.#activity('reading', done, toRead.length) };
          loaded += batch.length;
          continue;
        }
        if (finished) break;
        if (waiting !== shownWaiting) {
          shownWaiting = waiting;
          yield { conversations: [], total, activity: this.#activity('reading', done, toRead.length) };
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      // Reads still in flight when the consumer stops early are aborted by #pages.
      this.#waitingListeners.delete(notify);
    }
    if (failure !== null) {
      if (signal.aborted) throw signal.reason;
      throw this.#pageError(failure, page + 1, loaded);
    }
  }

  #pageError(error: unknown, page: number, loaded: number): unknown {
    if (error instanceof PageLoadError) return error;
    if (error instanceof HttpRequestError) {
      return new PageLoadError(page, error.failure === 'invalid-json' ? 'malformed' : error.failure, error.message, {
        url: error.url,
        recordsLoaded: loaded,
        cause: error,
        ...(error.status === undefined ? {} : { status: error.status }),
      });
    }
    return error;
  }

  /** Every message of a thread, following `paging.next.after` (HubSpot lists newest first; the order is restored by time). */
  async #messages(threadId: string, signal: AbortSignal): Promise<HubSpotMessage[]> {
    const messages: HubSpotMessage[] = [];
    const seen = new Set<string>();
    let after: string | undefined;
    for (let page = 0; page < MAX_MESSAGE_PAGES; page++) {
      const body = record(await this.#get(this.#url(`threads/${encodeURIComponent(threadId)}/messages`, { after }), signal));
      const results = body?.results;
      if (!Array.isArray(results)) throw new Error(`the messages of thread ${threadId} are not a list`);
      for (const item of results) if (record(item)) messages.push(item as HubSpotMessage);
      after = nextAfter(body, seen);
      if (after === undefined) break;
    }
    return messages;
  }

  async #conversation(thread: Record<string, unknown>, signal: AbortSignal): Promise<Record<string, unknown>> {
    const id = text(thread.id)!;
    const messages = await this.#messages(id, signal);
    const extra = (await this.#options.enrich?.(thread as unknown as HubSpotThread, { messages: conversationMessages(messages), signal })) ?? {};
    const assignee = text(thread.assignedTo);
    if (assignee !== null) this.#assignees.add(assignee);
    return mapThread(thread, messageFacts(messages, this.#mapping), extra, this.#mapping);
  }

  /**
   * Inbox names, and the names of the assignees that the load running alongside met (the dashboard
   * asks for lookups as a load starts). A name that cannot be read leaves the id shown instead.
   */
  async lookups(signal: AbortSignal): Promise<Lookups> {
    throwIfAborted(signal);
    if (this.#options.names === false) return { assignees: [], inboxes: [], chatflows: [] };
    const inboxes = this.#inboxes(signal);
    // The dashboard starts the load right after asking; give it a turn to begin.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.#running;
    throwIfAborted(signal);
    const ids = [...this.#assignees].filter((id) => SAFE_ACTOR.test(id));
    const named = await mapConcurrent(ids, 4, async (id) => {
      try {
        const actor = record(await this.#get(this.#url(`actors/${encodeURIComponent(id)}`), signal));
        const name = text(actor?.name);
        return name === null ? null : { id, name };
      } catch (error) {
        if (signal.aborted) throw error;
        return null;
      }
    });
    return { assignees: named.filter((entry) => entry !== null), inboxes: await inboxes, chatflows: [] };
  }

  async #inboxes(signal: AbortSignal): Promise<{ id: string; name: string }[]> {
    const inboxes: { id: string; name: string }[] = [];
    const seen = new Set<string>();
    let after: string | undefined;
    try {
      for (let page = 0; page < MAX_MESSAGE_PAGES; page++) {
        const body = record(await this.#get(this.#url('inboxes', { after }), signal));
        for (const item of Array.isArray(body?.results) ? body.results : []) {
          const id = text(record(item)?.id);
          const name = text(record(item)?.name);
          if (id !== null && name !== null) inboxes.push({ id, name });
        }
        after = nextAfter(body, seen);
        if (after === undefined) break;
      }
    } catch (error) {
      if (signal.aborted) throw error;
    }
    return inboxes;
  }
}
