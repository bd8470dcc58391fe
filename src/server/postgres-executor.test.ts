/**
 * `postgresExecutor` on a real PostgreSQL (Debian's `postgresql`, through `pg`): read-only, one
 * statement, JIT off, cancelled on abort, and the pool left clean.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredEngines } from '../adapters/sql/testing/engines.ts';
import { startPostgres, type PostgresServer } from '../adapters/sql/testing/postgres-server.ts';
import { postgresExecutor } from './postgres-executor.ts';

describe('postgresExecutor (real PostgreSQL)', () => {
  let server: PostgresServer | { skipped: string };
  const signal = new AbortController().signal;
  const started = (t: { skip(message: string): void }): PostgresServer | null => {
    if (!('skipped' in server)) return server;
    if (requiredEngines().has('postgres')) throw new Error(`postgres is required here but could not start: ${server.skipped}`);
    t.skip(server.skipped);
    return null;
  };

  before(async () => {
    server = await startPostgres();
    if ('skipped' in server) return;
    await server.client.query('CREATE TABLE kept (n int)');
  });
  after(async () => {
    if (!('skipped' in server)) await server.stop();
  });

  test('runs one statement with bound parameters, read-only and with JIT off', async (t) => {
    const pg = started(t);
    if (!pg) return;
    const execute = postgresExecutor(pg.pool);
    const [row] = await execute("SELECT $1::int + 1 AS n, current_setting('jit') AS jit, current_setting('transaction_read_only') AS ro", [41], signal);
    assert.deepEqual(row, { n: 42, jit: 'off', ro: 'on' });
    const [asked] = await postgresExecutor(pg.pool, { jit: true })("SELECT current_setting('jit') AS jit", [], signal);
    assert.equal(asked?.jit, 'on');
    // Settings were LOCAL to each statement's transaction: a plain pool query sees the defaults.
    const { rows } = await pg.pool.query("SELECT current_setting('jit') AS jit, current_setting('transaction_read_only') AS ro");
    assert.deepEqual(rows[0], { jit: 'on', ro: 'off' });
  });

  test('refuses writes and a second statement, and keeps the pool usable', async (t) => {
    const pg = started(t);
    if (!pg) return;
    const execute = postgresExecutor(pg.pool);
    await assert.rejects(execute('INSERT INTO kept VALUES (1)', [], signal), /read-only transaction/);
    // No parameters must still mean the extended protocol: one statement only.
    await assert.rejects(execute('SELECT 1; DELETE FROM kept', [], signal), /multiple commands|cannot insert multiple/);
    const { rows } = await pg.pool.query('SELECT count(*)::int AS n FROM kept');
    assert.equal(rows[0].n, 0);
    assert.equal(pg.pool.totalCount - pg.pool.idleCount, 0, 'every connection went back to the pool');
    assert.deepEqual(await execute('SELECT 1 AS one', [], signal), [{ one: 1 }]);
  });

  test('an abort cancels the running statement on the server and closes its connection', async (t) => {
    const pg = started(t);
    if (!pg) return;
    const execute = postgresExecutor(pg.pool);
    const controller = new AbortController();
    const discarded: number[] = [];
    pg.pool.on('release', (error, client) => error && discarded.push((client as unknown as { processID: number }).processID));
    const running = execute("SELECT pg_sleep(600), 'slow' AS tag", [], controller.signal);
    // Abort once the server is running it (asked, not guessed with a timer).
    const sleeping = async () =>
      (await pg.client.query("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(600)%' AND pid <> pg_backend_pid()")).rows.map((r) => r.pid as number);
    let pids: number[] = [];
    while ((pids = await sleeping()).length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new DOMException('gone', 'AbortError'));
    await assert.rejects(running, { name: 'AbortError' });
    assert.deepEqual(await sleeping(), [], 'the statement was cancelled on the server');
    assert.deepEqual(discarded, pids, 'the cancelled connection is closed, not handed to the next caller');
    await assert.rejects(execute('SELECT 1', [], controller.signal), { name: 'AbortError' });
  });
});
