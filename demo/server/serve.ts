/**
 * `npm run demo:server [-- --size 1000000] [--port 5180]`: the server half at scale. An embedded
 * DuckDB file of generated conversations (10 million by default where the machine has the memory),
 * served through `createReportHandler` on 127.0.0.1, and the demo page with the dashboard on a
 * `ServerDataSource`. A "team lead" sees their team's inboxes only (the handler's scope).
 */
import { createServer } from 'node:http';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import { createServer as createVite } from 'vite';
import { createReportHandler, duckdbExecutor, toNodeListener, type ReportAuth } from '../../src/server/index.ts';
import { DEMO_LOOKUPS, demoDatabase, teamInboxes } from './demo-data.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

// 10 million rows need about 2 GB while generating; smaller machines get a million.
const size = Number(option('size') ?? (totalmem() >= 6 * 2 ** 30 ? 10_000_000 : 1_000_000));
if (!Number.isSafeInteger(size) || size < 1) throw new Error(`--size must be a whole number ≥ 1, got ${option('size')}`);
const port = Number(option('port') ?? 5180);
const file = resolve(root, '.demo-data', `conversations-${size}.duckdb`);

const instance: DuckDBInstance = await demoDatabase(file, size, (line) => console.log(line));

/** Who is asking: the demo's user switcher sends X-Demo-User. A real host reads its session here. */
async function authorize(request: Request): Promise<ReportAuth | null> {
  const user = request.headers.get('X-Demo-User') ?? '';
  if (user === 'admin') return { userId: 'admin' };
  const lead = /^lead:(team-[a-z]+)$/.exec(user);
  if (lead) return { userId: user, scope: [{ property: 'inboxId', operator: 'in', value: teamInboxes(lead[1]!) }] };
  return null;
}

const handler = createReportHandler({
  dialect: 'duckdb',
  schema: { table: 'conversations' },
  execute: duckdbExecutor(instance),
  authorize,
  // A lead sees the names of their own team's inboxes only.
  async lookups(auth) {
    if (!auth.scope?.length) return DEMO_LOOKUPS;
    const allowed = new Set(auth.scope.flatMap((filter) => (Array.isArray(filter.value) ? filter.value : [])));
    return { ...DEMO_LOOKUPS, inboxes: DEMO_LOOKUPS.inboxes.filter((inbox) => allowed.has(inbox.id)) };
  },
  onError: (error) => console.error('report failed:', error),
});

const vite = await createVite({ configFile: resolve(root, 'vite.config.ts'), server: { middlewareMode: true, hmr: false }, appType: 'mpa', logLevel: 'warn' });
const reports = toNodeListener(handler);
const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/reports')) return reports(req, res);
  if (req.url === '/' || req.url === '') {
    res.writeHead(302, { Location: '/server.html' }).end();
    return;
  }
  vite.middlewares(req, res);
});
server.listen(port, '127.0.0.1', () => console.log(`${size.toLocaleString('en')} conversations: http://127.0.0.1:${port}/`));
