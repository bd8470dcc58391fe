// HubSpotDataSource against a server shaped like HubSpot's public Conversations v3 spec
// (testing/fake-hubspot.ts): the mapping DESIGN.md asks for, paging, rate limits, the cache.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConversations } from '../../core/index.ts';
import type { DataPage, LoadActivity } from '../data-source.ts';
import { HttpRequestError, PageLoadError } from '../errors.ts';
import { HubSpotDataSource, type HubSpotDataSourceOptions } from '../hubspot-data-source.ts';
import { FakeClock } from '../testing/fake-http.ts';
import {
  FakeHubSpot,
  fillPortal,
  specAssignment,
  specComment,
  specMessage,
  specStatusChange,
  specThread,
  specWelcome,
} from '../testing/fake-hubspot.ts';
import { MemoryHubSpotCache } from './hubspot-cache.ts';

const PROXY = 'https://app.example.com/api/hubspot';
const H = 3_600_000;
const M = 60_000;
const T0 = Date.UTC(2026, 2, 10, 8);
const NOW = Date.UTC(2026, 3, 1);
const march = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };
const iso = (ms: number) => new Date(ms).toISOString();

function setup(options: Partial<HubSpotDataSourceOptions> = {}, server: { rateLimit?: { max: number; intervalMs: number }; latencyMs?: number; messagePageSize?: number } = {}) {
  const clock = new FakeClock();
  clock.now = NOW;
  const api = new FakeHubSpot({ now: () => clock.now, sleep: clock.sleep, ...server });
  const source = new HubSpotDataSource({ proxyUrl: PROXY, fetch: api.fetch, sleep: clock.sleep, now: () => clock.now, random: () => 0.5, ...options });
  return { clock, api, source };
}

interface Run {
  conversations: Map<string, Record<string, unknown>>;
  pages: DataPage[];
  activities: LoadActivity[];
  error: unknown;
  /** Message requests HubSpot had answered when the first conversations arrived. */
  messagesAtFirstPage: number | null;
}

async function run(source: HubSpotDataSource, api: FakeHubSpot, range = march, signal = new AbortController().signal): Promise<Run> {
  const result: Run = { conversations: new Map(), pages: [], activities: [], error: null, messagesAtFirstPage: null };
  try {
    for await (const page of source.load({ range, signal })) {
      const data = page as DataPage;
      result.pages.push(data);
      if (data.activity) result.activities.push(data.activity);
      if (data.conversations.length > 0 && result.messagesAtFirstPage === null) result.messagesAtFirstPage = api.count('messages');
      for (const conversation of data.conversations as Record<string, unknown>[]) result.conversations.set(conversation.id as string, conversation);
    }
  } catch (error) {
    result.error = error;
  }
  return result;
}

describe('HubSpot mapping per the public spec', () => {
  test('welcome, bot, AI agent, system and assignment messages before the reply are not the response', async () => {
    const { api, source } = setup();
    const id = '501';
    api.add(specThread(id, { at: T0, assignedTo: 'A-7' }), [
      specWelcome({ at: T0, threadId: id }),
      specMessage('INCOMING', { at: T0 + M, threadId: id, actorId: 'V-1', name: 'Lena Fischer' }),
      specMessage('OUTGOING', { at: T0 + 2 * M, threadId: id, actorId: 'B-900' }),
      specMessage('OUTGOING', { at: T0 + 3 * M, threadId: id, actorId: 'L-1' }),
      specMessage('OUTGOING', { at: T0 + 4 * M, threadId: id, actorId: 'S-hubspot', createdBy: 'S-hubspot', clientType: 'SYSTEM' }),
      specAssignment({ at: T0 + 5 * M, threadId: id, assignedTo: 'A-7' }),
      specMessage('OUTGOING', { at: T0 + 9 * M, threadId: id, actorId: 'A-7' }),
    ]);
    const { conversations, error } = await run(source, api);
    assert.equal(error, null);
    const conversation = conversations.get(id)!;
    assert.equal(conversation.createdAt, iso(T0 + M), 'the conversation starts with the visitor, not the welcome message');
    assert.equal(conversation.firstResponseAt, iso(T0 + 9 * M));
    assert.equal(conversation.contactName, 'Lena Fischer');
  });

  test('an internal note by an agent before the reply is not the response', async () => {
    const { api, source } = setup();
    api.add(specThread('502', { at: T0 }), [
      specMessage('INCOMING', { at: T0, threadId: '502' }),
      specComment({ at: T0 + M, threadId: '502', actorId: 'A-7' }),
      specMessage('OUTGOING', { at: T0 + 20 * M, threadId: '502', actorId: 'A-7' }),
    ]);
    assert.equal((await run(source, api)).conversations.get('502')!.firstResponseAt, iso(T0 + 20 * M));
  });

  test('a reply whose sender has no actorId counts through createdBy', async () => {
    const { api, source } = setup();
    api.add(specThread('503', { at: T0 }), [
      specMessage('INCOMING', { at: T0, threadId: '503' }),
      specMessage('OUTGOING', { at: T0 + 7 * M, threadId: '503', actorId: null, createdBy: 'A-7', name: 'Camille Dubois' }),
    ]);
    assert.equal((await run(source, api)).conversations.get('503')!.firstResponseAt, iso(T0 + 7 * M));
  });

  test('an integration’s auto-reply sent as an agent is not the response, unless the host counts integrations', async () => {
    const thread = () => {
      const setupResult = setup();
      return setupResult;
    };
    const messages = [
      specMessage('INCOMING', { at: T0, threadId: '504' }),
      specMessage('OUTGOING', { at: T0 + 10_000, threadId: '504', actorId: 'A-99', clientType: 'INTEGRATION' }),
      specMessage('OUTGOING', { at: T0 + 30 * M, threadId: '504', actorId: 'A-7' }),
    ];
    const plain = thread();
    plain.api.add(specThread('504', { at: T0 }), messages);
    assert.equal((await run(plain.source, plain.api)).conversations.get('504')!.firstResponseAt, iso(T0 + 30 * M));
    const counting = setup({ countIntegrations: true });
    counting.api.add(specThread('504', { at: T0 }), messages);
    assert.equal((await run(counting.source, counting.api)).conversations.get('504')!.firstResponseAt, iso(T0 + 10_000));
  });

  test('an agent-initiated email starts at the customer’s answer: 1 h response time, not 3 h', async () => {
    const { api, source } = setup();
    const out = Date.UTC(2026, 2, 12, 8);
    api.add(specThread('505', { at: out, channelId: '1002' }), [
      specMessage('OUTGOING', { at: out, threadId: '505', actorId: 'A-7', channelId: '1002', subject: 'Your renewal' }),
      specMessage('INCOMING', { at: out + 2 * H, threadId: '505', actorId: 'V-5', channelId: '1002', subject: 'Re: Your renewal', name: 'Piet', email: 'piet@example.nl' }),
      specMessage('OUTGOING', { at: out + 3 * H, threadId: '505', actorId: 'A-7', channelId: '1002' }),
    ]);
    const conversation = (await run(source, api)).conversations.get('505')!;
    assert.equal(conversation.createdAt, iso(out + 2 * H));
    assert.equal(conversation.firstResponseAt, iso(out + 3 * H));
    assert.equal(Date.parse(conversation.firstResponseAt as string) - Date.parse(conversation.createdAt as string), H);
    assert.equal(conversation.channel, 'email');
    assert.equal(conversation.contactEmail, 'piet@example.nl');
    assert.equal(conversation.subject, 'Re: Your renewal');
  });

  test('a thread with no messages keeps its own createdAt and has no response; a reopened thread is open', async () => {
    const { api, source } = setup();
    api.add(specThread('506', { at: T0 }), []);
    api.add({ ...specThread('507', { at: T0, status: 'OPEN' }), closedAt: iso(T0 + H) }, [
      specMessage('INCOMING', { at: T0, threadId: '507' }),
      specMessage('OUTGOING', { at: T0 + 5 * M, threadId: '507', actorId: 'A-7' }),
      specStatusChange({ at: T0 + H, threadId: '507', newStatus: 'CLOSED', actorId: 'A-7' }),
      specMessage('INCOMING', { at: T0 + 2 * H, threadId: '507' }),
      specStatusChange({ at: T0 + 2 * H, threadId: '507', newStatus: 'OPEN' }),
    ]);
    const { conversations } = await run(source, api);
    const empty = conversations.get('506')!;
    assert.equal(empty.createdAt, iso(T0));
    assert.equal(empty.firstResponseAt, null);
    const reopened = conversations.get('507')!;
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.closedAt, null, 'the earlier close no longer holds');
    assert.equal(reopened.firstResponseAt, iso(T0 + 5 * M));
    assert.deepEqual(parseConversations([...conversations.values()]).errors, []);
  });

  test('threads from other channels keep their channel id; inboxId is repeated in the list request', async () => {
    const { api, source } = setup({ inboxId: ['101', '103'] });
    api.add(specThread('508', { at: T0, channelId: '1001', inboxId: '101' }), [specMessage('INCOMING', { at: T0, threadId: '508', channelId: '1001' })]);
    api.add(specThread('509', { at: T0, inboxId: '102' }), [specMessage('INCOMING', { at: T0, threadId: '509' })]);
    api.add(specThread('510', { at: T0, inboxId: '103' }), [specMessage('INCOMING', { at: T0, threadId: '510' })]);
    const { conversations } = await run(source, api);
    assert.deepEqual([...conversations.keys()].sort(), ['508', '510']);
    assert.equal(conversations.get('508')!.channel, '1001');
    const list = api.requests.find((request) => request.path === 'threads')!;
    assert.deepEqual(list.query.getAll('inboxId'), ['101', '103']);
  });

  test('four and more list pages, and messages paged newest first', async () => {
    const { api, source } = setup({ pageSize: 2 }, { messagePageSize: 25 });
    for (let i = 0; i < 9; i++) {
      const id = String(600 + i);
      api.add(specThread(id, { at: T0 + i * H }), [specMessage('INCOMING', { at: T0 + i * H, threadId: id }), specMessage('OUTGOING', { at: T0 + i * H + M, threadId: id, actorId: 'A-7' })]);
    }
    // 60 messages: the visitor's first one is on the third page HubSpot gives (newest first).
    const long = [specMessage('INCOMING', { at: T0, threadId: '700', name: 'First writer' })];
    long.push(specMessage('OUTGOING', { at: T0 + 2 * M, threadId: '700', actorId: 'A-7' }));
    for (let i = 0; i < 58; i++) long.push(specMessage(i % 2 ? 'OUTGOING' : 'INCOMING', { at: T0 + (10 + i) * M, threadId: '700', actorId: i % 2 ? 'A-7' : 'V-1' }));
    api.add(specThread('700', { at: T0 }), long);
    const { conversations, error } = await run(source, api);
    assert.equal(error, null);
    assert.equal(conversations.size, 10);
    assert.equal(api.count('threads'), 5);
    assert.equal(api.requests.filter((request) => request.path === 'threads/700/messages').length, 3);
    const conversation = conversations.get('700')!;
    assert.equal(conversation.createdAt, iso(T0));
    assert.equal(conversation.firstResponseAt, iso(T0 + 2 * M));
    assert.equal(conversation.contactName, 'First writer');
  });
});

describe('HubSpot rate limits', () => {
  const limit = { max: 100, intervalMs: 10_000 };

  test('300 threads under 100 requests / 10 s: the load completes, pages arrive before the end, the progress says it waits', async () => {
    const { api, source, clock } = setup({}, { rateLimit: limit, latencyMs: 120 });
    fillPortal(api, 300, { end: Date.UTC(2026, 2, 31) });
    const started = clock.now;
    const { conversations, error, messagesAtFirstPage, activities, pages } = await run(source, api);
    assert.equal(error, null);
    assert.equal(conversations.size, 300);
    assert.equal(api.count('messages'), 300);
    assert.equal(api.count('all', 429), 0, 'paced under the window, HubSpot never had to refuse');
    assert.ok(messagesAtFirstPage !== null && messagesAtFirstPage <= 60, `first conversations after ${messagesAtFirstPage} message reads`);
    assert.ok(pages.filter((page) => page.conversations.length > 0).length >= 6);
    assert.ok(activities.some((activity) => activity.step === 'reading' && activity.waiting === 'rate-limit'));
    assert.ok(activities.every((activity) => activity.step !== 'reading' || activity.of === 300));
    // 301 requests at 90 per rolling 10 s: at least three windows.
    assert.ok(clock.now - started >= 30_000, `took ${clock.now - started} ms of HubSpot time`);
    assert.ok(clock.now - started < 40_000, `took ${clock.now - started} ms of HubSpot time`);
    assert.deepEqual(parseConversations([...conversations.values()]).errors, []);
  });

  test('the pace follows the limit HubSpot reports: 190 / 10 s (Pro) loads 300 threads in two windows, not four', async () => {
    const { api, source, clock } = setup({}, { rateLimit: { max: 190, intervalMs: 10_000 }, latencyMs: 120 });
    fillPortal(api, 300, { end: Date.UTC(2026, 2, 31) });
    const started = clock.now;
    const { conversations, error } = await run(source, api);
    assert.equal(error, null);
    assert.equal(conversations.size, 300);
    assert.equal(api.count('all', 429), 0);
    assert.ok(clock.now - started >= 10_000 && clock.now - started < 20_000, `took ${clock.now - started} ms of HubSpot time`);
  });

  test('with a cache, the second load reads only the changed threads', async () => {
    const cache = new MemoryHubSpotCache();
    const { api, source, clock } = setup({ cache }, { rateLimit: limit, latencyMs: 120 });
    fillPortal(api, 300, { end: Date.UTC(2026, 2, 31) });
    const first = await run(source, api);
    assert.equal(first.error, null);
    assert.equal(first.conversations.size, 300);
    assert.equal(cache.writes, 1);
    const syncedAt = source.lastSyncedAt!;
    clock.now += 30 * M;
    const changed = ['100003', '100010', '100150', '100299'];
    const replied = clock.now - M;
    for (const id of changed) api.post(id, specMessage('OUTGOING', { at: replied, threadId: id, actorId: 'A-2' }));
    const before = api.requests.length;
    const second = await run(source, api);
    const requests = api.requests.slice(before);
    assert.equal(second.error, null);
    assert.equal(second.conversations.size, 300, 'the unchanged 296 come from the cache');
    assert.equal(requests.filter((r) => r.path === 'threads').length, 1);
    const list = requests.find((r) => r.path === 'threads')!;
    assert.equal(list.query.get('sort'), 'latestMessageTimestamp');
    assert.equal(list.query.get('latestMessageTimestampAfter'), iso(syncedAt - 5 * M));
    assert.deepEqual(requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.path.split('/')[1]).sort(), changed);
    // Thread 100003 had no response (i % 4 === 3); the new agent message is one now.
    assert.equal(second.conversations.get('100003')!.firstResponseAt, iso(replied));
    assert.equal(first.conversations.get('100003')!.firstResponseAt, null);
    assert.deepEqual(second.conversations.get('100001'), first.conversations.get('100001'));
    assert.ok(source.lastSyncedAt! > syncedAt);
  });

  test('a 429 without Retry-After waits out the window, however often it comes, while the signal lives', async () => {
    const { api, source, clock } = setup();
    api.add(specThread('801', { at: T0 }), [specMessage('INCOMING', { at: T0, threadId: '801' })]);
    let refusals = 0;
    const limited: typeof fetch = async (input, init) => {
      // Another integration holds the portal's window for a while: ten refusals in a row.
      if (refusals < 10) {
        refusals++;
        return new Response('{"status":"error","policyName":"TEN_SECONDLY_ROLLING"}', {
          status: 429,
          headers: { 'X-HubSpot-RateLimit-Max': '100', 'X-HubSpot-RateLimit-Remaining': '0', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' },
        });
      }
      return api.fetch(input, init);
    };
    const patient = new HubSpotDataSource({ proxyUrl: PROXY, fetch: limited, sleep: clock.sleep, now: () => clock.now, retries: 3 });
    const { conversations, error } = await run(patient, api);
    assert.equal(error, null);
    assert.equal(conversations.size, 1);
    assert.deepEqual(clock.fired, Array(10).fill(10_000), 'each refusal waits one whole window, not a backoff');
    void source;
  });

  test('aborting while waiting for the window stops at once', async () => {
    const { clock } = setup();
    const controller = new AbortController();
    const refusing: typeof fetch = async () => {
      queueMicrotask(() => setImmediate(() => controller.abort()));
      return new Response('{}', { status: 429 });
    };
    const source = new HubSpotDataSource({ proxyUrl: PROXY, fetch: refusing, sleep: clock.sleep, now: () => clock.now });
    const pages = source.load({ range: march, signal: controller.signal });
    await assert.rejects(async () => {
      for await (const _page of pages) void _page;
    }, (error: unknown) => (error as DOMException).name === 'AbortError');
  });

  test('a 429 for the daily limit fails at once, saying so', async () => {
    const { clock } = setup();
    const spent: typeof fetch = async () =>
      new Response('{}', { status: 429, headers: { 'X-HubSpot-RateLimit-Daily': '250000', 'X-HubSpot-RateLimit-Daily-Remaining': '0' } });
    const source = new HubSpotDataSource({ proxyUrl: PROXY, fetch: spent, sleep: clock.sleep, now: () => clock.now });
    const { error } = await run(source, new FakeHubSpot({ now: () => clock.now }));
    assert.ok(error instanceof PageLoadError);
    assert.ok(error.cause instanceof HttpRequestError);
    assert.match(error.message, /daily API limit/);
  });

  test('message concurrency halves on a 429 and grows back while answers come', async () => {
    const { api, clock } = setup();
    fillPortal(api, 60, { end: Date.UTC(2026, 2, 31) });
    const seen: number[] = [];
    let refused = 0;
    let source!: HubSpotDataSource;
    const flaky: typeof fetch = async (input, init) => {
      const isMessages = String(input).includes('/messages');
      if (isMessages) seen.push(source.messageConcurrency);
      if (isMessages && seen.length > 8 && refused < 2) {
        refused++;
        return new Response('{}', { status: 429, headers: { 'X-HubSpot-RateLimit-Interval-Milliseconds': '1000' } });
      }
      return api.fetch(input, init);
    };
    source = new HubSpotDataSource({ proxyUrl: PROXY, fetch: flaky, sleep: clock.sleep, now: () => clock.now, messageConcurrency: 8 });
    const { error, conversations } = await run(source, api);
    assert.equal(error, null);
    assert.equal(conversations.size, 60);
    assert.equal(seen[0], 4);
    assert.ok(seen.includes(1), `concurrency went ${[...new Set(seen)].join(' → ')}`);
    assert.ok(Math.max(...seen.slice(seen.indexOf(1))) >= 3, 'it grows back after the refusals');
    assert.ok(Math.max(...seen) <= 8);
  });
});

describe('HubSpot cache', () => {
  function portal(cache: MemoryHubSpotCache, options: Partial<HubSpotDataSourceOptions> = {}) {
    const made = setup({ cache, ...options });
    fillPortal(made.api, 40, { end: Date.UTC(2026, 2, 31) });
    return made;
  }

  test('a corrupted or old-format cache is dropped and the portal read in full', async () => {
    for (const damaged of [{ format: 0, syncedAt: 1, coverageFrom: 1, listedAt: 1, settings: '', threads: [] }, { format: 1, threads: 'nope' }, 'garbage']) {
      const cache = new MemoryHubSpotCache();
      const { api, source } = portal(cache);
      await run(source, api);
      const stored = await cache.read();
      assert.ok(stored);
      cache.corrupt(damaged);
      const before = api.count('messages');
      const again = await run(source, api);
      assert.equal(again.error, null);
      assert.equal(again.conversations.size, 40);
      assert.equal(api.count('messages') - before, 40, `a ${JSON.stringify(damaged).slice(0, 20)} cache is not trusted`);
    }
    const cache = new MemoryHubSpotCache();
    const { api, source } = portal(cache);
    await run(source, api);
    const snapshot = (await cache.read())!;
    // One wrong record spoils the snapshot: a conversation under another thread's id, a time that is an object, a field we never write.
    for (const spoil of [
      (c: Record<string, unknown>, other: string) => ({ ...c, id: other }),
      (c: Record<string, unknown>) => ({ ...c, createdAt: { toString: 'x' } }),
      (c: Record<string, unknown>) => ({ ...c, properties: { plan: ['pro'] } }),
      (c: Record<string, unknown>) => ({ ...c, __proto__polluted: true }),
    ]) {
      const spoiled = structuredClone(snapshot);
      spoiled.threads[1]!.conversation = spoil(spoiled.threads[1]!.conversation, spoiled.threads[0]!.id);
      await cache.write(spoiled);
      const before = api.count('messages');
      await run(source, api);
      assert.equal(api.count('messages') - before, 40);
    }
  });

  test('clearCache and a change of mapping settings make the next load a full one', async () => {
    const cache = new MemoryHubSpotCache();
    const { api, source, clock } = portal(cache);
    await run(source, api);
    await source.clearCache();
    let before = api.count('messages');
    await run(source, api);
    assert.equal(api.count('messages') - before, 40);
    const other = new HubSpotDataSource({ proxyUrl: PROXY, fetch: api.fetch, sleep: clock.sleep, now: () => clock.now, cache, channels: { '1000': 'live-chat' } });
    before = api.count('messages');
    const { conversations } = await run(other, api);
    assert.equal(api.count('messages') - before, 40);
    assert.ok([...conversations.values()].some((c) => c.channel === 'live-chat'));
  });

  test('a thread closed without a new message is updated by the hourly full listing, without rereading messages', async () => {
    const cache = new MemoryHubSpotCache();
    const { api, source, clock } = portal(cache);
    const first = await run(source, api);
    assert.equal(first.conversations.get('100000')!.status, 'open');
    const thread = api.threads.get('100000')!;
    thread.status = 'CLOSED';
    thread.closedAt = iso(clock.now);
    clock.now += 10 * M;
    let before = api.requests.length;
    const soon = await run(source, api);
    assert.equal(api.requests.slice(before).find((r) => r.path === 'threads')!.query.get('sort'), 'latestMessageTimestamp');
    assert.equal(soon.conversations.get('100000')!.status, 'open', 'within the hour only moved threads are listed');
    clock.now += H;
    before = api.requests.length;
    const later = await run(source, api);
    const requests = api.requests.slice(before);
    assert.equal(requests.find((r) => r.path === 'threads')!.query.get('sort'), null, 'a full listing');
    assert.equal(requests.filter((r) => r.path.endsWith('/messages')).length, 0);
    assert.equal(later.conversations.get('100000')!.status, 'closed');
    assert.equal(later.conversations.get('100000')!.closedAt, thread.closedAt);
    assert.equal(later.conversations.get('100000')!.createdAt, first.conversations.get('100000')!.createdAt);
  });

  test('with a cache, threads created after the range are read for later but not yielded', async () => {
    const cache = new MemoryHubSpotCache();
    const { api, source } = setup({ cache });
    api.add(specThread('901', { at: Date.UTC(2026, 2, 5) }), [specMessage('INCOMING', { at: Date.UTC(2026, 2, 5), threadId: '901' })]);
    api.add(specThread('902', { at: Date.UTC(2026, 2, 25) }), [specMessage('INCOMING', { at: Date.UTC(2026, 2, 25), threadId: '902' })]);
    const early = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 15) };
    const first = await run(source, api, early);
    assert.deepEqual([...first.conversations.keys()], ['901']);
    assert.equal(first.pages.find((page) => page.total !== undefined)!.total, 1);
    assert.equal(api.count('messages'), 2);
    const second = await run(source, api, march);
    assert.deepEqual([...second.conversations.keys()].sort(), ['901', '902']);
    assert.equal(api.count('messages'), 2, 'the later thread came from the cache');
  });

  test('a range earlier than the cache covers lists all threads again but rereads only what changed', async () => {
    const cache = new MemoryHubSpotCache();
    const { api, source } = portal(cache);
    const late = { from: Date.UTC(2026, 2, 20), to: Date.UTC(2026, 3, 1) };
    await run(source, api, late);
    const readFirst = api.count('messages');
    assert.ok(readFirst < 40);
    const before = api.requests.length;
    const { conversations } = await run(source, api, march);
    const requests = api.requests.slice(before);
    assert.equal(requests.find((r) => r.path === 'threads')!.query.get('sort'), null, 'a full listing');
    assert.equal(requests.filter((r) => r.path.endsWith('/messages')).length, 40 - readFirst, 'only threads the cache did not hold');
    assert.equal(conversations.size, 40);
  });
});
