import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataPage } from './data-source.ts';
import { PageLoadError } from './errors.ts';
import { RestDataSource, type RestDataSourceOptions } from './rest-data-source.ts';
import { FakeClock, json, scriptedFetch, type FetchCall, type Reply } from './testing/fake-http.ts';

const range = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) };

function records(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ uuid: `c-${from + i}`, kind: 'chat' }));
}

function make(script: (call: FetchCall, index: number) => Reply | Promise<Reply>, options: Partial<RestDataSourceOptions> = {}) {
  const clock = new FakeClock();
  const { fetch, calls } = scriptedFetch(script);
  const source = new RestDataSource({ url: 'https://api.example.com/v1/conversations', fetch, sleep: clock.sleep, now: () => clock.now, random: () => 0.5, ...options });
  return { source, calls, clock };
}

/** Reads every page; the pages read before a failure are returned with the error. */
async function collect(source: RestDataSource, signal = new AbortController().signal): Promise<{ pages: DataPage[]; error: unknown }> {
  const pages: DataPage[] = [];
  try {
    for await (const page of source.load({ range, signal })) pages.push(page as DataPage);
    return { pages, error: null };
  } catch (error) {
    return { pages, error };
  }
}

describe('RestDataSource paging', () => {
  test('follows relative `next` links, maps records, reports the total and calls the auth hook per request', async () => {
    const tokens: string[] = [];
    const { source, calls } = make(
      (call) => {
        const page = Number(call.url.searchParams.get('page') ?? '1');
        return json({ data: records(page * 10, 2), total: 6, next: page < 3 ? `/v1/conversations?page=${page + 1}` : null });
      },
      {
        map: (record) => ({ id: (record as { uuid: string }).uuid, channel: (record as { kind: string }).kind }),
        headers: ({ page, attempt }) => {
          tokens.push(`${page}/${attempt}`);
          return { Authorization: `Bearer token-${page}` };
        },
      },
    );
    const { pages, error } = await collect(source);
    assert.equal(error, null);
    assert.deepEqual(pages.map((p) => p.conversations.length), [2, 2, 2]);
    assert.ok(pages.every((p) => p.total === 6));
    assert.deepEqual(pages[0]!.conversations[0], { id: 'c-10', channel: 'chat' });
    assert.deepEqual(tokens, ['1/0', '2/0', '3/0']);
    assert.deepEqual(calls.map((c) => c.headers.get('Authorization')), ['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
  });

  test('sends an opaque cursor back as a parameter, with the range parameters kept', async () => {
    const { source, calls } = make(
      (call) => {
        const cursor = call.url.searchParams.get('after');
        return json({ results: records(0, 1), paging: { next: { after: cursor === null ? 'abc/+=' : cursor === 'abc/+=' ? 'def' : '' } } });
      },
      { paging: { type: 'cursor', param: 'after' }, rangeParams: ({ from, to }) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }) },
    );
    const { pages } = await collect(source);
    assert.equal(pages.length, 3);
    assert.deepEqual(calls.map((c) => c.url.searchParams.get('after')), [null, 'abc/+=', 'def']);
    assert.ok(calls.every((c) => c.url.searchParams.get('from') === '2026-01-01T00:00:00.000Z'));
  });

  test('offset paging stops at a short page, or when the total is reached', async () => {
    const short = make((call) => json(records(Number(call.url.searchParams.get('skip')), Number(call.url.searchParams.get('skip')) < 50 ? 25 : 7)), {
      paging: { type: 'offset', pageSize: 25, offsetParam: 'skip', limitParam: 'take' },
    });
    assert.deepEqual((await collect(short.source)).pages.map((p) => p.conversations.length), [25, 25, 7]);
    assert.deepEqual(short.calls.map((c) => [c.url.searchParams.get('skip'), c.url.searchParams.get('take')]), [['0', '25'], ['25', '25'], ['50', '25']]);

    const exact = make((call) => json({ items: records(Number(call.url.searchParams.get('offset')), 10), totalCount: 20 }), { paging: { type: 'offset', pageSize: 10 } });
    assert.equal((await collect(exact.source)).pages.length, 2);
    assert.equal(exact.calls.length, 2);
  });

  test('reads a Link header and an X-Total-Count', async () => {
    const { source } = make((call) =>
      call.url.searchParams.has('p')
        ? json(records(5, 1), 200, { 'X-Total-Count': '3' })
        : json(records(0, 2), 200, { Link: '<https://api.example.com/v1/conversations?p=2>; rel="next", <https://api.example.com/x>; rel="last"', 'X-Total-Count': '3' }),
    );
    const { pages } = await collect(source);
    assert.deepEqual(pages.map((p) => [p.conversations.length, p.total]), [[2, 3], [1, 3]]);
  });

  test('never follows a next link to another origin (the auth headers would go with it)', async () => {
    const { source, calls } = make(() => json({ data: records(0, 1), next: 'https://evil.example.net/steal' }), { headers: () => ({ Authorization: 'Bearer secret' }) });
    const { pages, error } = await collect(source);
    assert.equal(pages.length, 1);
    assert.ok(error instanceof PageLoadError && error.page === 1 && /leaves https:\/\/api.example.com/.test(error.message));
    assert.equal(calls.length, 1);
  });

  test('stops a cursor that repeats', async () => {
    const { source } = make(() => json({ data: records(0, 1), next: 'same' }));
    const { pages, error } = await collect(source);
    assert.equal(pages.length, 2);
    assert.ok(error instanceof PageLoadError && /repeats/.test(error.message));
  });
});

describe('RestDataSource faults', () => {
  test('a 500 then success: retried after a jittered backoff, nothing lost', async () => {
    const { source, calls, clock } = make((_call, index) => (index === 0 ? json({ error: 'boom' }, 500) : json({ data: records(0, 3) })));
    const { pages, error } = await collect(source);
    assert.equal(error, null);
    assert.equal(pages[0]!.conversations.length, 3);
    assert.equal(calls.length, 2);
    // Base 500 ms, equal jitter with random() = 0.5: 250 + 0.5 × 250.
    assert.deepEqual(clock.fired, [375]);
  });

  test('backoff doubles and is jittered within [step/2, step]', async () => {
    let random = 0;
    const values = [0, 0.999, 0.3];
    const clock = new FakeClock();
    const { fetch } = scriptedFetch((_call, index) => (index < 3 ? json({}, 502) : json([])));
    const source = new RestDataSource({ url: 'https://api.example.com/x', fetch, sleep: clock.sleep, random: () => values[random++]!, backoffMs: 1000 });
    await collect(source);
    assert.deepEqual(clock.fired.map(Math.round), [500, 1999, 2600]);
  });

  test('a 429 with Retry-After (seconds, or an HTTP date) waits exactly that long', async () => {
    const seconds = make((_call, index) => (index === 0 ? json({}, 429, { 'Retry-After': '7' }) : json([])));
    await collect(seconds.source);
    assert.deepEqual(seconds.clock.fired, [7000]);

    const clock = new FakeClock();
    clock.now = Date.UTC(2026, 0, 1, 12);
    const { fetch } = scriptedFetch((_call, index) => (index === 0 ? json({}, 503, { 'Retry-After': 'Thu, 01 Jan 2026 12:00:30 GMT' }) : json([])));
    await collect(new RestDataSource({ url: 'https://api.example.com/x', fetch, sleep: clock.sleep, now: () => clock.now }));
    assert.deepEqual(clock.fired, [30_000]);
  });

  test('a Retry-After beyond the limit fails at once, naming the page', async () => {
    const { source, calls } = make((call) => (call.url.searchParams.has('cursor') ? json({}, 429, { 'Retry-After': '3600' }) : json({ data: records(0, 1), next: 'n2' })));
    const { pages, error } = await collect(source);
    assert.equal(pages.length, 1);
    assert.ok(error instanceof PageLoadError);
    assert.equal(error.page, 2);
    assert.equal(error.failure, 'retry-after-too-long');
    assert.equal(error.status, 429);
    assert.equal(calls.length, 2);
  });

  test('5xx on every attempt: 1 try + 3 retries, then a PageLoadError; the earlier pages were yielded', async () => {
    const { source, calls } = make((call) => (call.url.searchParams.has('cursor') ? json({}, 503) : json({ data: records(0, 4), next: 'p2' })));
    const { pages, error } = await collect(source);
    assert.equal(pages.length, 1);
    assert.ok(error instanceof PageLoadError);
    assert.equal(error.page, 2);
    assert.equal(error.status, 503);
    assert.equal(error.extra.recordsLoaded, 4);
    assert.match(error.message, /^Page 2 could not be loaded: .*503/);
    assert.equal(calls.length, 5);
  });

  test('a 4xx other than 429 is not retried', async () => {
    const { source, calls } = make(() => json({ message: 'no' }, 403));
    const { error } = await collect(source);
    assert.ok(error instanceof PageLoadError && error.status === 403 && error.page === 1);
    assert.match(error.message, /answered 403[^:]*: no$/);
    assert.equal(calls.length, 1);
  });

  test("a refusal's reason is shown as one short line, whatever the server put in it", async () => {
    const hostile = `line\nbreak \u202Eevil\u0000 ${'x'.repeat(1_000)}`;
    const { source } = make(() => json({ error: hostile }, 422));
    const { error } = await collect(source);
    assert.ok(error instanceof PageLoadError);
    const reason = error.message.slice(error.message.indexOf('answered 422'));
    assert.match(reason, /^answered 422[^:]*: line break evil x+…$/);
    assert.ok(reason.length < 340, `${reason.length} characters`);
  });

  test('a network error is retried, and the auth hook is asked again for the retry', async () => {
    const attempts: number[] = [];
    const { source } = make((_call, index) => (index === 0 ? new TypeError('fetch failed') : json([{ id: 'a' }])), { headers: ({ attempt }) => (attempts.push(attempt), undefined) });
    const { pages } = await collect(source);
    assert.deepEqual(pages[0]!.conversations, [{ id: 'a' }]);
    assert.deepEqual(attempts, [0, 1]);
  });

  test('timeouts: a request that hangs is aborted after timeoutMs and retried; if every attempt hangs, the page fails', async () => {
    const once = make((_call, index) => (index === 0 ? 'hang' : json([{ id: 'a' }])), { timeoutMs: 2000 });
    const first = await collect(once.source);
    assert.equal(first.error, null);
    assert.equal(once.calls[0]!.signal!.aborted, true);
    assert.equal((once.calls[0]!.signal!.reason as DOMException).name, 'TimeoutError');
    assert.deepEqual(once.clock.fired, [2000, 375]);

    const always = make(() => 'hang');
    const { error } = await collect(always.source);
    assert.ok(error instanceof PageLoadError);
    assert.equal(error.failure, 'timeout');
    assert.equal(error.page, 1);
    assert.equal(always.calls.length, 4);
    assert.equal(always.clock.fired.filter((ms) => ms === 15_000).length, 4, 'the default timeout is 15 s');
  });

  test('a body that stalls counts against the timeout too', async () => {
    const stalled = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('[')) }), { status: 200 });
    const { source } = make((_call, index) => (index === 0 ? stalled() : json([{ id: 'ok' }])), { timeoutMs: 1000 });
    const { pages, error } = await collect(source);
    assert.equal(error, null);
    assert.deepEqual(pages[0]!.conversations, [{ id: 'ok' }]);
  });

  test('an abort mid-way stops the request in flight with an AbortError, and nothing more is fetched', async () => {
    const controller = new AbortController();
    const { source, calls } = make((call) => {
      if (call.url.searchParams.has('cursor')) {
        queueMicrotask(() => controller.abort());
        return 'hang';
      }
      return json({ data: records(0, 2), next: 'p2' });
    });
    const { pages, error } = await collect(source, controller.signal);
    assert.equal(pages.length, 1);
    assert.equal((error as DOMException).name, 'AbortError');
    assert.equal(calls.length, 2);
    assert.equal(calls[1]!.signal!.aborted, true);
  });

  test('an abort during a backoff stops the wait', async () => {
    const controller = new AbortController();
    const { source, calls } = make(() => {
      setImmediate(() => controller.abort(new Error('user left')));
      return json({}, 500);
    });
    const { error } = await collect(source, controller.signal);
    assert.equal((error as Error).message, 'user left');
    assert.equal(calls.length, 1);
  });

  test('a malformed page fails with a PageLoadError naming it; the pages before it are kept', async () => {
    const cases: [string, Reply, RegExp][] = [
      ['not JSON', new Response('<html>oops', { status: 200 }), /not JSON/],
      ['no list', json({ data: { oops: true } }), /expected a list of records, got an object/],
    ];
    for (const [name, reply, message] of cases) {
      const { source } = make((call) => (call.url.searchParams.has('cursor') ? reply : json({ data: records(0, 3), next: 'p2' })));
      const { pages, error } = await collect(source);
      assert.equal(pages.length, 1, name);
      assert.ok(error instanceof PageLoadError, name);
      assert.equal(error.page, 2, name);
      assert.equal(error.failure, 'malformed', name);
      assert.match(error.message, /^Page 2 is malformed: /, name);
      assert.match(error.message, message, name);
    }
  });

  test('a mapping that throws makes the page malformed, naming the record', async () => {
    const { source } = make(() => json([{ id: 1 }, { id: 2 }]), {
      map: (record) => {
        if ((record as { id: number }).id === 2) throw new Error('no id');
        return record;
      },
    });
    const { error } = await collect(source);
    assert.ok(error instanceof PageLoadError);
    assert.match(error.message, /Page 1 is malformed: record 1 could not be mapped \(no id\)/);
  });

  test('error messages carry no query string (it may hold a key)', async () => {
    const { source } = make(() => json({}, 404), { url: 'https://api.example.com/v1/conversations?api_key=SECRET' });
    const { error } = await collect(source);
    assert.ok(error instanceof PageLoadError);
    assert.ok(!error.message.includes('SECRET'));
  });
});

describe('RestDataSource options', () => {
  test('rejects bad options', () => {
    assert.throws(() => new RestDataSource({ url: '' }), TypeError);
    assert.throws(() => new RestDataSource({ url: 'https://x.example', timeoutMs: -1 }), RangeError);
    assert.throws(() => new RestDataSource({ url: 'https://x.example', retries: 1.5 }), RangeError);
    assert.throws(() => new RestDataSource({ url: 'https://x.example', paging: { type: 'offset', pageSize: 0 } }), RangeError);
  });

  test('resolves lookups from a list or a function', async () => {
    const signal = new AbortController().signal;
    const fixed = new RestDataSource({ url: 'https://x.example', lookups: { inboxes: [{ id: 'i', name: 'Inbox' }] } });
    assert.deepEqual(await fixed.lookups(signal), { assignees: [], inboxes: [{ id: 'i', name: 'Inbox' }], chatflows: [] });
    const fetched = new RestDataSource({ url: 'https://x.example', lookups: async () => ({ assignees: [{ id: 'a', name: 'Ana' }] }) });
    assert.deepEqual((await fetched.lookups(signal)).assignees, [{ id: 'a', name: 'Ana' }]);
  });
});
