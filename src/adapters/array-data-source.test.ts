import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ArrayDataSource } from './array-data-source.ts';
import type { DataPage } from './data-source.ts';

const range = { from: 0, to: Date.UTC(2030, 0, 1) };

function records(count: number): { id: string; index: number }[] {
  return Array.from({ length: count }, (_, index) => ({ id: `c-${index}`, index }));
}

async function collect(source: ArrayDataSource, signal = new AbortController().signal): Promise<DataPage[]> {
  const pages: DataPage[] = [];
  for await (const page of source.load({ range, signal })) pages.push(page);
  return pages;
}

describe('ArrayDataSource', () => {
  it('pages the records with the total on every page', async () => {
    const pages = await collect(new ArrayDataSource(records(12), { pageSize: 5 }));
    assert.deepEqual(pages.map((page) => page.conversations.length), [5, 5, 2]);
    assert.ok(pages.every((page) => page.total === 12));
  });

  it('uses pages of 5000 by default', async () => {
    const pages = await collect(new ArrayDataSource(records(12_001)));
    assert.deepEqual(pages.map((page) => page.conversations.length), [5000, 5000, 2001]);
  });

  it('delivers every record once, in order, untouched', async () => {
    const input = records(23);
    const pages = await collect(new ArrayDataSource(input, { pageSize: 4 }));
    const delivered = pages.flatMap((page) => page.conversations);
    assert.equal(delivered.length, 23);
    delivered.forEach((record, index) => assert.equal(record, input[index]));
  });

  it('passes invalid records through for the kit to report', async () => {
    const input = [{ id: 'ok' }, 42, null, 'text'];
    const [page] = await collect(new ArrayDataSource(input));
    assert.deepEqual(page?.conversations, input);
  });

  it('yields no pages for no records', async () => {
    assert.deepEqual(await collect(new ArrayDataSource([])), []);
  });

  it('can be loaded again, and is not changed by later edits to the array', async () => {
    const input = records(7);
    const source = new ArrayDataSource(input, { pageSize: 3 });
    const first = await collect(source);
    input.push({ id: 'late', index: 7 });
    const second = await collect(source);
    assert.deepEqual(second, first);
  });

  it('gives the event loop a turn between pages', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const seen: number[] = [];
      for await (const page of new ArrayDataSource(records(10), { pageSize: 1 }).load({ range, signal: new AbortController().signal })) {
        seen.push(page.conversations.length);
      }
      assert.equal(seen.length, 10);
      assert.ok(ticks > 0, 'a timer ran while pages were produced');
    } finally {
      clearInterval(timer);
    }
  });

  it('stops with an AbortError and no further pages when aborted mid-way', async () => {
    const controller = new AbortController();
    const source = new ArrayDataSource(records(100), { pageSize: 10 });
    const pages: DataPage[] = [];
    await assert.rejects(
      (async () => {
        for await (const page of source.load({ range, signal: controller.signal })) {
          pages.push(page);
          if (pages.length === 3) controller.abort();
        }
      })(),
      (error: unknown) => error instanceof DOMException && error.name === 'AbortError',
    );
    assert.equal(pages.length, 3);
  });

  it('stops when aborted between pages by someone else', async () => {
    const controller = new AbortController();
    const iterator = new ArrayDataSource(records(30), { pageSize: 10 })
      .load({ range, signal: controller.signal })
      [Symbol.asyncIterator]();
    assert.equal((await iterator.next()).done, false);
    const pending = iterator.next();
    controller.abort(); // while the load waits for its turn on the event loop
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal((await iterator.next()).done, true);
  });

  it('rethrows a custom abort reason and produces nothing when aborted before it starts', async () => {
    const controller = new AbortController();
    const reason = new Error('user left the page');
    controller.abort(reason);
    const source = new ArrayDataSource(records(5));
    await assert.rejects(collect(source, controller.signal), (error: unknown) => error === reason);
  });

  it('rejects a page size that is not a whole number ≥ 1', () => {
    assert.throws(() => new ArrayDataSource([], { pageSize: 0 }), RangeError);
    assert.throws(() => new ArrayDataSource([], { pageSize: 2.5 }), RangeError);
  });

  it('resolves the given lookups, with missing lists empty', async () => {
    const signal = new AbortController().signal;
    const lookups = {
      assignees: [{ id: 'agent-01', name: 'Camille Dubois', teamId: 'team-support' }],
      inboxes: [{ id: 'inbox-support', name: 'Support' }],
    };
    const source = new ArrayDataSource([], { lookups });
    assert.deepEqual(await source.lookups(signal), { ...lookups, chatflows: [] });
    const copy = await source.lookups(signal);
    copy.assignees[0]!.name = 'changed';
    assert.equal((await source.lookups(signal)).assignees[0]?.name, 'Camille Dubois');
  });

  it('resolves empty lookups when none were given', async () => {
    const source = new ArrayDataSource([]);
    assert.deepEqual(await source.lookups(new AbortController().signal), { assignees: [], inboxes: [], chatflows: [] });
  });

  it('rejects lookups on an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(new ArrayDataSource([]).lookups(controller.signal), { name: 'AbortError' });
  });
});
