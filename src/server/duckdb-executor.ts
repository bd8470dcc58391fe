import type { SqlValue } from '../adapters/sql/sql-dialect.ts';

/** The part of a `@duckdb/node-api` connection this uses (DuckDB is the host's dependency, not the kit's). */
export interface DuckDbConnection {
  interrupt(): void;
  runAndReadAll(sql: string, values: SqlValue[]): Promise<{ getRowObjectsJS(): unknown[] }>;
  closeSync(): void;
}

/** The part of a `@duckdb/node-api` instance this uses. */
export interface DuckDbInstance {
  connect(): Promise<DuckDbConnection>;
}

/**
 * Runs one statement on `connection`; when `signal` aborts, interrupts it and rejects with the
 * signal's reason. An interrupt that lands before DuckDB has started the statement is lost, so it
 * is repeated until the statement ends.
 */
export async function runInterruptibly(connection: DuckDbConnection, sql: string, params: SqlValue[], signal: AbortSignal): Promise<Record<string, unknown>[]> {
  if (signal.aborted) throw signal.reason;
  let repeat: ReturnType<typeof setInterval> | undefined;
  const interrupt = () => {
    connection.interrupt();
    repeat = setInterval(() => connection.interrupt(), 20);
  };
  signal.addEventListener('abort', interrupt, { once: true });
  try {
    const reader = await connection.runAndReadAll(sql, params);
    if (signal.aborted) throw signal.reason;
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    clearInterval(repeat);
    signal.removeEventListener('abort', interrupt);
  }
}

/**
 * `execute` for createReportHandler over an embedded DuckDB (`@duckdb/node-api`): a connection per
 * statement, interrupted when the request is aborted (the handler's timeout, the client gone).
 */
export function duckdbExecutor(instance: DuckDbInstance) {
  return async (sql: string, params: SqlValue[], signal: AbortSignal): Promise<Record<string, unknown>[]> => {
    const connection = await instance.connect();
    try {
      return await runInterruptibly(connection, sql, params, signal);
    } finally {
      connection.closeSync();
    }
  };
}
