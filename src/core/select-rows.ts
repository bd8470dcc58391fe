import type { DateRange } from './types.ts';
import type { ReportSpec } from './schema/report-spec.ts';
import { compileFilters, filtersOf } from './filters.ts';
import type { ConversationTable } from './table.ts';

/** Indices of the rows in a report: `spec.dateProperty` in [from, to) and every filter holds. */
export function selectRows(
  table: ConversationTable,
  spec: Pick<ReportSpec, 'filters' | 'channel' | 'dateProperty'>,
  range: DateRange,
): Uint32Array {
  const dates = table[spec.dateProperty ?? 'createdAt'].values;
  const tests = compileFilters(table, filtersOf(spec));
  const { from, to } = range;
  const selected = new Uint32Array(table.size);
  let count = 0;
  const testCount = tests.length;
  rows: for (let i = 0; i < table.size; i++) {
    const t = dates[i]!;
    if (!(t >= from && t < to)) continue;
    for (let f = 0; f < testCount; f++) if (!tests[f]!(i)) continue rows;
    selected[count++] = i;
  }
  return selected.subarray(0, count);
}
