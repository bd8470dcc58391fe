// Pages that load the BUILT package from dist/ (never the sources), for test/browser/built-bundle.browser.test.ts.
// The dev server serves dist/ as plain files; a missing build is a 404 and the page stays empty.
//
// /__test__/built/standalone.html?case=src|csv|sample|tile|bad-json|median|business
//     HTML only plus one <script type="module" src="/dist/conversation-reports.standalone.js">,
//     under the strict Content-Security-Policy given to the middleware (what a CMS page may send).
// /__test__/built/package.html
//     the multi-file package build (dist/conversation-reports.js with its chunks), data set by a script.
// /__test__/built/element.html?case=…
//     the same markup as the standalone cases with dist/elements/report-tile.js (or conversation-dashboard.js,
//     for a case that is a dashboard) and its chunks only.

const RANGE = '2026-09-01T00:00:00Z/2026-11-01T00:00:00Z';

const cases = {
  src: `<conversation-dashboard src="/__test__/conversations?limit=50" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
  csv: `<conversation-dashboard csv-src="/__test__/conversations.csv" range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
  sample: `<conversation-dashboard sample="700" time-zone="UTC" locale="fr"></conversation-dashboard>`,
  tile: `<report-tile csv-src="/__test__/conversations.csv" range="${RANGE}" time-zone="UTC" locale="en">
      <script type="application/json">
        { "id": "chats-by-page", "title": "Chats by page", "channel": "chat", "chartType": "bar",
          "dimension": "pageUrl", "measure": { "op": "count" }, "limit": 10 }
      </script>
    </report-tile>`,
  'bad-json': `<conversation-dashboard sample="100" locale="en"><script type="application/json">{ "range": "last-7-days", }</script></conversation-dashboard>`,
  // A median: its code is not in the first paint; the page's engine loads it before computing.
  median: `<report-tile src="/__test__/conversations?limit=50" range="${RANGE}" time-zone="UTC" locale="en">
      <script type="application/json">
        { "id": "median-response", "title": "Median response by channel", "chartType": "bar",
          "dimension": "channel", "measure": { "op": "median", "property": "responseTime" } }
      </script>
    </report-tile>`,
  // Business hours from the host: the clock is not in the first paint; the page's engine loads it before computing.
  business: `<conversation-dashboard src="/__test__/conversations?limit=50" range="${RANGE}" time-zone="UTC" locale="en">
      <script type="application/json">
        { "businessHours": { "timeZone": "Europe/Amsterdam", "week": { "mon": [["09:00", "17:00"]], "tue": [["09:00", "17:00"]], "wed": [["09:00", "17:00"]] } },
          "templates": false, "dashboardId": "business",
          "dashboards": [{ "id": "business", "name": "Business", "privacy": "private", "reports": [
            { "id": "close-business", "title": "Time to close in business hours by channel", "chartType": "bar",
              "dimension": "channel", "measure": { "op": "avg", "property": "timeToCloseBusiness" } }] }] }
      </script>
    </conversation-dashboard>`,
};

const page = (title, head, body) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
${head}
  </head>
  <body>
    ${body}
  </body>
</html>
`;

/** @param {{ csp: string }} options the policy the standalone pages are served with */
export function builtBundlePages({ csp }) {
  return async function builtBundlePagesMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/__test__/built/')) return next();
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path === '/__test__/built/standalone.html') {
      const name = new URL(ctx.url, 'http://localhost').searchParams.get('case') ?? 'src';
      if (!(name in cases)) return next();
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Content-Security-Policy', csp);
      ctx.body = page(
        `built standalone: ${name}`,
        `    <script src="/test/fixtures/csp-violations.js"></script>
    <script type="module" src="/dist/conversation-reports.standalone.js"></script>`,
        cases[name],
      );
      return undefined;
    }
    if (ctx.path === '/__test__/built/element.html') {
      const name = new URL(ctx.url, 'http://localhost').searchParams.get('case') ?? 'median';
      if (!(name in cases)) return next();
      ctx.type = 'text/html; charset=utf-8';
      const element = cases[name].startsWith('<conversation-dashboard') ? 'conversation-dashboard' : 'report-tile';
      ctx.body = page(`built element: ${name}`, `    <script type="module" src="/dist/elements/${element}.js"></script>`, cases[name]);
      return undefined;
    }
    if (ctx.path === '/__test__/built/package.html') {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = page(
        'built package',
        `    <script type="module">
      import { ArrayDataSource } from '/dist/conversation-reports.js';
      const { conversations, lookups } = await (await fetch('/test/fixtures/declarative/conversations.json')).json();
      document.querySelector('conversation-dashboard').dataSource = new ArrayDataSource(conversations, { lookups });
    </script>`,
        `<conversation-dashboard range="${RANGE}" time-zone="UTC" locale="en"></conversation-dashboard>`,
      );
      return undefined;
    }
    return next();
  };
}
