// The page's engine loads the business clock before the first compute that counts in business
// hours, so that the default dashboard, which has none (the host sets them), paints without it
// (business-time-registry.ts). Node runs each test file in a process of its own: nothing
// registered the business clock when this one starts.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { computeReport } from '../core/engine/compute-report.ts';
import { createTable } from '../core/table/table.ts';
import { generateConversations } from '../sample/generate-conversations.ts';
import { checkFirstBusinessCompute, closeInBusinessHours, withBusinessHours } from '../../test/harness/first-business-compute.ts';

describe('business hours, loaded on first use', () => {
  it('the engine refuses a business span before the clock is registered, saying what to load', () => {
    const sample = generateConversations({ n: 50, seed: 7 });
    assert.throws(
      () => computeReport(createTable(sample.conversations, sample.lookups), closeInBusinessHours, withBusinessHours),
      /counted in business hours.*installBusinessTime\(\)/,
    );
  });

  it('the page engine computes business spans and SLAs on its first compute (a small table: at once)', () => checkFirstBusinessCompute(400));
});
