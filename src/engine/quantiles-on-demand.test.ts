// The page's engine loads the quantile code (median, p90) before the first compute that asks for one,
// so that the default dashboard, which has none, paints without it (quantile-registry.ts). Node runs
// each test file in a process of its own: nothing registered the quantiles when this one starts.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { computeReport } from '../core/engine/compute-report.ts';
import { createTable } from '../core/table/table.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { checkFirstQuantileCompute, everything, medianByChannel } from '../../test/harness/first-quantile-compute.ts';

describe('quantiles, loaded on first use', () => {
  it('the engine refuses a quantile before they are registered, saying what to load', () => {
    const sample = generateConversations({ n: 50, seed: 5 });
    assert.throws(() => computeReport(createTable(sample.conversations, sample.lookups), medianByChannel, everything), /quantile measure \(median, p90\).*installQuantiles\(\)/);
  });

  it('the page engine computes a median and a p90 on its first compute (a small table: at once)', () => checkFirstQuantileCompute(400));
});
