/**
 * The six queries in our engine and in three baselines (naive array of objects, arquero, DuckDB),
 * with every answer checked against ours.
 */
import { bucketBoundaries, clearReportCache, computeReport, type Conversation, type ConversationTable, type ReportContext } from '../src/core/index.ts';
import { arqueroQueries } from './baselines/arquero.ts';
import { duckdbQueries } from './baselines/duckdb.ts';
import { naiveQueries } from './baselines/naive.ts';
import { baselineRows } from './baselines/rows.ts';
import { measure, round, type Figure } from './measure.ts';
import { QUERY_NAMES, SIX_QUERIES, TIME_ZONE, answerOf, difference, type Answer, type QueryName } from './six-queries.ts';

export interface EngineQueries {
  perQuery: Record<QueryName, Figure>;
  /** Sum of the per-query medians. */
  totalMs: number;
}

export interface BaselineFigures extends EngineQueries {
  /** Baseline time / our time, over the six queries together. */
  ratio: number;
  /** Queries whose answer differs from ours (empty when all six are equal). */
  differences: string[];
}

export interface SixQueryFigures {
  engine: EngineQueries;
  naive: BaselineFigures;
  arquero: BaselineFigures;
  duckdb: BaselineFigures;
  equal: boolean;
}

async function timeQueries(queries: Record<QueryName, () => Answer | Promise<Answer>>, runs: number, before?: () => void) {
  const perQuery = {} as Record<QueryName, Figure>;
  const answers = {} as Record<QueryName, Answer>;
  for (const name of QUERY_NAMES) {
    answers[name] = await queries[name]();
    perQuery[name] = await measure(() => queries[name](), { warmup: 1, runs, ...(before ? { before } : {}) });
  }
  const totalMs = round(QUERY_NAMES.reduce((sum, name) => sum + perQuery[name].median, 0));
  return { perQuery, answers, totalMs };
}

export async function sixQueriesBench(
  conversations: readonly Conversation[],
  table: ConversationTable,
  context: ReportContext,
  log: (line: string) => void = () => {},
): Promise<SixQueryFigures> {
  const ctx: ReportContext = { range: context.range, timeZone: TIME_ZONE };
  const dayBounds = Float64Array.from(bucketBoundaries(ctx.range.from, ctx.range.to, 'day', TIME_ZONE));
  const rows = baselineRows(conversations);
  const slow = conversations.length > 200_000;

  log('  six queries: our engine (cold cache every run)…');
  const engineQueries = Object.fromEntries(QUERY_NAMES.map((name) => [name, () => answerOf(computeReport(table, SIX_QUERIES[name], ctx))])) as Record<
    QueryName,
    () => Answer
  >;
  const engine = await timeQueries(engineQueries, 9, () => clearReportCache(table));

  const compare = (answers: Record<QueryName, Answer>) =>
    QUERY_NAMES.flatMap((name) => {
      const problem = difference(engine.answers[name], answers[name]);
      return problem ? [`${name}: ${problem}`] : [];
    });
  const baseline = (result: Awaited<ReturnType<typeof timeQueries>>): BaselineFigures => ({
    perQuery: result.perQuery,
    totalMs: result.totalMs,
    ratio: round(result.totalMs / engine.totalMs, 1),
    differences: compare(result.answers),
  });

  log('  six queries: naive array of objects…');
  const naive = baseline(await timeQueries(naiveQueries(rows, ctx.range, dayBounds), slow ? 3 : 5));
  log('  six queries: arquero…');
  const arquero = baseline(await timeQueries(arqueroQueries(rows, ctx.range, dayBounds), slow ? 3 : 5));
  log('  six queries: DuckDB (loading)…');
  const duck = await duckdbQueries(rows, ctx.range);
  let duckdb: BaselineFigures;
  try {
    duckdb = baseline(await timeQueries(duck.queries, 7));
  } finally {
    duck.close();
  }
  const equal = naive.differences.length + arquero.differences.length + duckdb.differences.length === 0;
  return { engine: { perQuery: engine.perQuery, totalMs: engine.totalMs }, naive, arquero, duckdb, equal };
}
