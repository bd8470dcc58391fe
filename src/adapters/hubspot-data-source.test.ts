import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseConversations } from '../core/index.ts';
import type { DataPage } from './data-source.ts';
import { PageLoadError } from './errors.ts';
import { HubSpotDataSource, firstAgentResponse, type HubSpotDataSourceOptions } from './hubspot-data-source.ts';
import { FakeClock, json, scriptedFetch, type FetchCall, type Reply } from './testing/fake-http.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/hubspot/${name}.json`, import.meta.url), 'utf8'));
const PROXY = 'https://app.example.com/api/hubspot';
const API = '/api/hubspot/conversations/v3/conversations/';
const march = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };

/** The proxy as the recorded fixtures answer it; `override` may answer a call differently. */
function proxy(override?: (call: FetchCall, index: number) => Reply | undefined) {
  return (call: FetchCall, index: number): Reply => {
    const replaced = override?.(call, index);
    if (replaced !== undefined) return replaced;
    const path = call.url.pathname;
    if (!path.startsWith(API)) return json({ message: 'not proxied' }, 404);
    const rest = path.slice(API.length);
    const after = call.url.searchParams.get('after');
    if (rest === 'threads') return json(fixture(after === '7305' ? 'threads-page-2' : 'threads-page-1'));
    if (rest === 'inboxes') return json(fixture('inboxes'));
    const messages = /^threads\/(\d+)\/messages$/.exec(rest);
    if (messages) {
      const id = messages[1]!;
      if (id === '7306') return json(fixture(after === 'm7306-2' ? 'messages-7306-2' : 'messages-7306-1'));
      return json(fixture(`messages-${id}`));
    }
    const actor = /^actors\/(.+)$/.exec(rest);
    if (actor) {
      const actors = fixture('actors') as Record<string, unknown>;
      const id = decodeURIComponent(actor[1]!);
      return Object.hasOwn(actors, id) ? json(actors[id]) : json({ message: 'unknown actor' }, 404);
    }
    return json({ message: 'unknown path' }, 404);
  };
}

function make(options: Partial<HubSpotDataSourceOptions> = {}, override?: (call: FetchCall, index: number) => Reply | undefined) {
  const clock = new FakeClock();
  const { fetch, calls } = scriptedFetch(proxy(override));
  const source = new HubSpotDataSource({ proxyUrl: PROXY, fetch, sleep: clock.sleep, now: () => clock.now, random: () => 0.5, ...options });
  return { source, calls, clock };
}

async function collect(source: HubSpotDataSource, signal = new AbortController().signal, range = march) {
  const pages: DataPage[] = [];
  try {
    for await (const page of source.load({ range, signal })) if ((page as DataPage).conversations.length > 0) pages.push(page as DataPage);
    return { pages, error: null as unknown };
  } catch (error) {
    return { pages, error };
  }
}

const byId = (pages: DataPage[]) => new Map(pages.flatMap((p) => p.conversations as Record<string, unknown>[]).map((c) => [c.id as string, c]));

describe('HubSpotDataSource mapping', () => {
  test('maps threads to conversations; archived, spam and out-of-range threads are left out', async () => {
    const { source } = make();
    const { pages, error } = await collect(source);
    assert.equal(error, null);
    const conversations = byId(pages);
    assert.deepEqual([...conversations.keys()], ['7301', '7302', '7305', '7306', '7308']);
    assert.deepEqual(conversations.get('7301'), {
      id: '7301',
      channel: 'chat',
      status: 'closed',
      inboxId: '481939',
      assigneeId: 'A-2620022',
      // The visitor's first message, not the thread's creation 80 ms before it (DESIGN.md).
      createdAt: '2026-03-02T09:14:05.200Z',
      closedAt: '2026-03-02T09:40:11.002Z',
      // The welcome message is the system's; the agent's first reply counts.
      firstResponseAt: '2026-03-02T09:16:47.031Z',
      ticketId: '57774743',
      chatflowId: null,
      pageUrl: null,
      subject: null,
      contactName: 'Lena Fischer',
      contactEmail: null,
      properties: {},
    });
    const open = conversations.get('7302')!;
    assert.equal(open.status, 'open');
    assert.equal(open.channel, 'email');
    assert.equal(open.assigneeId, null);
    assert.equal(open.closedAt, null);
    assert.equal(open.ticketId, null);
    assert.equal(open.firstResponseAt, null, 'a thread with no messages has no response');
    // The bot (B-) and the AI customer agent (L-) do not count; the agent's later reply does.
    assert.equal(conversations.get('7305')!.firstResponseAt, '2026-03-06T10:09:30.000Z');
    // An internal comment by an agent is no reply; the reply is on the second page of messages.
    const email = conversations.get('7306')!;
    assert.equal(email.firstResponseAt, '2026-03-09T09:45:20.500Z');
    assert.equal(email.subject, 'Invoice 2026-0311 is wrong');
    assert.equal(email.contactEmail, 'piet@example.nl');
    assert.equal(email.ticketId, '57774801');
    // Agent-initiated: only a reply after the first incoming message counts.
    const outbound = conversations.get('7308')!;
    assert.equal(outbound.firstResponseAt, '2026-03-11T12:20:00.000Z');
    assert.equal(outbound.channel, '1001', 'channels without a mapping pass through as their id');
    const parsed = parseConversations([...conversations.values()]);
    assert.deepEqual(parsed.errors, []);
  });

  test('asks the proxy, never HubSpot, with association=TICKET and 500 threads a page, following paging.next.after', async () => {
    const { source, calls } = make();
    await collect(source);
    assert.ok(calls.every((call) => call.url.origin === 'https://app.example.com'));
    assert.ok(calls.every((call) => !call.headers.has('Authorization')));
    const threads = calls.filter((call) => call.url.pathname.endsWith('/threads'));
    assert.deepEqual(threads.map((call) => [call.url.searchParams.get('association'), call.url.searchParams.get('limit'), call.url.searchParams.get('after')]), [
      ['TICKET', '500', null],
      ['TICKET', '500', '7305'],
    ]);
    const read = calls.map((call) => /threads\/(\d+)\/messages/.exec(call.url.pathname)?.[1]).filter((id) => id !== undefined);
    assert.deepEqual(new Set(read), new Set(['7301', '7302', '7305', '7306', '7308']), 'messages of excluded threads are not read');
  });

  test('the channel map is configurable', async () => {
    const { source } = make({ channels: { '1001': 'messenger', '1002': 'mail' } });
    const conversations = byId((await collect(source)).pages);
    assert.equal(conversations.get('7308')!.channel, 'messenger');
    assert.equal(conversations.get('7306')!.channel, 'mail');
    assert.equal(conversations.get('7301')!.channel, 'chat');
  });

  test('chatflow and page URL come from the enrichment callback, which sees the messages', async () => {
    const seen: string[] = [];
    const { source } = make({
      enrich: (thread, { messages, signal }) => {
        assert.ok(signal instanceof AbortSignal);
        seen.push(`${thread.id}:${messages.length}`);
        return thread.originalChannelId === '1000' ? { chatflowId: `flow-${thread.originalChannelAccountId}`, pageUrl: 'https://shop.example.com/pricing?utm_source=x', properties: { plan: 'pro' } } : null;
      },
    });
    const conversations = byId((await collect(source)).pages);
    assert.equal(conversations.get('7301')!.chatflowId, 'flow-148662');
    assert.equal(conversations.get('7305')!.pageUrl, 'https://shop.example.com/pricing?utm_source=x');
    assert.deepEqual(conversations.get('7305')!.properties, { plan: 'pro' });
    assert.equal(conversations.get('7306')!.chatflowId, null);
    assert.ok(seen.includes('7301:3') && seen.includes('7302:0'));
  });

  test('reads messages with bounded concurrency', async () => {
    let inFlight = 0;
    let most = 0;
    const { fetch: answer } = scriptedFetch(proxy());
    const counting: typeof fetch = async (input, init) => {
      const isMessages = String(input).includes('/messages');
      if (isMessages) most = Math.max(most, ++inFlight);
      try {
        // A real round trip takes a while: long enough for every free slot to fill.
        await new Promise((resolve) => setTimeout(resolve, 2));
        return await answer(input, init);
      } finally {
        if (isMessages) inFlight--;
      }
    };
    const { error } = await collect(new HubSpotDataSource({ proxyUrl: PROXY, messageConcurrency: 2, fetch: counting }));
    assert.equal(error, null);
    assert.equal(most, 2);
  });

  test('firstAgentResponse: no incoming message, no response', () => {
    assert.equal(firstAgentResponse([]), null);
    assert.equal(
      firstAgentResponse([{ id: '1', type: 'MESSAGE', createdAt: '2026-03-01T10:00:00Z', direction: 'OUTGOING', senders: [{ actorId: 'A-1' }] }]),
      null,
    );
    assert.equal(
      firstAgentResponse([
        { id: '1', type: 'MESSAGE', createdAt: '2026-03-01T10:00:00Z', direction: 'INCOMING', senders: [{ actorId: 'V-1' }] },
        { id: '2', type: 'MESSAGE', createdAt: '2026-03-01T10:01:00Z', direction: 'OUTGOING', createdBy: 'A-9' },
      ]),
      '2026-03-01T10:01:00Z',
      'an agent known only from createdBy counts',
    );
  });
});

describe('HubSpotDataSource lookups', () => {
  test('names the inboxes and the assignees met by the load running alongside', async () => {
    const { source, calls } = make();
    const signal = new AbortController().signal;
    const lookups = source.lookups(signal);
    const { error } = await collect(source, signal);
    assert.equal(error, null);
    const names = await lookups;
    assert.deepEqual(names.inboxes, [
      { id: '481939', name: 'Main website chatflow inbox' },
      { id: '273071781', name: 'T1 support helpdesk' },
    ]);
    assert.deepEqual(names.assignees.sort((a, b) => a.id.localeCompare(b.id)), [
      { id: 'A-2620022', name: 'Camille Dubois' },
      { id: 'A-3892666', name: 'Jan Jansen' },
    ]);
    assert.ok(calls.some((call) => call.url.pathname.endsWith('/actors/A-2620022')));
  });

  test('names that cannot be read leave ids shown; names: false asks nothing', async () => {
    const { source } = make({}, (call) => (call.url.pathname.includes('/actors/') || call.url.pathname.endsWith('/inboxes') ? json({}, 404) : undefined));
    await collect(source);
    assert.deepEqual(await source.lookups(new AbortController().signal), { assignees: [], inboxes: [], chatflows: [] });
    const quiet = make({ names: false });
    assert.deepEqual(await quiet.source.lookups(new AbortController().signal), { assignees: [], inboxes: [], chatflows: [] });
    assert.equal(quiet.calls.length, 0);
  });
});

describe('HubSpotDataSource faults', () => {
  test('a 500 on a thread’s messages, then success', async () => {
    let failed = false;
    const { source, clock } = make({}, (call) => {
      if (!failed && call.url.pathname.endsWith('/threads/7305/messages')) {
        failed = true;
        return json({ status: 'error' }, 500);
      }
      return undefined;
    });
    const { pages, error } = await collect(source);
    assert.equal(error, null);
    assert.equal(byId(pages).get('7305')!.firstResponseAt, '2026-03-06T10:09:30.000Z');
    assert.deepEqual(clock.fired, [375]);
  });

  test('a 429 with Retry-After on the threads waits as told', async () => {
    let limited = false;
    const { source, clock } = make({}, (call) => {
      if (!limited && call.url.searchParams.get('after') === '7305') {
        limited = true;
        return json({ status: 'error', category: 'RATE_LIMITS' }, 429, { 'Retry-After': '10' });
      }
      return undefined;
    });
    const { pages, error } = await collect(source);
    assert.equal(error, null);
    assert.equal(byId(pages).size, 5);
    assert.deepEqual(clock.fired, [10_000]);
  });

  test('a timeout on every attempt fails the load; the conversations read before it were yielded', async () => {
    const { source } = make({ timeoutMs: 5000, batchSize: 1 }, (call) => (call.url.pathname.endsWith('/threads/7306/messages') ? 'hang' : undefined));
    const { pages, error } = await collect(source);
    assert.ok(error instanceof PageLoadError);
    assert.equal(error.failure, 'timeout');
    assert.deepEqual([...byId(pages).keys()].sort(), ['7301', '7302', '7305', '7308']);
    assert.equal(error.extra.recordsLoaded, 4);
  });

  test('a malformed page of threads fails naming the page', async () => {
    const { source } = make({}, (call) => (call.url.searchParams.get('after') === '7305' ? json({ results: { oops: 1 } }) : undefined));
    const { error } = await collect(source);
    assert.ok(error instanceof PageLoadError);
    assert.equal(error.page, 2);
    assert.equal(error.failure, 'malformed');
  });

  test('a thread id that is not a HubSpot id never reaches a URL', async () => {
    const { source, calls } = make({}, (call) =>
      call.url.pathname.endsWith('/threads') ? json({ results: [{ id: '../../../crm/v3/objects/contacts', createdAt: '2026-03-02T00:00:00Z', status: 'OPEN' }] }) : undefined,
    );
    const { error } = await collect(source);
    assert.ok(error instanceof PageLoadError && error.failure === 'malformed');
    assert.ok(calls.every((call) => !call.url.pathname.includes('crm')));
  });

  test('an abort mid-way stops the message requests in flight and the load', async () => {
    const controller = new AbortController();
    const { source, calls } = make({}, (call) => {
      if (call.url.pathname.endsWith('/threads/7305/messages')) {
        queueMicrotask(() => controller.abort());
        return 'hang';
      }
      return undefined;
    });
    const { pages, error } = await collect(source, controller.signal);
    assert.equal(pages.length, 0);
    assert.equal((error as DOMException).name, 'AbortError');
    const after = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(calls.length, after, 'nothing is requested after the abort');
    assert.equal(calls.find((call) => call.url.pathname.endsWith('/threads/7305/messages'))!.signal!.aborted, true);
  });

  test('options are checked', () => {
    assert.throws(() => new HubSpotDataSource({ proxyUrl: '' }), TypeError);
    assert.throws(() => new HubSpotDataSource({ proxyUrl: PROXY, messageConcurrency: 0 }), RangeError);
    assert.throws(() => new HubSpotDataSource({ proxyUrl: PROXY, pageSize: 501 }), RangeError);
  });
});
