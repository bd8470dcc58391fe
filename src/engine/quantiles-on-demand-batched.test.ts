// As quantiles-on-demand.test.ts, through the page engine's batched computes (a table of 10 000
// conversations or more), in a process of its own so that nothing registered the quantiles before.
import { describe, it } from 'node:test';
import { checkFirstQuantileCompute } from '../../test/harness/first-quantile-compute.ts';

describe('quantiles, loaded on first use by a batch', () => {
  it('the page engine computes a median and a p90 on its first batched compute', () => checkFirstQuantileCompute(12_000));
});
