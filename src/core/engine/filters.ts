import type { PropertyValue } from '../schema/conversation.ts';
import type { Filter, ReportSpec } from '../schema/report-spec.ts';
import { columnAccess, numberAt, type ColumnAccess } from '../table/columns.ts';
import type { Codes, ConversationTable } from '../table/table.ts';

/** True when `value` (never null here) satisfies a filter that null never satisfies. */
type ValueTest = (value: PropertyValue & {}) => boolean;

export class InvalidFilterError extends Error {
  override name = 'InvalidFilterError';
}

function asNumber(filter: Filter): number {
  if (typeof filter.value !== 'number' || !Number.isFinite(filter.value))
    throw new InvalidFilterError(`Filter "${filter.property} ${filter.operator}" needs a number.`);
  return filter.value;
}

function asList(filter: Filter): PropertyValue[] {
  if (!Array.isArray(filter.value)) throw new InvalidFilterError(`Filter "${filter.property} ${filter.operator}" needs a list.`);
  return filter.value as PropertyValue[];
}

/**
 * The test for non-null values, plus what a null gets: null never satisfies
 * is/in/between/gt/gte/lt/lte/contains and always satisfies isNot/notIn/unknown.
 */
function valueTest(filter: Filter): { test: ValueTest; nullPasses: boolean } {
  const { operator } = filter;
  switch (operator) {
    case 'is':
      return { test: (v) => v === filter.value, nullPasses: false };
    case 'isNot':
      return { test: (v) => v !== filter.value, nullPasses: true };
    case 'in': {
      const set = new Set(asList(filter));
      return { test: (v) => set.has(v), nullPasses: false };
    }
    case 'notIn': {
      const set = new Set(asList(filter));
      return { test: (v) => !set.has(v), nullPasses: true };
    }
    case 'known':
      return { test: () => true, nullPasses: false };
    case 'unknown':
      return { test: () => false, nullPasses: true };
    case 'gt': {
      const limit = asNumber(filter);
      return { test: (v) => typeof v === 'number' && v > limit, nullPasses: false };
    }
    case 'gte': {
      const limit = asNumber(filter);
      return { test: (v) => typeof v === 'number' && v >= limit, nullPasses: false };
    }
    case 'lt': {
      const limit = asNumber(filter);
      return { test: (v) => typeof v === 'number' && v < limit, nullPasses: false };
    }
    case 'lte': {
      const limit = asNumber(filter);
      return { test: (v) => typeof v === 'number' && v <= limit, nullPasses: false };
    }
    case 'between': {
      const [min, max] = asList(filter);
      if (typeof min !== 'number' || typeof max !== 'number')
        throw new InvalidFilterError(`Filter "${filter.property} between" needs [min, max].`);
      return { test: (v) => typeof v === 'number' && v >= min && v <= max, nullPasses: false };
    }
    case 'contains': {
      if (typeof filter.value !== 'string')
        throw new InvalidFilterError(`Filter "${filter.property} contains" needs text.`);
      const needle = filter.value.toLowerCase();
      return { test: (v) => String(v).toLowerCase().includes(needle), nullPasses: false };
    }
  }
}

/** A row test for the rare filters that are neither a dictionary mask nor a numeric range. */
export type RowTest = (i: number) => boolean;

/**
 * A filter ready for the hot loop: categorical filters become a 0/1 mask over dictionary codes
 * (evaluated once per distinct value, then one lookup a row), comparisons on numbers a range test
 * on the typed array; only the rest keep a per-row function.
 */
export type CompiledFilter =
  | { kind: 'mask'; codes: Codes; mask: Uint8Array; passes: 'all' | 'none' | 'some' }
  | { kind: 'range'; values: Float64Array; minus: Float64Array | null; lo: number; hi: number; loOpen: boolean; hiOpen: boolean }
  | { kind: 'test'; test: RowTest };

function numericRange(filter: Filter): { lo: number; hi: number; loOpen: boolean; hiOpen: boolean } | null {
  const inf = Number.POSITIVE_INFINITY;
  switch (filter.operator) {
    case 'gt':
      return { lo: asNumber(filter), hi: inf, loOpen: true, hiOpen: false };
    case 'gte':
      return { lo: asNumber(filter), hi: inf, loOpen: false, hiOpen: false };
    case 'lt':
      return { lo: -inf, hi: asNumber(filter), loOpen: false, hiOpen: true };
    case 'lte':
      return { lo: -inf, hi: asNumber(filter), loOpen: false, hiOpen: false };
    case 'between': {
      const [min, max] = asList(filter);
      if (typeof min !== 'number' || typeof max !== 'number')
        throw new InvalidFilterError(`Filter "${filter.property} between" needs [min, max].`);
      return { lo: min, hi: max, loOpen: false, hiOpen: false };
    }
    case 'known':
      return { lo: -inf, hi: inf, loOpen: false, hiOpen: false };
    default:
      return null;
  }
}

function compileFilter(access: ColumnAccess, filter: Filter): CompiledFilter {
  if (access.kind === 'number') {
    const range = numericRange(filter);
    // NaN (null) fails every comparison, which is what these operators want for null.
    if (range) return { kind: 'range', values: access.values, minus: access.minus ?? null, ...range };
  }
  const { test, nullPasses } = valueTest(filter);
  switch (access.kind) {
    case 'dict': {
      // Evaluate once per dictionary entry, then a row is one lookup.
      const mask = new Uint8Array(access.values.length);
      mask[0] = nullPasses ? 1 : 0;
      let passing = mask[0]!;
      for (let code = 1; code < access.values.length; code++) passing += mask[code] = test(access.values[code]!) ? 1 : 0;
      const passes = passing === mask.length ? 'all' : passing === 0 ? 'none' : 'some';
      return { kind: 'mask', codes: access.codes, mask, passes };
    }
    case 'number':
      return {
        kind: 'test',
        test: (i) => {
          const value = numberAt(access, i);
          return Number.isNaN(value) ? nullPasses : test(value);
        },
      };
    case 'text':
      return {
        kind: 'test',
        test: (i) => {
          const value = access.at(i);
          return value === null ? nullPasses : test(value);
        },
      };
  }
}

/** The spec's filters, with the `channel` shorthand as one more. */
export function filtersOf(spec: Pick<ReportSpec, 'filters' | 'channel'>): Filter[] {
  const filters = [...(spec.filters ?? [])];
  if (spec.channel !== undefined) filters.unshift({ property: 'channel', operator: 'is', value: spec.channel });
  return filters;
}

/** A stable text for one filter: equal filters, equal keys, whatever the key order of the object. */
export function filterKey(filter: Filter): string {
  return `${filter.property}\u0001${filter.operator}\u0001${JSON.stringify(filter.value ?? null)}`;
}

export function compileFilters(table: ConversationTable, filters: readonly Filter[]): CompiledFilter[] {
  return filters.map((filter) => compileFilter(columnAccess(table, filter.property), filter));
}

/** Keeps the rows of `rows` that pass `filter`, in order. May reuse `rows` as the output. */
export function refineRows(rows: Uint32Array, filter: CompiledFilter, out: Uint32Array): number {
  const count = rows.length;
  let n = 0;
  switch (filter.kind) {
    case 'mask': {
      const { codes, mask } = filter;
      // Branch-free: write every row, advance only past the ones that pass.
      if (codes instanceof Uint8Array) for (let k = 0; k < count; k++) (out[n] = rows[k]!), (n += mask[codes[rows[k]!]!]!);
      else if (codes instanceof Uint16Array) for (let k = 0; k < count; k++) (out[n] = rows[k]!), (n += mask[codes[rows[k]!]!]!);
      else for (let k = 0; k < count; k++) (out[n] = rows[k]!), (n += mask[codes[rows[k]!]!]!);
      return n;
    }
    case 'range': {
      const { values, minus, lo, hi, loOpen, hiOpen } = filter;
      for (let k = 0; k < count; k++) {
        const i = rows[k]!;
        const v = minus ? values[i]! - minus[i]! : values[i]!;
        if ((loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi)) out[n++] = i;
      }
      return n;
    }
    case 'test': {
      const { test } = filter;
      for (let k = 0; k < count; k++) if (test(rows[k]!)) out[n++] = rows[k]!;
      return n;
    }
  }
}
