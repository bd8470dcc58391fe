// The page's engine reads Arrow and columnar pages with modules it loads when the first such page
// arrives (so that flechette and the columnar reader are not part of the dashboard's first paint):
// pages of Arrow, given as { arrow }, as bare IPC bytes or as a flechette Table, and columnar pages
// (JSON or binary) still make the same table as the objects they hold.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { EngineLoader } from './report-engine.ts';
import { toArrowIPC, toArrowTable } from '../core/wire/arrow/to-arrow-ipc.ts';
import { encodeWirePage, toJsonWirePage, toWirePage } from '../core/wire/wire-encode.ts';
import { generateConversations } from '../sample/generate-conversations.ts';

const sample = generateConversations({ n: 300, seed: 7 });
const half = Math.floor(sample.conversations.length / 2);
const [first, second] = [sample.conversations.slice(0, half), sample.conversations.slice(half)];

async function load(pages: unknown[]): Promise<number> {
  const loader = new EngineLoader({ createWorker: () => null });
  for (const [index, page] of pages.entries()) await loader.add(page as never, index + 1);
  const { engine, rejected } = await loader.finish(sample.lookups);
  assert.deepEqual(rejected, []);
  return engine.size;
}

describe('EngineLoader in the page', () => {
  it('takes objects, then Arrow pages in every form, loading Arrow reading on the way', async () => {
    const all = sample.conversations.length;
    assert.equal(await load([{ conversations: sample.conversations }]), all);
    assert.equal(await load([{ conversations: first }, { arrow: toArrowIPC(second) }]), all);
    assert.equal(await load([toArrowIPC(first), toArrowTable(second)]), all);
  });

  it('takes columnar pages, JSON and binary, after objects', async () => {
    const all = sample.conversations.length;
    assert.equal(await load([{ conversations: first }, toJsonWirePage(toWirePage(second))]), all);
    assert.equal(await load([{ columns: encodeWirePage(toWirePage(first)) }, { conversations: second }]), all);
  });

  it('still rejects what is no page', async () => {
    const loader = new EngineLoader({ createWorker: () => null });
    await assert.rejects(loader.add(42 as never, 1), /malformed/);
    await assert.rejects(new EngineLoader({ createWorker: () => null }).add({ rows: [] } as never, 1), /malformed/);
  });
});
