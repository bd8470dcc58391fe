import type { DuckDBInstance } from '@duckdb/node-api';
import type { SqlValue } from '../../src/server/index.ts';

/**
 * `execute` for createReportHandler over an embedded DuckDB: a connection per statement, and an
 * abort (the handler's timeout, the client gone) interrupts the statement. An interrupt that lands
 * before DuckDB has started the statement is lost, so it is repeated until the statement ends.
 */
export function duckdbExecutor(instance: DuckDBInstance) {
  return async (sql: string, params: SqlValue[], signal: AbortSignal): Promise<Record<string, unknown>[]> => {
    const connection = await instance.connect();
    let repeat: ReturnType<typeof setInterval> | undefined;
    const interrupt = () => {
      connection.interrupt();
      repeat = setInterval(() => connection.interrupt(), 20);
    };
    signal.addEventListener('abort', interrupt, { once: true });
    try {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    } finally {
      clearInterval(repeat);
      signal.removeEventListener('abort', interrupt);
      connection.closeSync();
    }
  };
}
