import { strict as assert } from 'node:assert';
import { EngineLoader, type ReportEngine } from '../../src/engine/report-engine.ts';
import { generateConversations } from '../../src/sample/generate-conversations.ts';

/** A page's engine (no Worker) over `n` generated conversations, as a small dashboard load makes it. */
export async function pageEngineOf(n: number, seed: number): Promise<{ engine: ReportEngine; sample: ReturnType<typeof generateConversations> }> {
  const sample = generateConversations({ n, seed });
  const loader = new EngineLoader({ createWorker: () => null });
  await loader.add({ conversations: sample.conversations }, 1);
  const { engine } = await loader.finish(sample.lookups);
  assert.equal(engine.mode, 'main');
  return { engine, sample };
}
