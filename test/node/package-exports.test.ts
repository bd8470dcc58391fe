// The package as a consumer sees it: every `exports` entry of package.json points at built files,
// the declarations type-check through those exports, and the engine entries run in Node.
// Needs a build (`npm run build`; `npm test` builds before the Node tests).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { types: string; default: string }>;
  customElements: string;
};
const built = existsSync(join(root, 'dist/conversation-reports.js')) && existsSync(join(root, 'dist/types/index.d.ts'));

describe('package exports', () => {
  it('has a build to check (run `npm run build` first)', () => {
    assert.ok(built, 'dist/ holds no complete build: run `npm run build` (vite build also emits dist/types)');
  });

  it('points every entry at an existing file, with declarations for every code entry', () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') {
        assert.ok(existsSync(join(root, target)), `${name} → ${target} is missing`);
        continue;
      }
      assert.deepEqual(Object.keys(target), ['types', 'default'], `${name}: "types" must come first`);
      assert.ok(existsSync(join(root, target.default)), `${name} → ${target.default} is missing`);
      assert.ok(existsSync(join(root, target.types)), `${name} → ${target.types} is missing`);
    }
    for (const entry of ['.', './core', './wire', './conversation-dashboard', './report-tile', './drill-dialog', './report-editor', './custom-elements.json']) {
      assert.ok(entry in pkg.exports, `exports has no ${entry}`);
    }
    assert.equal(pkg.exports['./custom-elements.json'], `./${pkg.customElements}`);
  });

  it('runs conversation-reports/core and /wire in Node (no DOM)', async () => {
    // Imported by name, as a consumer would (the package refers to itself through its exports); the
    // specifiers are strings so that type-checking does not need a build.
    const named = (entry: string): Promise<unknown> => import(`${pkg.name}/${entry}`);
    const core = (await named('core')) as typeof import('../../src/core/index.ts');
    const { conversations } = core.parseConversations([
      { id: 'a', channel: 'chat', status: 'open', inboxId: 'i', assigneeId: 'u', createdAt: Date.UTC(2026, 0, 5) },
    ]);
    const table = core.createTable(conversations);
    const spec = core.templates.chatOverview.reports[0]!;
    const result = core.computeReport(table, spec, { range: { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 1, 1) }, timeZone: 'UTC' });
    assert.equal(result.matched, 1);
    const wire = (await named('wire')) as Record<string, unknown>;
    assert.ok(Object.keys(wire).length > 0);
    const store = (await named('store')) as typeof import('../../src/store/index.ts');
    assert.equal(typeof store.MemoryDashboardStore, 'function');
    // The server half, built for Node: a handler that answers a report request from rows.
    const server = (await named('server')) as typeof import('../../src/server/index.ts');
    const handler = server.createReportHandler({
      dialect: 'duckdb',
      schema: { table: 'conversations' },
      execute: async () => [{ part: 'total', period: 1, n: 3, nv: 3, val: 3 }],
      authorize: async () => ({ userId: 'u' }),
    });
    const response = await handler(new Request('http://localhost/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ op: 'query', spec: { ...spec, dimension: undefined }, context: { range: { from: 0, to: 1 }, timeZone: 'UTC' } }) }));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { matched: number }).matched, 3);
  });

  describe('declarations through the exports map', () => {
    let dir = '';
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'cr-consumer-'));
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(root, join(dir, 'node_modules', pkg.name), 'dir');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const typeCheck = (source: string) => {
      writeFileSync(join(dir, 'consumer.ts'), source);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          files: ['consumer.ts'],
        }),
      );
      return spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    };

    it('type-checks a consumer of the main entry, the core and an element entry', () => {
      const result = typeCheck(`
import { ArrayDataSource, MemoryDashboardStore, reportEditorReady, type ReportDrillEvent } from 'conversation-reports';
import { computeReport, createTable, parseConversations, templates, type ReportResult } from 'conversation-reports/core';
import { ReportTile } from 'conversation-reports/report-tile';
import { ConversationDashboard } from 'conversation-reports/conversation-dashboard';
import { CsvDataSource } from 'conversation-reports/adapters';
import { generateConversations } from 'conversation-reports/sample';

const { conversations } = parseConversations([]);
const result: ReportResult = computeReport(createTable(conversations), templates.chatOverview.reports[0]!, {
  range: { from: 0, to: 1 },
  timeZone: 'UTC',
});
const tile: ReportTile = document.createElement('report-tile');
tile.result = result;
const dashboard = document.createElement('conversation-dashboard');
const typed: ConversationDashboard = dashboard;
typed.dataSource = new ArrayDataSource([]);
typed.store = new MemoryDashboardStore();
dashboard.addEventListener('report-drill', (event: ReportDrillEvent) => console.log(event.detail.key));
void reportEditorReady;
void CsvDataSource;
void generateConversations;
// @ts-expect-error the declarations are real types, not any: a template is not a number
const notANumber: number = templates.chatOverview;
void notANumber;
`);
      assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
    });

    it('rejects a name the package does not export', () => {
      const result = typeCheck(`import { notExported } from 'conversation-reports/core';\nvoid notExported;\n`);
      assert.notEqual(result.status, 0);
      assert.match(result.stdout, /notExported/);
    });
  });
});
