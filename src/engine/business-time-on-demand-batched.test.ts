// As business-time-on-demand.test.ts, through the page engine's batched computes (a table of
// 10 000 conversations or more), in a process of its own so that nothing registered the clock before.
import { describe, it } from 'node:test';
import { checkFirstBusinessCompute } from '../../test/harness/first-business-compute.ts';

describe('business hours, loaded on first use by a batch', () => {
  it('the page engine computes business spans and SLAs on its first batched compute', () => checkFirstBusinessCompute(12_000));
});
