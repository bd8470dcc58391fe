import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HISTOGRAM_MAX_GROUPS, HistogramQuantiles, type HistogramInput } from './quantile-histogram.ts';
import { quantileBySorting } from '../../../test/harness/quantile-by-sorting.ts';

interface Case {
  name: string;
  groups: number;
  /** Per row: group and value (null: no value). */
  rows: { group: number; value: number | null }[];
}

let seed = 20261207;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/**
 * The rows as the kernel reads them: codes, or ids per selected row; with and without `minus`; a
 * selection that skips rows, as one run of rows or (stride 2) listed.
 */
function inputs(c: Case): { label: string; input: HistogramInput; selected: number[] }[] {
  return [1, 2].flatMap((stride) => {
    const size = c.rows.length * stride + 3;
    // Rows 0, 1 and the last (and with stride 2 every other one) are not selected: the kernel must read only the selected ones.
    const selected = c.rows.map((_, k) => k * stride + 2);
    const rows = Uint32Array.from(selected);
    const codes = new Uint16Array(size);
    const values = new Float64Array(size).fill(123456);
    const minus = new Float64Array(size).fill(99);
    const shifted = new Float64Array(size).fill(7);
    c.rows.forEach((row, k) => {
      const i = selected[k]!;
      codes[i] = row.group;
      values[i] = row.value ?? Number.NaN;
      shifted[i] = row.value === null ? Number.NaN : row.value + 1000;
      minus[i] = 1000;
    });
    const ids = Int32Array.from(c.rows, (row) => row.group);
    const narrow = Uint8Array.from(codes);
    const how = stride === 1 ? 'run' : 'listed';
    return [
      { label: `codes, ${how}`, input: { rows, codes: narrow, ids: null, values, minus: null }, selected },
      { label: `wide codes, minus, ${how}`, input: { rows, codes, ids: null, values: shifted, minus }, selected },
      { label: `ids, ${how}`, input: { rows, codes: null, ids, values, minus: null }, selected },
    ];
  });
}

function check(c: Case): void {
  for (const { label, input, selected } of inputs(c)) {
    // The values as the kernel should see them: the selected rows' value (minus `minus`), by group.
    const perGroup = Array.from({ length: c.groups }, () => [] as number[]);
    selected.forEach((i, k) => {
      const v = input.minus ? input.values[i]! - input.minus[i]! : input.values[i]!;
      if (!Number.isNaN(v)) perGroup[c.rows[k]!.group]!.push(v);
    });
    const all = perGroup.flat();
    for (const q of [0.5, 0.9]) {
      const { quantiles, stats } = HistogramQuantiles.build(input, c.groups);
      for (let g = 0; g < c.groups; g++) {
        const expected = quantileBySorting(perGroup[g]!, q);
        assert.equal(quantiles.quantile([g], q), expected, `${c.name} (${label}) group ${g} q ${q}`);
        assert.equal(stats.n[g], perGroup[g]!.length, `${c.name} (${label}) n of group ${g}`);
        // Summed in row order, as every other path sums.
        assert.equal(stats.sum[g], perGroup[g]!.reduce((a, b) => a + b, 0), `${c.name} (${label}) sum of group ${g}`);
        // Not computed: NaN, never a wrong extreme.
        assert.ok(Number.isNaN(stats.min[g]!) && Number.isNaN(stats.max[g]!));
      }
      const everyGroup = Array.from({ length: c.groups }, (_, g) => g);
      assert.equal(quantiles.quantile(everyGroup, q), quantileBySorting(all, q), `${c.name} (${label}) total q ${q}`);
      // Another q asked later, and a union that is not the total.
      const other = q === 0.5 ? 0.9 : 0.5;
      assert.equal(quantiles.quantile([0], other), quantileBySorting(perGroup[0]!, other), `${c.name} (${label}) later q`);
      const some = everyGroup.filter((g) => g % 2 === 0);
      assert.equal(quantiles.quantile(some, q), quantileBySorting(some.flatMap((g) => perGroup[g]!), q), `${c.name} (${label}) union`);
    }
  }
}

const integer = (max: number) => Math.floor(random() * max);

describe('HistogramQuantiles (quantiles of few groups from per-group radix histograms)', () => {
  it('equals sort-based quantile_cont on long, skewed groups of very different sizes', () => {
    const rows = Array.from({ length: 120_000 }, () => {
      const group = Math.min(19, Math.floor(-Math.log(random() + 1e-12) * 4));
      return { group, value: random() < 0.08 ? null : Math.round(Math.exp(random() * 12 + 6)) };
    });
    check({ name: 'skewed', groups: 20, rows });
  });

  it('is exact with ties: a few distinct values, and every value the same', () => {
    check({ name: 'few values', groups: 3, rows: Array.from({ length: 80_000 }, () => ({ group: integer(3), value: integer(4) })) });
    check({ name: 'one value', groups: 2, rows: Array.from({ length: 70_000 }, () => ({ group: integer(2), value: 42 })) });
  });

  it('handles nulls, empty groups, a single value, negative and fractional values', () => {
    const rows = Array.from({ length: 120_000 }, (_, k) => ({
      group: k % 5 === 4 ? 4 : k % 4,
      value: k % 5 === 4 ? null : (random() - 0.5) * 1e6 + (k % 3) * 0.25,
    }));
    rows.push({ group: 5, value: -0 });
    check({ name: 'nulls and negatives', groups: 7, rows });
    check({ name: 'nothing', groups: 3, rows: [] });
    check({ name: 'all null', groups: 2, rows: Array.from({ length: 5000 }, (_, k) => ({ group: k % 2, value: null })) });
  });

  it('handles many small groups next to a huge one', () => {
    const rows = Array.from({ length: 100_000 }, (_, k) => (k % 100 === 0 ? { group: 1 + (k % 63), value: integer(50) } : { group: 0, value: random() * 1000 }));
    check({ name: 'many small groups', groups: 64, rows });
  });

  it('stays exact when the sample misleads: values drift along the rows, or jump outside the sampled blocks', () => {
    // Sorted by value, then each group's values in a run: a sample of blocks sees only some runs.
    const drifting = Array.from({ length: 200_000 }, (_, k) => ({ group: Math.floor(k / 50_000), value: k % 50_000 < 25_000 ? k : 1e9 - k }));
    check({ name: 'runs', groups: 4, rows: drifting });
    // Rows outside the sampled blocks hold far larger values: they fall in the window's last bucket.
    const jumps = Array.from({ length: 200_000 }, (_, k) => ({ group: k % 2, value: Math.floor(k / 1024) % 5 === 2 ? 1e12 + k : k % 1000 }));
    check({ name: 'jumps', groups: 2, rows: jumps });
  });

  it('is exact for a group of one row, groups of two far-apart values, and the most groups it takes', () => {
    // Group 1: one row; group 2: two values in buckets far apart (the median interpolates across empty buckets).
    const rows = Array.from({ length: 150_000 }, () => ({ group: 0, value: 1000 + integer(100_000) }));
    rows.push({ group: 1, value: 77 }, { group: 2, value: 3 }, { group: 2, value: 9e9 });
    check({ name: 'one row, two values', groups: 3, rows });
    const most = Array.from({ length: 140_000 }, (_, k) => ({ group: k % HISTOGRAM_MAX_GROUPS, value: k % 7 === 0 ? null : (k % 1000) - 500 }));
    check({ name: 'most groups', groups: HISTOGRAM_MAX_GROUPS, rows: most });
  });

  it('is exact over values spanning the whole range of doubles, zeros and infinitely many ties at one bucket edge', () => {
    // Far outside any window: tiny, huge, negative; the window covers only some of them.
    const rows = Array.from({ length: 150_000 }, (_, k) => {
      const sign = k % 3 === 0 ? -1 : 1;
      const value = k % 11 === 0 ? 0 : sign * 10 ** (integer(600) - 300) * (1 + random());
      return { group: k % 4, value };
    });
    check({ name: 'whole range', groups: 4, rows });
    // Mostly one value, a few neighbours on both sides: the rank's bucket is almost everything.
    const ties = Array.from({ length: 150_000 }, (_, k) => ({ group: k % 2, value: k % 100 === 0 ? 41.999999 : k % 101 === 0 ? 42.000001 : 42 }));
    check({ name: 'ties', groups: 2, rows: ties });
  });

  it('rejects more groups than its cells hold', () => {
    const input: HistogramInput = { rows: new Uint32Array(0), codes: new Uint8Array(0), ids: null, values: new Float64Array(0), minus: null };
    assert.throws(() => HistogramQuantiles.build(input, HISTOGRAM_MAX_GROUPS + 1), RangeError);
  });
});
