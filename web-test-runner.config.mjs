import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { heapCommands } from './test/heap-commands.mjs';
import { builtBundlePages } from './test/built-bundle-pages.mjs';
import { dashboardStoreServer } from './test/test-server/dashboard-store-server.mjs';
import { hubspotProxy } from './test/test-server/hubspot-proxy.mjs';
import { reportServer } from './test/test-server/report-server.mjs';
import { frameworkExamples } from './test/framework-examples.mjs';
import { chromiumArgs, chromiumPath } from './test/chromium.mjs';
import { defaultReporter } from '@web/test-runner';
import { durationsReporter } from './test/durations-reporter.mjs';
import { BROWSER_GROUPS } from './test/test-files.mjs';

// wtr's own reading of its command line (the version is pinned): web-test-runner would run files
// named there (`wtr --files x.browser.test.ts`, or `wtr x.browser.test.ts`) beside every group.
const { readCliArgs } = createRequire(import.meta.url)('./node_modules/@web/test-runner/dist/config/readCliArgs.js');
const filesFromCommandLine = (readCliArgs().files ?? []).length > 0;


// papaparse ships only as UMD; a browser importing it as an ES module needs a default export (vite
// converts it on its own).
const papaparseAsModule = {
  name: 'papaparse-as-module',
  transform(context) {
    if (!/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) return undefined;
    return { body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
  },
};

// ——— A small test server for the markup-configuration tests (test/browser/declarative*.browser.test.ts) ———
//
// /__test__/conversations      JSON pages of the fixture, cursor paging: { conversations, total, next }
//                              (?limit= page size, default 100; ?delay=ms before answering; ?tag= names a counter)
// /__test__/conversations.csv  the same conversations as CSV (?delay, ?tag)
// /__test__/lookups            the fixture's names
// /__test__/stats?tag=         { started, aborted, completed } for a tag (&reset=1 clears it)
// /__test__/csp.html           a page loading the kit under a strict Content-Security-Policy header

const fixture = JSON.parse(readFileSync(new URL('./test/fixtures/declarative/conversations.json', import.meta.url), 'utf8'));
const csvFixture = readFileSync(new URL('./test/fixtures/declarative/conversations.csv', import.meta.url), 'utf8');
const requestStats = new Map();

/** No inline script or style, no eval: what the kit must work under (README, "Content-Security-Policy"). */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'report-sample'",
  "style-src 'self' 'report-sample'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const cspPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>conversation-reports under a strict CSP</title>
    <script src="/test/fixtures/declarative/csp-env.js"></script>
    <script src="/test/fixtures/csp-violations.js"></script>
    <script type="module" src="/test/fixtures/declarative/csp-page.ts"></script>
  </head>
  <body>
    <conversation-dashboard sample="800" locale="en" time-zone="UTC"></conversation-dashboard>
    <report-tile sample="400" locale="en" time-zone="UTC">
      <script type="application/json">
        { "id": "chat-by-page", "title": "Chats by page", "channel": "chat", "chartType": "pie",
          "dimension": "pageUrl", "measure": { "op": "count" }, "limit": 5 }
      </script>
    </report-tile>
  </body>
</html>
`;

function statsFor(tag) {
  if (!requestStats.has(tag)) requestStats.set(tag, { started: 0, aborted: 0, completed: 0 });
  return requestStats.get(tag);
}

/** Waits `ms`, or less when the client goes away; tells which. */
function hold(ctx, ms) {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve(true);
    const timer = setTimeout(() => resolve(true), ms);
    ctx.res.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** Answers after `delay`, counting the request as started, then completed or aborted (the client closed it first). */
async function counted(ctx, respond) {
  const url = new URL(ctx.url, 'http://localhost');
  const entry = statsFor(url.searchParams.get('tag') ?? '');
  entry.started++;
  const stayed = await hold(ctx, Number(url.searchParams.get('delay') ?? 0));
  if (!stayed || ctx.req.destroyed) {
    entry.aborted++;
    ctx.status = 499;
    ctx.body = '';
    return;
  }
  entry.completed++;
  respond(url);
}

async function testServer(ctx, next) {
  if (!ctx.path.startsWith('/__test__/')) return next();
  ctx.set('Cache-Control', 'no-store');
  switch (ctx.path) {
    case '/__test__/conversations':
      return counted(ctx, (url) => {
        const limit = Number(url.searchParams.get('limit') ?? 100);
        const start = Number(url.searchParams.get('cursor') ?? 0);
        const all = fixture.conversations;
        const end = Math.min(all.length, start + limit);
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ conversations: all.slice(start, end), total: all.length, next: end < all.length ? String(end) : null });
      });
    case '/__test__/conversations.csv':
      return counted(ctx, () => {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = csvFixture;
      });
    case '/__test__/lookups':
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(fixture.lookups);
      return undefined;
    case '/__test__/stats': {
      const url = new URL(ctx.url, 'http://localhost');
      const tag = url.searchParams.get('tag') ?? '';
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(statsFor(tag));
      if (url.searchParams.has('reset')) requestStats.delete(tag);
      return undefined;
    }
    case '/__test__/csp.html':
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.body = cspPage;
      return undefined;
    default:
      return next();
  }
}

export default {
  // Which files, and in which group: test/test-files.mjs. `wtr` runs every group, `wtr --group unit` one.
  ...(filesFromCommandLine ? {} : { groups: BROWSER_GROUPS }),
  nodeResolve: true,
  // CR_TEST_DURATIONS=<file.json> also writes each file's wall time and test counts there.
  reporters: [defaultReporter(), ...(process.env.CR_TEST_DURATIONS ? [durationsReporter(process.env.CR_TEST_DURATIONS)] : [])],
  concurrency: 2,
  // A guard against a hung file, not a budget: long-session.browser.test.ts alone took 230 s of the
  // former 300 s at a load average of 23 on 2 cores.
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 60_000 } },
  // /__test__/hubspot/… (a HubSpot proxy), /__test__/store/… (a REST dashboard store),
  // /__test__/reports (the kit's server half over DuckDB) and
  // /__test__/frameworks/… (the React and Vue examples, bundled): see their modules.
  middleware: [testServer, hubspotProxy, dashboardStoreServer, reportServer, builtBundlePages({ csp: STRICT_CSP }), frameworkExamples()],
  plugins: [papaparseAsModule, heapCommands(), esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [...chromiumArgs],
      },
      // Test files run side by side in tabs of one browser; without this only the front tab gets
      // focus events, and keyboard tests of the other tab fail at random.
      async createPage({ context }) {
        const page = await context.newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  // ECharts/zrender read process.env.NODE_ENV at import time.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>conversation-reports tests</title>
  <script>window.process = { env: { NODE_ENV: 'development' } };</script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
