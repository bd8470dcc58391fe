import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DateRange } from '../../src/core/index.ts';
import { TIME_ZONE, foldTop, keyText, type Answer, type QueryName } from '../six-queries.ts';
import type { BaselineRow } from './rows.ts';

export interface DuckDbBaseline {
  queries: Record<QueryName, () => Promise<Answer>>;
  close(): void;
}

const csvText = (value: string | null) => (value === null ? '' : `"${value.replaceAll('"', '""')}"`);
const csvNumber = (value: number | null) => (value === null ? '' : String(value));

/**
 * DuckDB in-process (its own threads, default settings), loaded through its CSV reader before any
 * timing. Times stay epoch-ms BIGINT; the day bucket is DuckDB's own time-zone arithmetic (ICU).
 */
export async function duckdbQueries(rows: readonly BaselineRow[], range: DateRange): Promise<DuckDbBaseline> {
  const dir = mkdtempSync(join(tmpdir(), 'cr-bench-'));
  const file = join(dir, 'conversations.csv');
  const lines = ['assigneeId,inboxId,status,page,createdAt,firstResponseAt,closedAt'];
  for (const c of rows)
    lines.push(
      [csvText(c.assigneeId), csvText(c.inboxId), csvText(c.status), csvText(c.pageUrlNormalized), csvNumber(c.createdAt), csvNumber(c.firstResponseAt), csvNumber(c.closedAt)].join(','),
    );
  writeFileSync(file, lines.join('\n'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  await connection.run(`SET TimeZone = 'UTC'`);
  await connection.run(
    `CREATE TABLE c AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = {
      'assigneeId': 'VARCHAR', 'inboxId': 'VARCHAR', 'status': 'VARCHAR', 'page': 'VARCHAR',
      'createdAt': 'BIGINT', 'firstResponseAt': 'BIGINT', 'closedAt': 'BIGINT' })`,
  );
  rmSync(dir, { recursive: true, force: true });
  const where = `"createdAt" >= ${range.from} AND "createdAt" < ${range.to}`;
  const run = async (sql: string): Promise<[unknown, unknown][]> => (await connection.runAndReadAll(sql)).getRows() as [unknown, unknown][];
  const answer = (result: [unknown, unknown][]): Answer =>
    new Map(result.map(([k, v]) => [keyText(typeof k === 'bigint' ? Number(k) : k), v === null ? null : Number(v)]));
  const tz = `'${TIME_ZONE}'`;
  return {
    queries: {
      countByAssignee: async () => answer(await run(`SELECT "assigneeId", count(*) FROM c WHERE ${where} GROUP BY 1`)),
      openByInbox: async () => answer(await run(`SELECT "inboxId", count(*) FROM c WHERE ${where} AND status = 'open' GROUP BY 1`)),
      byDay: async () =>
        answer(
          await run(
            `SELECT epoch_ms(timezone(${tz}, date_trunc('day', timezone(${tz}, epoch_ms("createdAt")::TIMESTAMPTZ)))), count(*) FROM c WHERE ${where} GROUP BY 1`,
          ),
        ),
      medianResponseByAssignee: async () =>
        answer(await run(`SELECT "assigneeId", quantile_cont("firstResponseAt" - "createdAt", 0.5) FROM c WHERE ${where} GROUP BY 1`)),
      medianCloseByAssignee: async () =>
        answer(await run(`SELECT "assigneeId", quantile_cont("closedAt" - "createdAt", 0.5) FROM c WHERE ${where} GROUP BY 1`)),
      topPages: async () => {
        const result = await run(`SELECT page, count(*) FROM c WHERE ${where} GROUP BY 1`);
        return foldTop(new Map(result.map(([k, v]) => [k as string | null, Number(v)])), (key) => key ?? 'Unknown page');
      },
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
