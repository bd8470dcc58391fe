/**
 * Test support: HubSpot's Conversations v3 API as its public spec describes it (the generated SDKs'
 * `PublicThread`, `PublicMessage` union, `PublicClient`, `PublicSender`, `ForwardPaging`), served
 * as a `fetch`, with HubSpot's rolling rate limit and the `X-HubSpot-RateLimit-*` headers on a
 * clock the test controls. No DOM and no Node APIs: Node tests and browser tests both use it.
 *
 * - `GET …/threads`: `limit` (≤ 500, default 100), `after`, `archived` (only archived when `true`,
 *   else only not archived), `inboxId` (repeatable), `association=TICKET` (adds
 *   `threadAssociations` where a ticket is linked), `sort` = `id` (default, ascending) or
 *   `latestMessageTimestamp` (ascending; 400 without `latestMessageTimestampAfter`), and
 *   `latestMessageTimestampAfter` (threads whose latest message is at or after it).
 * - `GET …/threads/{id}/messages`: newest first (`sort=-createdAt`, the default) or oldest first
 *   (`sort=createdAt`), `messagePageSize` a page, `after`.
 * - `GET …/inboxes`, `GET …/actors/{id}`.
 * - Every answer carries `X-HubSpot-RateLimit-Max`, `-Remaining`, `-Interval-Milliseconds` (and
 *   the daily pair); past the limit, 429 with `policyName: TEN_SECONDLY_ROLLING` and no
 *   `Retry-After`, as HubSpot answers private apps.
 */
import type { Sleep } from '../request-json.ts';
import { seededRandom as random } from '../../../test/fixtures/seeded-random.ts';

export type SpecMessage = Record<string, unknown> & { id: string; type: string; createdAt: string };
export type SpecThread = Record<string, unknown> & { id: string; createdAt: string; status: 'OPEN' | 'CLOSED'; inboxId: string };

export interface FakeHubSpotOptions {
  now: () => number;
  /** Holds each answer `latencyMs` on this clock (the request counts against the limit when it arrives). */
  sleep?: Sleep;
  latencyMs?: number;
  /** The rolling limit; none when absent. */
  rateLimit?: { max: number; intervalMs: number };
  /** Messages per page. Default 25. */
  messagePageSize?: number;
}

export interface FakeRequest {
  path: string;
  query: URLSearchParams;
  at: number;
  status: number;
}

const API = '/conversations/v3/conversations/';

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json;charset=utf-8', ...headers } });
}

function page<T>(items: readonly T[], query: URLSearchParams, size: number): { results: T[]; paging?: { next: { after: string; link: string } } } {
  const start = query.get('after') === null ? 0 : Number.parseInt(atob(query.get('after')!), 10);
  const end = Math.min(items.length, start + size);
  const results = items.slice(start, end);
  if (end >= items.length) return { results };
  const after = btoa(String(end));
  return { results, paging: { next: { after, link: `?after=${after}` } } };
}

export class FakeHubSpot {
  readonly threads = new Map<string, SpecThread>();
  readonly messages = new Map<string, SpecMessage[]>();
  readonly inboxes: { id: string; name: string }[] = [];
  readonly actors = new Map<string, { id: string; name: string; type: string }>();
  readonly requests: FakeRequest[] = [];
  /** Threads with a ticket (shown with `association=TICKET`). */
  readonly tickets = new Map<string, string>();
  /** Requests in flight right now, and the most seen at once, per kind. */
  inFlight = 0;
  mostInFlight = 0;
  #window: number[] = [];
  readonly #options: FakeHubSpotOptions;

  constructor(options: FakeHubSpotOptions) {
    this.#options = options;
  }

  /** Adds a thread and its messages; `latestMessageTimestamp` is computed from the messages unless given. */
  add(thread: SpecThread, messages: SpecMessage[] = [], ticketId?: string): void {
    const times = messages.map((message) => Date.parse(message.createdAt));
    const given = thread.latestMessageTimestamp;
    const latest = typeof given === 'string' ? given : new Date(Math.max(Date.parse(thread.createdAt), ...times)).toISOString();
    this.threads.set(thread.id, { archived: false, spam: false, ...thread, latestMessageTimestamp: latest });
    this.messages.set(thread.id, [...messages]);
    if (ticketId !== undefined) this.tickets.set(thread.id, ticketId);
  }

  /** A new message on a thread, which moves its latest-message time (what an incremental sync looks for). */
  post(threadId: string, message: SpecMessage): void {
    const thread = this.threads.get(threadId)!;
    this.messages.get(threadId)!.push(message);
    const latest = Math.max(Date.parse(String(thread.latestMessageTimestamp)), Date.parse(message.createdAt));
    thread.latestMessageTimestamp = new Date(latest).toISOString();
  }

  count(kind: 'threads' | 'messages' | 'inboxes' | 'actors' | 'all', status?: number): number {
    return this.requests.filter((request) => {
      if (status !== undefined && request.status !== status) return false;
      if (kind === 'all') return true;
      if (kind === 'messages') return /^threads\/[^/]+\/messages$/.test(request.path);
      if (kind === 'threads') return request.path === 'threads';
      return request.path.startsWith(kind);
    }).length;
  }

  #limits(): { headers: Record<string, string>; limited: boolean } {
    const limit = this.#options.rateLimit;
    if (!limit) return { headers: {}, limited: false };
    const now = this.#options.now();
    this.#window = this.#window.filter((at) => at > now - limit.intervalMs);
    const limited = this.#window.length >= limit.max;
    if (!limited) this.#window.push(now);
    return {
      limited,
      headers: {
        'X-HubSpot-RateLimit-Max': String(limit.max),
        'X-HubSpot-RateLimit-Remaining': String(Math.max(0, limit.max - this.#window.length)),
        'X-HubSpot-RateLimit-Interval-Milliseconds': String(limit.intervalMs),
        'X-HubSpot-RateLimit-Daily': '250000',
        'X-HubSpot-RateLimit-Daily-Remaining': '249000',
      },
    };
  }

  readonly fetch: typeof fetch = async (input, init = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const at = url.pathname.indexOf(API);
    const path = at < 0 ? url.pathname : url.pathname.slice(at + API.length);
    const entry: FakeRequest = { path, query: url.searchParams, at: this.#options.now(), status: 0 };
    this.requests.push(entry);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const { headers, limited } = this.#limits();
    this.inFlight++;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    try {
      if (this.#options.sleep && this.#options.latencyMs) await this.#options.sleep(this.#options.latencyMs, signal ?? new AbortController().signal);
    } finally {
      this.inFlight--;
    }
    if (limited) {
      entry.status = 429;
      return respond(
        429,
        {
          status: 'error',
          message: 'You have reached your ten_secondly_rolling limit.',
          errorType: 'RATE_LIMIT',
          correlationId: '00000000-0000-0000-0000-000000000000',
          policyName: 'TEN_SECONDLY_ROLLING',
        },
        headers,
      );
    }
    const [status, body] = at < 0 || (init.method ?? 'GET') !== 'GET' ? [404, { status: 'error', message: 'Not found' }] : this.#answer(path, url.searchParams);
    entry.status = status;
    return respond(status, body, headers);
  };

  #answer(path: string, query: URLSearchParams): [number, unknown] {
    if (path === 'threads') {
      const sort = query.get('sort') ?? 'id';
      const after = query.get('latestMessageTimestampAfter');
      if (sort === 'latestMessageTimestamp' && after === null)
        return [400, { status: 'error', message: 'latestMessageTimestampAfter is required when sorting by latestMessageTimestamp', category: 'VALIDATION_ERROR' }];
      if (sort !== 'id' && sort !== 'latestMessageTimestamp') return [400, { status: 'error', message: `Invalid sort: ${sort}`, category: 'VALIDATION_ERROR' }];
      const since = after === null ? Number.NEGATIVE_INFINITY : Date.parse(after);
      const archived = query.get('archived') === 'true';
      const inboxes = query.getAll('inboxId');
      const withTickets = query.getAll('association').includes('TICKET');
      const limit = Math.min(500, Number(query.get('limit') ?? 100));
      const list = [...this.threads.values()]
        .filter((thread) => thread.archived === archived)
        .filter((thread) => inboxes.length === 0 || inboxes.includes(thread.inboxId))
        .filter((thread) => Date.parse(String(thread.latestMessageTimestamp)) >= since)
        .sort((a, b) =>
          sort === 'id'
            ? Number(a.id) - Number(b.id)
            : Date.parse(String(a.latestMessageTimestamp)) - Date.parse(String(b.latestMessageTimestamp)) || Number(a.id) - Number(b.id),
        )
        .map((thread) => {
          const ticket = this.tickets.get(thread.id);
          return withTickets && ticket !== undefined ? { ...thread, threadAssociations: { associatedTicketId: ticket } } : { ...thread };
        });
      return [200, page(list, query, limit)];
    }
    const messages = /^threads\/([^/]+)\/messages$/.exec(path);
    if (messages) {
      const list = this.messages.get(decodeURIComponent(messages[1]!));
      if (!list) return [404, { status: 'error', message: 'Thread not found', category: 'OBJECT_NOT_FOUND' }];
      const ascending = query.get('sort') === 'createdAt';
      const ordered = [...list].sort((a, b) => (Date.parse(a.createdAt) - Date.parse(b.createdAt)) * (ascending ? 1 : -1));
      return [200, page(ordered, query, this.#options.messagePageSize ?? 25)];
    }
    if (path === 'inboxes') return [200, { total: this.inboxes.length, ...page(this.inboxes, query, 100) }];
    const actor = /^actors\/([^/]+)$/.exec(path);
    if (actor) {
      const found = this.actors.get(decodeURIComponent(actor[1]!));
      return found ? [200, found] : [404, { status: 'error', message: 'Actor not found', category: 'OBJECT_NOT_FOUND' }];
    }
    return [404, { status: 'error', message: 'Not found' }];
  }
}

// ——— Builders in the spec's shapes ———

const iso = (ms: number) => new Date(ms).toISOString();

let nextMessageId = 1;

interface MessageOptions {
  at: number;
  threadId: string;
  actorId?: string | null;
  createdBy?: string;
  clientType?: 'HUBSPOT' | 'SYSTEM' | 'INTEGRATION' | 'UNKNOWN';
  channelId?: string;
  subject?: string;
  name?: string;
  email?: string;
}

function common(type: string, options: MessageOptions): SpecMessage {
  const actorId = options.actorId === undefined ? 'V-1' : options.actorId;
  const sender: Record<string, unknown> = {};
  if (actorId !== null) sender.actorId = actorId;
  if (options.name !== undefined) sender.name = options.name;
  if (options.email !== undefined) sender.deliveryIdentifier = { type: 'HS_EMAIL_ADDRESS', value: options.email };
  return {
    id: String(nextMessageId++),
    type,
    archived: false,
    conversationsThreadId: options.threadId,
    createdAt: iso(options.at),
    createdBy: options.createdBy ?? actorId ?? 'S-hubspot',
    client: { clientType: options.clientType ?? 'HUBSPOT' },
    senders: [sender],
    recipients: [],
  };
}

/** A `MESSAGE` (`PublicConversationsMessage`). */
export function specMessage(direction: 'INCOMING' | 'OUTGOING', options: MessageOptions): SpecMessage {
  return {
    ...common('MESSAGE', options),
    direction,
    channelId: options.channelId ?? '1000',
    channelAccountId: '55',
    text: direction === 'INCOMING' ? 'Hello?' : 'Hi, how can I help?',
    truncationStatus: 'NOT_TRUNCATED',
    attachments: [],
    ...(options.subject === undefined ? {} : { subject: options.subject }),
  };
}

/** A `COMMENT` (an internal note). */
export function specComment(options: MessageOptions): SpecMessage {
  return { ...common('COMMENT', options), text: 'internal', richText: '<p>internal</p>', attachments: [] };
}

/** A `WELCOME_MESSAGE`. */
export function specWelcome(options: Omit<MessageOptions, 'actorId'>): SpecMessage {
  return { ...common('WELCOME_MESSAGE', { ...options, actorId: 'S-hubspot' }), channelId: '1000', channelAccountId: '55', text: 'Welcome!' };
}

/** An `ASSIGNMENT`. */
export function specAssignment(options: Omit<MessageOptions, 'actorId'> & { assignedTo: string }): SpecMessage {
  return { ...common('ASSIGNMENT', { ...options, actorId: 'S-hubspot', clientType: 'SYSTEM' }), assignedTo: options.assignedTo };
}

/** A `THREAD_STATUS_CHANGE`. */
export function specStatusChange(options: Omit<MessageOptions, 'actorId'> & { newStatus: 'OPEN' | 'CLOSED'; actorId?: string }): SpecMessage {
  return { ...common('THREAD_STATUS_CHANGE', { ...options, actorId: options.actorId ?? 'S-hubspot' }), newStatus: options.newStatus };
}

export function specThread(id: string, options: { at: number; status?: 'OPEN' | 'CLOSED'; closedAt?: number | null; inboxId?: string; channelId?: string; assignedTo?: string }): SpecThread {
  const status = options.status ?? (options.closedAt ? 'CLOSED' : 'OPEN');
  return {
    id,
    createdAt: iso(options.at),
    ...(options.closedAt ? { closedAt: iso(options.closedAt) } : {}),
    status,
    originalChannelId: options.channelId ?? '1000',
    originalChannelAccountId: '55',
    inboxId: options.inboxId ?? '101',
    ...(options.assignedTo === undefined ? {} : { assignedTo: options.assignedTo }),
    associatedContactId: '901',
    spam: false,
    archived: false,
  };
}

/**
 * A portal of `count` ordinary threads in the `days` before `end`: a visitor writes, an agent
 * answers most of them, a third are open. For loads at scale (the rolling-limit test, the bench).
 */
export function fillPortal(api: FakeHubSpot, count: number, options: { end: number; days?: number; seed?: number; firstId?: number }): void {
  const next = random(options.seed ?? 7);
  const span = (options.days ?? 28) * 86_400_000;
  for (let i = 0; i < count; i++) {
    const id = String((options.firstId ?? 100_000) + i);
    const at = options.end - span + Math.floor(next() * (span - 3_600_000));
    const assignee = `A-${1 + (i % 5)}`;
    const messages = [specMessage('INCOMING', { at, threadId: id, actorId: `V-${i}` })];
    if (i % 4 !== 3) messages.push(specMessage('OUTGOING', { at: at + 60_000 + Math.floor(next() * 1_800_000), threadId: id, actorId: assignee }));
    const closed = i % 3 !== 0;
    api.add(specThread(id, { at: at - 1000, closedAt: closed ? at + 2_400_000 : null, assignedTo: assignee, channelId: i % 2 ? '1000' : '1002' }), messages);
  }
}
