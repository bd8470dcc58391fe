/**
 * Test support (Node only): a throwaway PostgreSQL server on 127.0.0.1, started from the binaries
 * of Debian's `postgresql` package when they are installed (nothing is installed here), with a
 * `pg` client on it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { postgresExecutor } from '../../../server/postgres-executor.ts';
import type { SqlValue } from '../sql-dialect.ts';

export interface PostgresServer {
  /** For setting up tables (not read-only). */
  client: pg.Client;
  /** The pool behind `execute`; a test may take connections of its own. */
  pool: pg.Pool;
  port: number;
  version: string;
  /** The kit's own `postgresExecutor` on `pool`, as README tells hosts to run the statements. */
  execute(sql: string, params: readonly (SqlValue | null | unknown)[], signal: AbortSignal): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/** Where initdb and postgres are: `pg_config --bindir` (Debian's postgresql-common has it), else PATH. */
function binDirectory(): string | null {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  } catch {
    // No pg_config on PATH.
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a server, or says why it cannot (then the caller skips its tests). */
export async function startPostgres(): Promise<PostgresServer | { skipped: string }> {
  const bin = binDirectory();
  if (!bin) return { skipped: 'PostgreSQL is not installed (apt-get install postgresql)' };
  // PostgreSQL refuses to run as root: run it as the package's `postgres` user then.
  let user: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      user = { uid, gid };
    } catch {
      return { skipped: 'running as root and there is no `postgres` user to run PostgreSQL as' };
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'cr-postgres-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'report', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], { ...as, stdio: 'ignore', cwd: dir });
  } catch (error) {
    cleanup();
    return { skipped: `initdb failed: ${(error as Error).message}` };
  }
  const port = await freePort();
  const server: ChildProcess = spawn(
    join(bin, 'postgres'),
    // A session zone other than UTC on purpose: the SQL must not depend on it.
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'TimeZone=America/Los_Angeles'],
    { ...as, stdio: 'ignore', cwd: dir },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    if (server.exitCode === null) server.kill('SIGINT');
    await exited;
    cleanup();
  };
  for (let tries = 0; tries < 150; tries++) {
    if (server.exitCode !== null) break;
    const connect = () => new pg.Client({ host: '127.0.0.1', port, user: 'report', database: 'postgres' });
    const client = connect();
    try {
      await client.connect();
      const { rows } = await client.query('SHOW server_version');
      const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'report', database: 'postgres', max: 4 });
      // An idle connection's error (the server stopping) must not end the test process.
      pool.on('error', () => undefined);
      const execute = postgresExecutor(pool);
      return {
        client,
        pool,
        port,
        version: String(rows[0]?.server_version ?? '?'),
        execute: (sql, params, signal) => execute(sql, params as SqlValue[], signal),
        stop: async () => {
          await pool.end().catch(() => undefined);
          await client.end().catch(() => undefined);
          await stop();
        },
      };
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await stop();
  return { skipped: 'PostgreSQL did not start within 15 s' };
}
