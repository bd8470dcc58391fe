// The reports of the path the SQL oracle checks (`computeReport` on a table made by `createTable`),
// as the tests of the other engine paths (batch, wire and Arrow ingest) compare against them.
import { computeReport, type ConversationTable, type ReportContext, type ReportSpec } from '../../src/core/index.ts';
import type { NamedContext } from '../node/oracle/scenarios.ts';

/** The ReportContext of one of the oracle's named contexts, without its name and flags. */
export function contextOf(named: NamedContext): ReportContext {
  return { range: named.range, timeZone: named.timeZone, ...(named.compare ? { compare: named.compare } : {}) };
}

/** The specs the reference table can compute in `context`; the rest need what the data lacks. */
export function computableSpecs(reference: ConversationTable, specs: readonly ReportSpec[], context: ReportContext): ReportSpec[] {
  return specs.filter((spec) => {
    try {
      computeReport(reference, spec, context);
      return true;
    } catch {
      return false;
    }
  });
}

/** Sums taken in another row order may differ in the last bits; nothing else may. */
export function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v)));
}
