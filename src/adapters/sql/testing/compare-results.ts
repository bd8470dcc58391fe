/** Test support: differences between two ReportResults, numbers compared to a relative 1e-9. */
import type { Aggregate, GroupKey, ReportResult } from '../../../core/types.ts';

function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-9);
}

const show = (value: unknown): string => JSON.stringify(value);

function aggregateProblems(where: string, got: Aggregate | undefined, expected: Aggregate | undefined): string[] {
  if (got === undefined || expected === undefined) return got === expected ? [] : [`${where}: ${show(got)}, expected ${show(expected)}`];
  if (got.count !== expected.count || !sameNumber(got.value, expected.value))
    return [`${where}: { value: ${got.value}, count: ${got.count} }, expected { value: ${expected.value}, count: ${expected.count} }`];
  return [];
}

const keyText = (key: GroupKey | undefined): string => (typeof key === 'number' && key > 1e11 ? `${key} (${new Date(key).toISOString()})` : show(key));

/** Everything of the result: rows in order with keys, labels, series, values and previous values. */
export function resultProblems(got: ReportResult, expected: ReportResult): string[] {
  const problems: string[] = [];
  if (got.reportId !== expected.reportId) problems.push(`reportId ${show(got.reportId)}, expected ${show(expected.reportId)}`);
  if (got.matched !== expected.matched) problems.push(`matched ${got.matched}, expected ${expected.matched}`);
  if (got.excluded !== expected.excluded) problems.push(`excluded ${got.excluded}, expected ${expected.excluded}`);
  problems.push(...aggregateProblems('total', got.total, expected.total));
  problems.push(...aggregateProblems('total.previous', got.total.previous, expected.total.previous));
  const length = Math.max(got.rows.length, expected.rows.length);
  for (let i = 0; i < length; i++) {
    const g = got.rows[i];
    const e = expected.rows[i];
    if (!g || !e) {
      problems.push(`row ${i}: ${g ? `extra ${keyText(g.key)} ${show(g.label)}` : `missing ${keyText(e!.key)} ${show(e!.label)}`} (${got.rows.length} rows, expected ${expected.rows.length})`);
      continue;
    }
    const where = `row ${i} key=${keyText(e.key)}${e.series === undefined ? '' : ` series=${show(e.series)}`}`;
    if (show(g.key) !== show(e.key) || show(g.series) !== show(e.series)) {
      problems.push(`row ${i}: key ${keyText(g.key)} series ${show(g.series)}, expected ${keyText(e.key)} series ${show(e.series)}`);
      continue;
    }
    if (g.label !== e.label) problems.push(`${where}: label ${show(g.label)}, expected ${show(e.label)}`);
    if (g.seriesLabel !== e.seriesLabel) problems.push(`${where}: seriesLabel ${show(g.seriesLabel)}, expected ${show(e.seriesLabel)}`);
    problems.push(...aggregateProblems(where, g, e));
    problems.push(...aggregateProblems(`${where} previous`, g.previous, e.previous));
    if (g.previousKey !== e.previousKey) problems.push(`${where}: previousKey ${keyText(g.previousKey)}, expected ${keyText(e.previousKey)}`);
  }
  return problems;
}
