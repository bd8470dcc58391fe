import type { PropertyValue } from './schema/conversation.ts';
import type { Filter, ReportSpec } from './schema/report-spec.ts';
import { columnAccess, numberAt, type ColumnAccess } from './columns.ts';
import type { ConversationTable } from './table.ts';

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

/** A row test, specialised by column kind so the hot loop stays on typed arrays. */
export type RowTest = (i: number) => boolean;

function rowTest(access: ColumnAccess, filter: Filter): RowTest {
  const { test, nullPasses } = valueTest(filter);
  switch (access.kind) {
    case 'dict': {
      // Evaluate once per dictionary entry, then a row is one lookup.
      const mask = new Uint8Array(access.values.length);
      mask[0] = nullPasses ? 1 : 0;
      for (let code = 1; code < access.values.length; code++) mask[code] = test(access.values[code]!) ? 1 : 0;
      const { codes } = access;
      return (i) => mask[codes[i]!] === 1;
    }
    case 'number':
      return (i) => {
        const value = numberAt(access, i);
        return Number.isNaN(value) ? nullPasses : test(value);
      };
    case 'text':
      return (i) => {
        const value = access.values[i];
        return value === null || value === undefined ? nullPasses : test(value);
      };
  }
}

/** The spec's filters, with the `channel` shorthand as one more. */
export function filtersOf(spec: Pick<ReportSpec, 'filters' | 'channel'>): Filter[] {
  const filters = [...(spec.filters ?? [])];
  if (spec.channel !== undefined) filters.unshift({ property: 'channel', operator: 'is', value: spec.channel });
  return filters;
}

export function compileFilters(table: ConversationTable, filters: readonly Filter[]): RowTest[] {
  return filters.map((filter) => rowTest(columnAccess(table, filter.property), filter));
}
