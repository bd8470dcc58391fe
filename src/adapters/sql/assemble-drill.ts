import { parseConversations } from '../../core/index.ts';
import type { DrillPage } from '../../core/types.ts';
import { toBoolean, toNumber } from './assemble-report.ts';
import type { CompiledDrill } from './compile-drill.ts';
import { SQL_BUILT_IN_COLUMNS, type ResolvedSqlSchema } from './sql-schema.ts';

const TIMES: ReadonlySet<string> = new Set(['createdAt', 'firstResponseAt', 'closedAt']);

/**
 * The rows of a compiled drill statement as a DrillPage: the total row's count, and the page's rows
 * in their position order, validated like every other source's records (a row the database holds
 * but the kit would reject is left out of the page).
 */
export function assembleDrillPage(rows: readonly Record<string, unknown>[], compiled: CompiledDrill, schema: ResolvedSqlSchema): DrillPage {
  let total = 0;
  const page: { n: number; record: Record<string, unknown> }[] = [];
  for (const row of rows) {
    if (row.cr_part === 'total') {
      total = toNumber(row.cr_n) ?? 0;
      continue;
    }
    const properties: Record<string, unknown> = Object.create(null);
    for (const [alias, name] of compiled.customColumns) {
      const type = schema.customColumn(name)?.kind;
      const value = type === 'number' ? toNumber(row[alias]) : type === 'boolean' ? toBoolean(row[alias]) : row[alias] == null ? null : String(row[alias]);
      if (value !== null) properties[name] = value;
    }
    const record: Record<string, unknown> = { properties };
    for (const column of SQL_BUILT_IN_COLUMNS) record[column] = TIMES.has(column) ? toNumber(row[column]) : (row[column] ?? null);
    page.push({ n: toNumber(row.cr_n) ?? 0, record });
  }
  // UNION ALL keeps no order: the statement numbers the page's rows.
  page.sort((a, b) => a.n - b.n);
  return { total, offset: compiled.offset, rows: parseConversations(page.map((p) => p.record)).conversations };
}
