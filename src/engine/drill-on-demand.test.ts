// The page's engine loads the drill when it is first asked for (so that the dashboard's first paint
// does without it): its pages are drillDown's own, the first one included, and a drill already
// aborted or aborted while the drill loads gives no rows.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { EngineLoader } from './report-engine.ts';
import { drillDown } from '../core/engine/drill-down.ts';
import { templates } from '../core/dashboard/templates.ts';
import type { ReportContext } from '../core/types.ts';
import { generateConversations } from '../sample/generate-conversations.ts';

const sample = generateConversations({ n: 400, seed: 11 });
const context: ReportContext = { range: { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) }, timeZone: 'UTC' };
const spec = templates.chatOverview.reports[0]!;

async function mainThreadEngine() {
  const loader = new EngineLoader({ createWorker: () => null });
  await loader.add({ conversations: sample.conversations }, 1);
  const { engine } = await loader.finish(sample.lookups);
  assert.equal(engine.mode, 'main');
  return engine;
}

describe('the page engine drill, loaded on first use', () => {
  it('gives drillDown’s pages, the first drill and later ones', async () => {
    const engine = await mainThreadEngine();
    const result = await engine.compute(spec, context);
    const key = result.rows[0]!.key;
    const [first, second] = await Promise.all([engine.drill(spec, context, { key }), engine.drill(spec, context, { key }, { offset: 2, limit: 3, sort: { by: 'id', direction: 'desc' } })]);
    assert.deepEqual(first, drillDown(engine.table!, spec, context, { key }));
    assert.deepEqual(second, drillDown(engine.table!, spec, context, { key }, { offset: 2, limit: 3, sort: { by: 'id', direction: 'desc' } }));
    assert.ok(first.total > 0);
  });

  it('rejects an aborted drill with the signal’s reason, and a bad page as drillDown does', async () => {
    const engine = await mainThreadEngine();
    const controller = new AbortController();
    const drill = engine.drill(spec, context, { key: 'x' }, undefined, controller.signal);
    controller.abort(new Error('gone'));
    await assert.rejects(drill, /gone/);
    await assert.rejects(engine.drill(spec, context, { key: 'x' }, undefined, controller.signal), /gone/);
    await assert.rejects(engine.drill(spec, context, { key: 'x' }, { limit: -1 }), { name: 'InvalidDrillPageError' });
  });
});
