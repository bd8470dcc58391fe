import type { ReportSpec } from '../../../src/core/schema/report-spec.ts';
import type { Aggregate, GroupKey, ReportContext, ReportResult, ReportRow } from '../../../src/core/types.ts';
import { OTHER, keyId, type OracleAggregate, type OracleResult, type OracleRow } from './report-sql.ts';

/** Relative 1e-6; well below a millisecond for any duration average a report shows. */
export function sameValue(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b);
  return Math.abs(a - b) <= Math.max(1e-6 * Math.max(Math.abs(a), Math.abs(b)), 1e-9);
}

const fmtKey = (key: GroupKey | undefined): string =>
  typeof key === 'number' && key > 1e11 ? `${key} (${new Date(key).toISOString()})` : JSON.stringify(key);

const fmtAgg = (a: Aggregate | OracleAggregate | undefined): string =>
  a === undefined ? 'undefined' : `{ value: ${a.value}, count: ${a.count} }`;

function sameAggregate(a: Aggregate | undefined, b: OracleAggregate | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.count === b.count && sameValue(a.value, b.value);
}

const collator = new Intl.Collator('en');

export interface Comparison {
  problems: string[];
  notes: string[];
}

/** Everything DESIGN.md "Computing" fixes, checked row by row; returns readable differences. */
export function compareReport(spec: ReportSpec, context: ReportContext, engine: ReportResult, oracle: OracleResult): Comparison {
  const problems: string[] = [];
  const notes: string[] = [];
  const emptyValue = spec.measure.op === 'count' ? 0 : null;

  if (engine.reportId !== spec.id) problems.push(`reportId ${JSON.stringify(engine.reportId)}, expected ${JSON.stringify(spec.id)}`);
  if (engine.matched !== oracle.matched) problems.push(`matched ${engine.matched}, expected ${oracle.matched}`);
  if (!sameAggregate(engine.total, oracle.total)) problems.push(`total ${fmtAgg(engine.total)}, expected ${fmtAgg(oracle.total)}`);
  if (context.compare === 'previous-period') {
    if (!sameAggregate(engine.total.previous, oracle.total.previous))
      problems.push(`total.previous ${fmtAgg(engine.total.previous)}, expected ${fmtAgg(oracle.total.previous)}`);
  } else if (engine.total.previous !== undefined) {
    problems.push(`total.previous present without compare`);
  }

  if (spec.dimension === undefined) return { problems, notes };

  const engineById = new Map<string, ReportRow>();
  for (const row of engine.rows) {
    const id = keyId(row.key, spec.breakdown === undefined ? null : (row.series ?? null));
    if (engineById.has(id)) problems.push(`duplicate row ${id}`);
    engineById.set(id, row);
  }
  const oracleById = new Map<string, OracleRow>();
  for (const row of oracle.rows) oracleById.set(keyId(row.key, row.series), row);

  const dimensionIsText = !oracle.isDate && oracle.sql.dimension?.kind === 'string';
  const seriesIsText = oracle.sql.series?.kind === 'string';
  const fillerKeys = new Set(oracle.rows.filter((r) => r.filler).map((r) => JSON.stringify(r.key)));
  const engineKeys = new Set(engine.rows.map((r) => JSON.stringify(r.key)));

  for (const [id, expected] of oracleById) {
    const got = engineById.get(id);
    const where = `row key=${fmtKey(expected.key)}${spec.breakdown ? ` series=${JSON.stringify(expected.series)}` : ''}`;
    if (expected.filler) {
      // An empty bucket: with a breakdown it may come as one row per series or one with none.
      if (!engineKeys.has(JSON.stringify(expected.key))) problems.push(`${where}: empty bucket missing`);
      continue;
    }
    if (got === undefined) {
      problems.push(`${where} (${expected.label}): missing, expected ${fmtAgg(expected)}`);
      continue;
    }
    if (got.count !== expected.count || !sameValue(got.value, expected.value))
      problems.push(`${where} (${expected.label}): ${fmtAgg(got)}, expected ${fmtAgg(expected)}`);
    if (expected.isOther) {
      if (got.label !== 'Other') problems.push(`${where}: label ${JSON.stringify(got.label)}, expected "Other"`);
    } else if (dimensionIsText && expected.key !== null && got.label !== expected.label) {
      problems.push(`${where}: label ${JSON.stringify(got.label)}, expected ${JSON.stringify(expected.label)}`);
    }
    if (seriesIsText && expected.series !== null && got.seriesLabel !== expected.seriesLabel)
      problems.push(`${where}: seriesLabel ${JSON.stringify(got.seriesLabel)}, expected ${JSON.stringify(expected.seriesLabel)}`);

    if (oracle.isDate) {
      // Date buckets pair with the previous period's by position: checked in src/core/engine/previous-buckets.test.ts.
      if (context.compare !== 'previous-period' && got.previous !== undefined) problems.push(`${where}: carries previous ${fmtAgg(got.previous)} but must not`);
    } else if (context.compare !== 'previous-period') {
      if (got.previous !== undefined) problems.push(`${where}: carries previous ${fmtAgg(got.previous)} but must not`);
    } else if (expected.isOther && expected.previousFoldedOnly !== undefined) {
      if (sameAggregate(got.previous, expected.previous)) {
        if (!sameAggregate(got.previous, expected.previousFoldedOnly))
          notes.push(`Other.previous covers every key not kept (not only the keys folded now)`);
      } else if (sameAggregate(got.previous, expected.previousFoldedOnly)) {
        notes.push(`Other.previous covers only the keys folded now`);
      } else {
        problems.push(
          `${where}: previous ${fmtAgg(got.previous)}, expected ${fmtAgg(expected.previous)} (all keys not kept) or ${fmtAgg(expected.previousFoldedOnly)} (keys folded now)`,
        );
      }
    } else if (!sameAggregate(got.previous, expected.previous)) {
      problems.push(`${where}: previous ${fmtAgg(got.previous)}, expected ${fmtAgg(expected.previous)}`);
    }
  }

  // With a breakdown, an engine may zero-fill every bucket × series pair for stacking.
  const zeroFillable = oracle.isDate && spec.breakdown !== undefined ? new Set(oracle.rows.map((r) => JSON.stringify(r.key))) : fillerKeys;
  for (const [id, got] of engineById) {
    if (oracleById.has(id)) continue;
    const emptyBucket = zeroFillable.has(JSON.stringify(got.key)) && got.count === 0 && got.value === emptyValue;
    if (!emptyBucket) problems.push(`unexpected row ${id} (${got.label}): ${fmtAgg(got)}`);
  }
  for (const row of engine.rows) {
    if (row.count === 0 && row.value !== emptyValue)
      problems.push(`row key=${fmtKey(row.key)} is empty but has value ${row.value}, expected ${emptyValue}`);
  }

  problems.push(...checkOrder(spec, engine, oracle, notes));
  return { problems, notes };
}

const codePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkOrder(spec: ReportSpec, engine: ReportResult, oracle: OracleResult, notes: string[]): string[] {
  const rows = engine.rows;
  const otherIndex = rows.findIndex((r) => r.key === OTHER);
  if (otherIndex !== -1 && otherIndex !== rows.length - 1) return [`the Other row is at ${otherIndex}, not last`];
  const body = rows.filter((r) => r.key !== OTHER);

  if (spec.sort !== undefined) {
    const { by, direction } = spec.sort;
    const sign = direction === 'asc' ? 1 : -1;
    const firstOutOfOrder = (compare: (a: ReportRow, b: ReportRow) => number): string | undefined => {
      for (let i = 1; i < body.length; i++) {
        const a = body[i - 1]!;
        const b = body[i]!;
        if (compare(a, b) * sign > 0) return `sort ${by} ${direction}: ${JSON.stringify(a.label)} comes before ${JSON.stringify(b.label)}`;
      }
      return undefined;
    };
    if (by === 'value') {
      const bad = firstOutOfOrder((a, b) => (a.value !== null && b.value !== null ? a.value - b.value : 0));
      return bad ? [bad] : [];
    }
    if (by === 'label') {
      const bad = firstOutOfOrder((a, b) => collator.compare(a.label, b.label));
      if (bad === undefined) return [];
      if (firstOutOfOrder((a, b) => codePoint(a.label, b.label)) === undefined) {
        notes.push('labels are ordered by code point, not by locale');
        return [];
      }
      return [bad];
    }
    return [];
  }

  if (oracle.isDate) {
    const keys = body.filter((r) => r.key !== null).map((r) => r.key as number);
    for (let i = 1; i < keys.length; i++) {
      const ok = spec.breakdown === undefined ? keys[i - 1]! < keys[i]! : keys[i - 1]! <= keys[i]!;
      if (!ok) return [`date rows not by key ascending at ${fmtKey(keys[i - 1])} → ${fmtKey(keys[i])}`];
    }
    return [];
  }
  if (spec.breakdown !== undefined) return [];
  const got = rows.map((r) => keyId(r.key, null));
  const expected = oracle.rows.map((r) => keyId(r.key, null));
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    const at = got.findIndex((id, i) => id !== expected[i]);
    return [`row order differs from index ${at}: got ${got.slice(at, at + 4).join(' ')}, expected ${expected.slice(at, at + 4).join(' ')}`];
  }
  return [];
}

/** Rows worth drilling into: the ends, Other, the null group, an empty bucket. */
export function drillPoints(spec: ReportSpec, engine: ReportResult): { key: GroupKey; series?: GroupKey }[] {
  if (spec.dimension === undefined || engine.rows.length === 0) return [];
  const rows = engine.rows;
  const picks = new Set<ReportRow>([rows[0]!, rows[rows.length - 1]!]);
  const other = rows.find((r) => r.key === OTHER);
  if (other) picks.add(other);
  const nullRow = rows.find((r) => r.key === null);
  if (nullRow) picks.add(nullRow);
  const empty = rows.find((r) => r.count === 0);
  if (empty) picks.add(empty);
  return [...picks].map((r) => (spec.breakdown === undefined ? { key: r.key } : { key: r.key, series: r.series ?? null }));
}
