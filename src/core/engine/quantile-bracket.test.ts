import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BracketQuantiles, type BracketInput } from './quantile-bracket.ts';

/** quantile_cont by sorting, as the reference (the kernel selects inside brackets instead). */
function bySorting(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return position === lo ? sorted[lo]! : sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

const extreme = (values: number[], pick: (a: number, b: number) => number) => values.reduce((a, b) => pick(a, b));

interface Case {
  name: string;
  groups: number;
  /** Per row: group and value (null: no value). */
  rows: { group: number; value: number | null }[];
}

let seed = 20261207;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

/** The rows as the kernel reads them: codes, or ids per selected row; with and without `minus`, and a selection that skips rows. */
function inputs(c: Case): { label: string; input: BracketInput; selected: number[] }[] {
  const size = c.rows.length + 3;
  // Rows 0, 1 and the last are not selected: the kernel must read only the selected ones.
  const selected = c.rows.map((_, k) => k + 2);
  const rows = Uint32Array.from(selected);
  const codes = new Uint16Array(size);
  const values = new Float64Array(size).fill(123456);
  const minus = new Float64Array(size).fill(99);
  const shifted = new Float64Array(size).fill(7);
  c.rows.forEach((row, k) => {
    const i = k + 2;
    codes[i] = row.group;
    values[i] = row.value ?? Number.NaN;
    shifted[i] = row.value === null ? Number.NaN : row.value + 1000;
    minus[i] = 1000;
  });
  const ids = Int32Array.from(c.rows, (row) => row.group);
  const narrow = Uint8Array.from(codes);
  return [
    { label: 'codes', input: { rows, codes: narrow, ids: null, values, minus: null }, selected },
    { label: 'wide codes, minus', input: { rows, codes, ids: null, values: shifted, minus }, selected },
    { label: 'ids', input: { rows, codes: null, ids, values, minus: null }, selected },
  ];
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
      const { quantiles, stats } = BracketQuantiles.build(input, c.groups, q);
      for (let g = 0; g < c.groups; g++) {
        const expected = bySorting(perGroup[g]!, q);
        assert.equal(quantiles.quantile([g], q), expected, `${c.name} (${label}) group ${g} q ${q}`);
        assert.equal(stats.n[g], perGroup[g]!.length, `${c.name} (${label}) n of group ${g}`);
        if (perGroup[g]!.length > 0) {
          assert.equal(stats.min[g], extreme(perGroup[g]!, Math.min));
          assert.equal(stats.max[g], extreme(perGroup[g]!, Math.max));
          assert.equal(stats.sum[g], perGroup[g]!.reduce((a, b) => a + b, 0), `${c.name} (${label}) sum of group ${g}`);
        }
      }
      const everyGroup = Array.from({ length: c.groups }, (_, g) => g);
      assert.equal(quantiles.quantile(everyGroup, q), bySorting(all, q), `${c.name} (${label}) total q ${q}`);
      // Another q asked later, and a union that is not the total.
      const other = q === 0.5 ? 0.9 : 0.5;
      assert.equal(quantiles.quantile([0], other), bySorting(perGroup[0]!, other), `${c.name} (${label}) later q`);
      const some = everyGroup.filter((g) => g % 2 === 0);
      assert.equal(quantiles.quantile(some, q), bySorting(some.flatMap((g) => perGroup[g]!), q), `${c.name} (${label}) union`);
    }
  }
}

const integer = (max: number) => Math.floor(random() * max);

describe('BracketQuantiles (quantiles of few groups in one pass, by sampled brackets)', () => {
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

  it('handles many small groups (no sample to bracket them) next to a huge one', () => {
    const rows = Array.from({ length: 100_000 }, (_, k) => (k % 100 === 0 ? { group: 1 + (k % 63), value: integer(50) } : { group: 0, value: random() * 1000 }));
    check({ name: 'many small groups', groups: 64, rows });
  });

  it('stays exact when the sample misleads: values drift along the rows, or jump outside the sampled blocks', () => {
    // Sorted by value, then each group's values in a run: a sample of blocks sees only some runs.
    const drifting = Array.from({ length: 200_000 }, (_, k) => ({ group: Math.floor(k / 50_000), value: k % 50_000 < 25_000 ? k : 1e9 - k }));
    check({ name: 'runs', groups: 4, rows: drifting });
    // Rows outside the sampled blocks hold far larger values: the brackets miss and the exact path answers.
    const jumps = Array.from({ length: 200_000 }, (_, k) => ({ group: k % 2, value: Math.floor(k / 1024) % 5 === 2 ? 1e12 + k : k % 1000 }));
    check({ name: 'jumps', groups: 2, rows: jumps });
  });
});
