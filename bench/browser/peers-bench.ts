/// <reference types="vite/client" />
/**
 * The six queries in one Chromium page: this kit, DuckDB-WASM (single-thread `eh` bundle from its
 * npm files, extension autoloading off: nothing is fetched) and arquero, all fed the same Apache
 * Arrow IPC stream (built with flechette's `tableFromArrays` / `tableToIPC`), with every answer
 * checked against ours; plus the floor: one fused JS pass over the 7 typed-array columns the six
 * queries read, doing the counting they need (sums in place of medians).
 *
 * Rounds interleave the engines (ours, DuckDB, arquero, floor, then again) so that a change of the
 * machine's load falls on all of them; each figure is the median over the rounds.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import duckdbWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import * as aq from 'arquero';
import { bucketBoundaries, clearReportCache, computeReport, type ConversationTable, type Conversation, type Lookups } from '../../src/core/index.ts';
import { ingestArrowAsHost } from '../arrow-host-ingest.ts';
import { peersArrowStream } from '../peers-arrow-stream.ts';
import { dayKeyOf } from '../baselines/rows.ts';
import { figure, round, type Figure } from '../measure.ts';
import { QUERY_NAMES, SIX_QUERIES, TIME_ZONE, answerOf, difference, foldTop, keyText, type Answer, type QueryName } from '../six-queries.ts';
import { RANGE } from '../bench-data.ts';

export interface PeerFigures {
  ingest: Figure;
  perQuery: Record<QueryName, Figure>;
  /** Sum of the per-query medians. */
  totalMs: number;
  /** Peer's six queries / ours (for us: 1). */
  ratio: number;
  /** Ingest: peer's / ours. */
  ingestRatio: number;
  differences: string[];
}

export interface PeersFigures {
  n: number;
  arrowBytes: number;
  engine: PeerFigures;
  duckdbWasm: PeerFigures;
  arquero: PeerFigures;
  /** One fused pass over the 7 columns: ms (median), and our six queries / it. */
  floorMs: number;
  engineVsFloor: number;
  equal: boolean;
}

const PAGE_OF = /[?#].*$/;

// ——— DuckDB-WASM ———

async function duckdbPeer(bytes: Uint8Array, dayBounds: Float64Array) {
  const worker = new Worker(duckdbWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(duckdbWasm);
  await db.open({ query: { castBigIntToDouble: true } });
  const connection = await db.connect();
  // No network: extensions are neither installed nor loaded on demand.
  await connection.query(`SET autoinstall_known_extensions = false`);
  await connection.query(`SET autoload_known_extensions = false`);
  await connection.query(`CREATE TABLE bounds AS SELECT unnest([${[...dayBounds].join(',')}]::DOUBLE[]) AS b`);
  let loaded = false;
  const ingest = async () => {
    if (loaded) await connection.query('DROP TABLE c');
    // The worker takes the buffer it is given: each run hands over a copy made before timing.
    await connection.insertArrowFromIPCStream(bytes.slice(), { name: 'c' });
    loaded = true;
  };
  const run = async (sql: string): Promise<[unknown, unknown][]> => {
    const result = await connection.query(sql);
    const rows: [unknown, unknown][] = [];
    const keys = result.getChildAt(0)!;
    const values = result.getChildAt(1)!;
    for (let i = 0; i < result.numRows; i++) rows.push([keys.get(i), values.get(i)]);
    return rows;
  };
  const answer = (rows: [unknown, unknown][]): Answer => new Map(rows.map(([k, v]) => [keyText(typeof k === 'bigint' ? Number(k) : k), v === null ? null : Number(v)]));
  const where = `"createdAt" >= ${RANGE.from} AND "createdAt" < ${RANGE.to}`;
  const queries: Record<QueryName, () => Promise<Answer>> = {
    countByAssignee: async () => answer(await run(`SELECT "assigneeId", count(*) FROM c WHERE ${where} GROUP BY 1`)),
    openByInbox: async () => answer(await run(`SELECT "inboxId", count(*) FROM c WHERE ${where} AND status = 'open' GROUP BY 1`)),
    // No IANA zones without the ICU extension: the day is the latest day start at or before createdAt (the same boundaries every engine uses).
    byDay: async () => answer(await run(`SELECT bounds.b, count(*) FROM c ASOF JOIN bounds ON c."createdAt" >= bounds.b WHERE ${where} GROUP BY 1`)),
    medianResponseByAssignee: async () => answer(await run(`SELECT "assigneeId", quantile_cont("firstResponseAt" - "createdAt", 0.5) FROM c WHERE ${where} GROUP BY 1`)),
    medianCloseByAssignee: async () => answer(await run(`SELECT "assigneeId", quantile_cont("closedAt" - "createdAt", 0.5) FROM c WHERE ${where} GROUP BY 1`)),
    topPages: async () => {
      const rows = await run(`SELECT regexp_replace("pageUrl", '[?#].*$', ''), count(*) FROM c WHERE ${where} GROUP BY 1`);
      return foldTop(new Map(rows.map(([k, v]) => [k as string | null, Number(v)])), (key) => key ?? 'Unknown page');
    },
  };
  return {
    ingest,
    queries,
    async close() {
      await connection.close();
      await db.terminate();
      worker.terminate();
    },
  };
}

// ——— arquero ———

function arqueroPeer(bytes: Uint8Array, dayBounds: Float64Array) {
  let table: aq.ColumnTable | null = null;
  const ingest = () => {
    table = aq.fromArrow(bytes);
  };
  const day = dayKeyOf(dayBounds);
  const inRange = () => table!.params({ from: RANGE.from, to: RANGE.to }).filter((d: Record<string, number>, $: Record<string, number>) => d.createdAt! >= $.from! && d.createdAt! < $.to!);
  const read = (result: aq.ColumnTable, key: string, value: string): Answer => {
    const keys = result.array(key) as unknown[];
    const values = result.array(value) as (number | null | undefined)[];
    return new Map(keys.map((k, i) => [keyText(k), typeof values[i] === 'number' && !Number.isNaN(values[i]) ? values[i]! : null]));
  };
  const duration = (property: 'firstResponseAt' | 'closedAt') =>
    aq.escape((d: Record<string, number | null>) => (d[property] === null || d[property] === undefined ? Number.NaN : d[property]! - d.createdAt!));
  const queries: Record<QueryName, () => Answer> = {
    countByAssignee: () => read(inRange().groupby('assigneeId').count(), 'assigneeId', 'count'),
    openByInbox: () => read(inRange().filter((d: Record<string, string>) => d.status === 'open').groupby('inboxId').count(), 'inboxId', 'count'),
    byDay: () => read(inRange().derive({ day: aq.escape((d: Record<string, number>) => day(d.createdAt!)) }).groupby('day').count(), 'day', 'count'),
    medianResponseByAssignee: () => read(inRange().derive({ v: duration('firstResponseAt') }).groupby('assigneeId').rollup({ m: aq.op.median('v') }), 'assigneeId', 'm'),
    medianCloseByAssignee: () => read(inRange().derive({ v: duration('closedAt') }).groupby('assigneeId').rollup({ m: aq.op.median('v') }), 'assigneeId', 'm'),
    topPages: () => {
      const counts = inRange()
        .derive({ page: aq.escape((d: Record<string, string | null>) => (d.pageUrl === null || d.pageUrl === undefined ? null : d.pageUrl.replace(PAGE_OF, ''))) })
        .groupby('page')
        .count();
      const pages = counts.array('page') as (string | null)[];
      const n = counts.array('count') as number[];
      return foldTop(new Map(pages.map((p, i) => [p ?? null, n[i]!])), (key) => key ?? 'Unknown page');
    },
  };
  return { ingest, queries };
}

// ——— the floor ———

/** Everything the six answers need, in one pass over the rows of the range (medians replaced by sums). */
function fusedPassInto(
  out: Float64Array,
  bounds: Float64Array,
  createdAt: Float64Array,
  firstResponseAt: Float64Array,
  closedAt: Float64Array,
  assignee: Uint8Array | Uint16Array | Uint32Array,
  inbox: Uint8Array | Uint16Array | Uint32Array,
  status: Uint8Array | Uint16Array | Uint32Array,
  page: Uint8Array | Uint16Array | Uint32Array,
  open: number,
  from: number,
  to: number,
  layout: Int32Array,
): void {
  // out: per assignee count | response n, sum | close n, sum; open per inbox; per day; per page code.
  const [assignees, inboxes, days] = [layout[0]!, layout[1]!, layout[2]!];
  const openAt = assignees * 5;
  const dayAt = openAt + inboxes;
  const pageAt = dayAt + days;
  let day = 0;
  const total = createdAt.length;
  for (let i = 0; i < total; i++) {
    const t = createdAt[i]!;
    if (t < from || t >= to) continue;
    // Rows are in createdAt order: the day only moves forward.
    while (day + 1 < days && bounds[day + 1]! <= t) day++;
    const a = assignee[i]! * 5;
    out[a]!++;
    const r = firstResponseAt[i]! - t;
    if (r === r) {
      out[a + 1]!++;
      out[a + 2]! += r;
    }
    const c = closedAt[i]! - t;
    if (c === c) {
      out[a + 3]!++;
      out[a + 4]! += c;
    }
    if (status[i] === open) out[openAt + inbox[i]!]!++;
    out[dayAt + day]!++;
    out[pageAt + page[i]!]!++;
  }
}

function floorRun(table: ConversationTable, dayBounds: Float64Array): () => number {
  const assignees = table.assigneeId.values.length;
  const inboxes = table.inboxId.values.length;
  const pages = table.pageUrl.values.length;
  const open = table.status.values.indexOf('open');
  const layout = Int32Array.of(assignees, inboxes, dayBounds.length);
  return () => {
    const out = new Float64Array(assignees * 5 + inboxes + dayBounds.length + pages);
    fusedPassInto(
      out,
      dayBounds,
      table.createdAt.values,
      table.firstResponseAt.values,
      table.closedAt.values,
      table.assigneeId.codes,
      table.inboxId.codes,
      table.status.codes,
      table.pageUrl.codes,
      open,
      RANGE.from,
      RANGE.to,
      layout,
    );
    return out[0]!;
  };
}

// ——— the run ———

const time = async (run: () => unknown): Promise<number> => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

export async function peersRun(conversations: readonly Conversation[], lookups: Lookups, rounds = 3, log: (line: string) => void = () => {}): Promise<PeersFigures> {
  const n = conversations.length;
  const dayBounds = Float64Array.from(bucketBoundaries(RANGE.from, RANGE.to, 'day', TIME_ZONE));
  log(`browser: peers at N = ${n.toLocaleString('en')}: building the Arrow stream…`);
  const bytes = peersArrowStream(conversations);
  const context = { range: RANGE, timeZone: TIME_ZONE };

  let table!: ConversationTable;
  const ingestOurs = () => {
    table = ingestArrowAsHost(bytes, lookups);
  };
  const ours: Record<QueryName, () => Answer> = Object.fromEntries(
    QUERY_NAMES.map((name) => [name, () => answerOf(computeReport(table, SIX_QUERIES[name], context))]),
  ) as Record<QueryName, () => Answer>;
  log('browser: peers: DuckDB-WASM starting…');
  const duck = await duckdbPeer(bytes, dayBounds);
  const arq = arqueroPeer(bytes, dayBounds);

  const ingestTimes = { engine: [] as number[], duckdb: [] as number[], arquero: [] as number[] };
  const queryTimes = { engine: {} as Record<QueryName, number[]>, duckdb: {} as Record<QueryName, number[]>, arquero: {} as Record<QueryName, number[]> };
  for (const key of ['engine', 'duckdb', 'arquero'] as const) for (const name of QUERY_NAMES) queryTimes[key][name] = [];
  const floorTimes: number[] = [];
  const answers = { engine: {} as Record<QueryName, Answer>, duckdb: {} as Record<QueryName, Answer>, arquero: {} as Record<QueryName, Answer> };
  let floor: (() => number) | null = null;

  try {
    // Warm-up: every engine ingests and answers once; these answers are the ones compared.
    await ingestOurs();
    await duck.ingest();
    arq.ingest();
    for (const name of QUERY_NAMES) {
      clearReportCache(table);
      answers.engine[name] = ours[name]();
      answers.duckdb[name] = await duck.queries[name]();
      answers.arquero[name] = arq.queries[name]();
    }
    for (let r = 0; r < rounds; r++) {
      log(`browser: peers: round ${r + 1} of ${rounds}…`);
      (globalThis as { gc?: () => void }).gc?.();
      ingestTimes.engine.push(await time(ingestOurs));
      await pause();
      ingestTimes.duckdb.push(await time(duck.ingest));
      await pause();
      ingestTimes.arquero.push(await time(arq.ingest));
      await pause();
      floor ??= floorRun(table, dayBounds);
      floor();
      for (const name of QUERY_NAMES) {
        // Ours with a cleared cache each run: nothing of an earlier query is reused.
        for (let k = 0; k < 3; k++) {
          clearReportCache(table);
          queryTimes.engine[name].push(await time(ours[name]));
        }
        await pause();
        queryTimes.duckdb[name].push(await time(duck.queries[name]));
        await pause();
        queryTimes.arquero[name].push(await time(arq.queries[name]));
        await pause();
      }
      for (let k = 0; k < 5; k++) floorTimes.push(await time(floor));
    }
  } finally {
    await duck.close();
  }

  const med = (times: number[]) => figure(times);
  const summary = (key: 'engine' | 'duckdb' | 'arquero', base?: { totalMs: number; ingest: Figure }): PeerFigures => {
    const perQuery = Object.fromEntries(QUERY_NAMES.map((name) => [name, med(queryTimes[key][name])])) as Record<QueryName, Figure>;
    const totalMs = round(QUERY_NAMES.reduce((sum, name) => sum + perQuery[name].median, 0));
    const ingest = med(ingestTimes[key]);
    return {
      ingest,
      perQuery,
      totalMs,
      ratio: base ? round(totalMs / base.totalMs, 1) : 1,
      ingestRatio: base ? round(ingest.median / base.ingest.median, 2) : 1,
      differences: key === 'engine' ? [] : QUERY_NAMES.flatMap((name) => {
        const problem = difference(answers.engine[name], answers[key][name]);
        return problem ? [`${name}: ${problem}`] : [];
      }),
    };
  };
  const engine = summary('engine');
  const duckdbWasm = summary('duckdb', engine);
  const arquero = summary('arquero', engine);
  const floorMs = med(floorTimes).median;
  return {
    n,
    arrowBytes: bytes.byteLength,
    engine,
    duckdbWasm,
    arquero,
    floorMs,
    engineVsFloor: round(engine.totalMs / floorMs, 1),
    equal: duckdbWasm.differences.length + arquero.differences.length === 0,
  };
}
