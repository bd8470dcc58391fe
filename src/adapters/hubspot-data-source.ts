import type { Lookups, PropertyValue } from '../core/schema/conversation.ts';
import type { DateRange } from '../core/types.ts';
import { throwIfAborted, type DataPage, type DataSource, type LoadRequest } from './data-source.ts';
import { HttpRequestError, PageLoadError } from './errors.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { requestJson, resolveHttpOptions, type HttpOptions, type ResolvedHttpOptions } from './request-json.ts';

/** A thread as HubSpot Conversations v3 returns it (`GET /conversations/v3/conversations/threads`). */
export interface HubSpotThread {
  id: string;
  createdAt: string;
  closedAt?: string | null;
  status: string;
  originalChannelId?: string;
  originalChannelAccountId?: string;
  inboxId?: string;
  assignedTo?: string | null;
  associatedContactId?: string;
  spam?: boolean;
  archived?: boolean;
  latestMessageTimestamp?: string;
  threadAssociations?: { associatedTicketId?: string | null } | null;
}

/** A message of a thread (`GET …/threads/{threadId}/messages`). */
export interface HubSpotMessage {
  id: string;
  type: string;
  createdAt: string;
  direction?: string;
  createdBy?: string;
  subject?: string;
  senders?: { actorId?: string; name?: string; deliveryIdentifier?: { type?: string; value?: string } }[];
}

/** What the enrichment callback may add or override: chatflow and page URL are not on the thread object. */
export interface HubSpotEnrichment {
  chatflowId?: string | null;
  pageUrl?: string | null;
  subject?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  properties?: Record<string, PropertyValue>;
}

export interface HubSpotEnrichContext {
  /** The thread's messages, oldest first (only MESSAGE, COMMENT… as HubSpot gave them). */
  messages: readonly HubSpotMessage[];
  signal: AbortSignal;
}

export interface HubSpotDataSourceOptions extends HttpOptions {
  /**
   * The host's proxy in front of `https://api.hubapi.com`: requests go to
   * `<proxyUrl>/conversations/v3/conversations/…`; the proxy adds the private-app token. Never put
   * that token in the browser.
   */
  proxyUrl: string | URL;
  /** `originalChannelId` → channel. Default `{ '1000': 'chat', '1002': 'email' }` (HubSpot's live chat and email channels); other ids pass through as they are. */
  channels?: Record<string, string>;
  /** Chatflow, page URL and anything else a thread does not carry, from the host's own records. */
  enrich?: (thread: HubSpotThread, context: HubSpotEnrichContext) => HubSpotEnrichment | null | undefined | Promise<HubSpotEnrichment | null | undefined>;
  /** Threads whose messages are read at once. Default 4 (HubSpot limits requests per second). */
  messageConcurrency?: number;
  /** Threads per page, at most 500 (HubSpot's limit). Default 500. */
  pageSize?: number;
  /** Only this inbox (HubSpot filters one inbox per request). */
  inboxId?: string;
  /** Headers for the proxy (a session or CSRF token, never the HubSpot token); called before every attempt. */
  headers?: (request: { url: URL; attempt: number }) => HeadersInit | undefined | Promise<HeadersInit | undefined>;
  /** Resolve inbox and assignee names in `lookups()`. Default true. */
  names?: boolean;
}

export const HUBSPOT_DEFAULT_CHANNELS: Readonly<Record<string, string>> = Object.freeze({ '1000': 'chat', '1002': 'email' });

const API = 'conversations/v3/conversations/';
/** HubSpot's ids are numbers; anything else must not reach a URL path, where ".." would climb. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SAFE_ACTOR = /^A-[A-Za-z0-9_-]{1,64}$/;
const MAX_MESSAGE_PAGES = 100;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function time(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

function isAgent(message: HubSpotMessage): boolean {
  const senders = Array.isArray(message.senders) ? message.senders : [];
  if (senders.length > 0) return senders.some((sender) => typeof sender?.actorId === 'string' && sender.actorId.startsWith('A-'));
  return typeof message.createdBy === 'string' && message.createdBy.startsWith('A-');
}

/** Real messages (not comments or welcome messages) with a readable time, oldest first; equal times keep HubSpot's order. */
function conversationMessages(messages: readonly HubSpotMessage[]): HubSpotMessage[] {
  return messages
    .map((message, index) => ({ message, index, at: time(message?.createdAt) }))
    .filter((entry) => entry.message?.type === 'MESSAGE' && !Number.isNaN(entry.at))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.message);
}

/**
 * The first OUTGOING message sent by an agent (actor id `A-…`) after the first INCOMING one. Bots,
 * the system's welcome message, the AI customer agent (`L-…`) and internal comments do not count.
 */
export function firstAgentResponse(messages: readonly HubSpotMessage[]): string | null {
  const ordered = conversationMessages(messages);
  const incoming = ordered.findIndex((message) => message.direction === 'INCOMING');
  if (incoming < 0) return null;
  const reply = ordered.slice(incoming + 1).find((message) => message.direction === 'OUTGOING' && isAgent(message));
  return reply?.createdAt ?? null;
}

function firstIncoming(messages: readonly HubSpotMessage[]): HubSpotMessage | undefined {
  return conversationMessages(messages).find((message) => message.direction === 'INCOMING');
}

function contactOf(message: HubSpotMessage | undefined): { subject: string | null; contactName: string | null; contactEmail: string | null } {
  const sender = Array.isArray(message?.senders) ? message.senders[0] : undefined;
  const email = sender?.deliveryIdentifier?.type === 'HS_EMAIL_ADDRESS' ? text(sender.deliveryIdentifier.value) : null;
  return { subject: text(message?.subject), contactName: text(sender?.name), contactEmail: email };
}

/** Nothing of this thread can fall in the range: created after it, or every time it has is before it. */
function outsideRange(thread: Record<string, unknown>, range: DateRange): boolean {
  const created = time(thread.createdAt);
  if (created >= range.to) return true;
  const latest = time(thread.latestMessageTimestamp);
  if (Number.isNaN(latest)) return false;
  const closed = thread.closedAt === null || thread.closedAt === undefined ? Number.NEGATIVE_INFINITY : time(thread.closedAt);
  return !Number.isNaN(closed) && Math.max(created, latest, closed) < range.from;
}

/**
 * HubSpot Conversations v3 threads as conversations, read through a proxy the host runs (the proxy
 * holds the private-app token; the browser never does).
 *
 * Each thread maps to: `id`; `status` OPEN/CLOSED → open/closed; `assignedTo` → assigneeId;
 * `inboxId`; `createdAt`; `closedAt`; `originalChannelId` → channel through `channels`;
 * `threadAssociations.associatedTicketId` → ticketId (requested with `association=TICKET`).
 * `firstResponseAt` is the first OUTGOING message from an agent (actor id `A-…`) after the first
 * INCOMING message, read from the thread's messages, `messageConcurrency` threads at a time; the
 * first incoming message also gives subject and contact. Chatflow and page URL are not on a thread:
 * `enrich` supplies them. Archived and spam threads are left out, and so are threads with no time in
 * the range (their messages are not read). Pages follow `paging.next.after`.
 *
 * @example
 * ```ts
 * const source = new HubSpotDataSource({
 *   proxyUrl: '/api/hubspot',
 *   enrich: (thread) => chatStarts.get(thread.id) ?? null, // { chatflowId, pageUrl } from your own tracking
 * });
 * ```
 */
export class HubSpotDataSource implements DataSource {
  readonly #options: HubSpotDataSourceOptions;
  readonly #http: ResolvedHttpOptions;
  readonly #channels: Readonly<Record<string, string>>;
  readonly #concurrency: number;
  readonly #pageSize: number;
  /** Assignees met by loads, for their names. */
  readonly #assignees = new Set<string>();
  #running: Promise<void> | null = null;

  constructor(options: HubSpotDataSourceOptions) {
    if (options.proxyUrl === undefined || options.proxyUrl === '') throw new TypeError('HubSpotDataSource needs the proxyUrl of your server-side proxy.');
    this.#options = options;
    this.#http = resolveHttpOptions(options);
    this.#channels = { ...HUBSPOT_DEFAULT_CHANNELS, ...options.channels };
    this.#concurrency = options.messageConcurrency ?? 4;
    if (!Number.isInteger(this.#concurrency) || this.#concurrency < 1)
      throw new RangeError(`messageConcurrency must be a whole number ≥ 1, got ${options.messageConcurrency}`);
    this.#pageSize = options.pageSize ?? 500;
    if (!Number.isInteger(this.#pageSize) || this.#pageSize < 1 || this.#pageSize > 500)
      throw new RangeError(`pageSize must be a whole number from 1 to 500, got ${options.pageSize}`);
  }

  #url(path: string, params: Record<string, string | undefined> = {}): URL {
    const base = new URL(this.#options.proxyUrl, typeof location === 'undefined' ? undefined : location.href);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    const url = new URL(API + path, base);
    for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
    return url;
  }

  async #get(url: URL, signal: AbortSignal): Promise<unknown> {
    const hook = this.#options.headers;
    const { body } = await requestJson({ url, ...(hook ? { headers: (attempt: number) => hook({ url: new URL(url), attempt }) } : {}) }, this.#http, signal);
    return body;
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

  async *#pages({ range, signal }: LoadRequest): AsyncGenerator<DataPage, void, undefined> {
    throwIfAborted(signal);
    let after: string | undefined;
    const seen = new Set<string>();
    let loaded = 0;
    for (let page = 1; ; page++) {
      const url = this.#url('threads', {
        limit: String(this.#pageSize),
        association: 'TICKET',
        inboxId: this.#options.inboxId,
        after,
      });
      let body: unknown;
      try {
        body = await this.#get(url, signal);
      } catch (error) {
        throw this.#pageError(error, page, loaded);
      }
      const results = record(body)?.results;
      if (!Array.isArray(results)) throw new PageLoadError(page, 'malformed', 'expected `results`, a list of threads', { recordsLoaded: loaded });
      const threads: Record<string, unknown>[] = [];
      for (const [index, item] of results.entries()) {
        const thread = record(item);
        if (!thread || !SAFE_ID.test(text(thread.id) ?? ''))
          throw new PageLoadError(page, 'malformed', `thread ${index} has no usable id`, { recordsLoaded: loaded });
        if (thread.archived === true || thread.spam === true || outsideRange(thread, range)) continue;
        threads.push(thread);
      }
      let conversations: unknown[];
      try {
        conversations = await mapConcurrent(threads, this.#concurrency, (thread) => this.#conversation(thread, signal));
      } catch (error) {
        throw this.#pageError(error, page, loaded);
      }
      throwIfAborted(signal);
      yield { conversations };
      loaded += conversations.length;
      const next = record(record(record(body)?.paging)?.next)?.after;
      if (next === undefined || next === null || next === '') return;
      if (typeof next !== 'string' && typeof next !== 'number')
        throw new PageLoadError(page, 'malformed', '`paging.next.after` is not a cursor', { recordsLoaded: loaded });
      after = String(next);
      if (seen.has(after)) throw new PageLoadError(page, 'malformed', 'the paging cursor repeats an earlier one', { recordsLoaded: loaded });
      seen.add(after);
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

  async #messages(threadId: string, signal: AbortSignal): Promise<HubSpotMessage[]> {
    const messages: HubSpotMessage[] = [];
    const seen = new Set<string>();
    let after: string | undefined;
    for (let page = 0; page < MAX_MESSAGE_PAGES; page++) {
      const body = record(await this.#get(this.#url(`threads/${encodeURIComponent(threadId)}/messages`, { after }), signal));
      const results = body?.results;
      if (!Array.isArray(results)) throw new Error(`the messages of thread ${threadId} are not a list`);
      for (const item of results) if (record(item)) messages.push(item as HubSpotMessage);
      const next = record(record(body?.paging)?.next)?.after;
      if (next === undefined || next === null || next === '' || seen.has(String(next))) break;
      after = String(next);
      seen.add(after);
    }
    return messages;
  }

  async #conversation(thread: Record<string, unknown>, signal: AbortSignal): Promise<Record<string, unknown>> {
    const id = text(thread.id)!;
    const messages = await this.#messages(id, signal);
    const extra = (await this.#options.enrich?.(thread as unknown as HubSpotThread, { messages: conversationMessages(messages), signal })) ?? {};
    const status = text(thread.status);
    const channelId = text(thread.originalChannelId);
    const assignee = text(thread.assignedTo);
    if (assignee !== null) this.#assignees.add(assignee);
    const contact = contactOf(firstIncoming(messages));
    const pick = <K extends keyof HubSpotEnrichment>(key: K, fallback: HubSpotEnrichment[K] | null): HubSpotEnrichment[K] | null =>
      Object.hasOwn(extra, key) ? (extra[key] ?? null) : fallback;
    // Passed on as found: the kit validates every field and reports what is wrong with which thread.
    return {
      id,
      channel: channelId === null ? null : Object.hasOwn(this.#channels, channelId) ? this.#channels[channelId] : channelId,
      status: status === 'OPEN' ? 'open' : status === 'CLOSED' ? 'closed' : status,
      inboxId: text(thread.inboxId),
      assigneeId: assignee,
      createdAt: thread.createdAt,
      closedAt: thread.closedAt ?? null,
      firstResponseAt: firstAgentResponse(messages),
      ticketId: text(record(thread.threadAssociations)?.associatedTicketId),
      chatflowId: pick('chatflowId', null),
      pageUrl: pick('pageUrl', null),
      subject: pick('subject', contact.subject),
      contactName: pick('contactName', contact.contactName),
      contactEmail: pick('contactEmail', contact.contactEmail),
      properties: extra.properties ?? {},
    };
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
    const named = await mapConcurrent(ids, this.#concurrency, async (id) => {
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
        const next = record(record(body?.paging)?.next)?.after;
        if (next === undefined || next === null || next === '' || seen.has(String(next))) break;
        after = String(next);
        seen.add(after);
      }
    } catch (error) {
      if (signal.aborted) throw error;
    }
    return inboxes;
  }
}
