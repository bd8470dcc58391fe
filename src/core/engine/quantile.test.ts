import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quantileInPlace } from './quantile.ts';
import { quantileBySorting } from '../../../test/harness/quantile-by-sorting.ts';

describe('quantileInPlace', () => {
  it('interpolates linearly between neighbours like quantile_cont', () => {
    assert.equal(quantileInPlace(Float64Array.from([10, 1, 4]), 0.5), 4);
    assert.equal(quantileInPlace(Float64Array.from([1, 2, 3, 4]), 0.5), 2.5);
    assert.equal(quantileInPlace(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.9), 9.1);
    assert.equal(quantileInPlace(new Float64Array(0), 0.5), null);
    assert.equal(quantileInPlace(Float64Array.from([7]), 0.9), 7);
  });

  it('equals the sorting reference on random, duplicate-heavy and sorted inputs', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random() * 200);
      const kind = trial % 3;
      const values = Array.from({ length: n }, (_, i) =>
        kind === 0 ? Math.floor(random() * 1e6) : kind === 1 ? Math.floor(random() * 4) : i,
      );
      for (const q of [0.5, 0.9]) assert.equal(quantileInPlace(Float64Array.from(values), q), quantileBySorting(values, q));
    }
  });

  it('equals the sorting reference on long inputs, where selection samples first', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 24; trial++) {
      const n = 601 + Math.floor(random() * 6000);
      const kind = trial % 4;
      const values = Array.from({ length: n }, (_, i) =>
        kind === 0 ? random() * 1e6 : kind === 1 ? Math.floor(random() * 5) : kind === 2 ? n - i : Math.exp(random() * 12),
      );
      for (const q of [0.5, 0.9]) assert.equal(quantileInPlace(Float64Array.from(values), q), quantileBySorting(values, q));
    }
  });

  it('equals the sorting reference on inputs long enough to be narrowed by a histogram first', () => {
    let seed = 5;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 10; trial++) {
      const n = 16_384 + Math.floor(random() * 40_000);
      const kind = trial % 5;
      const values = Array.from({ length: n }, (_, i) =>
        kind === 0
          ? Math.floor(Math.exp(random() * 16))
          : kind === 1
            ? Math.floor(random() * 3)
            : kind === 2
              ? (random() - 0.5) * 1e9
              : kind === 3
                ? 1e6 + (i % 7)
                : -Math.exp(random() * 10),
      );
      for (const q of [0.5, 0.9, 0.1234]) assert.equal(quantileInPlace(Float64Array.from(values), q), quantileBySorting(values, q), `kind ${kind}, q ${q}`);
    }
  });
});
