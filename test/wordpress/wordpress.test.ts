// The plugin inside a real WordPress (Debian's 6.1, PHP 8.2, MariaDB), driven by Chromium.
//
// test/wordpress/setup.sh starts the site from the built zip and writes a state file; point
// CR_WORDPRESS_STATE at it (.ci/run does). Without it the test is skipped locally and FAILS in CI
// (CI=true): the plugin is then untested, which must not pass as green.
//
// Numbers on screen are checked against DuckDB reading the same CSV file (an independent count);
// permissions are checked in the page and against the REST API directly, by HTTP status.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { declarativeDashboardConfigSchema } from '../../src/core/schema/dashboard-config.ts';
import { parseConversations } from '../../src/core/wire/parse-conversations.ts';
import { createReportHandler, toNodeListener } from '../../src/server/index.ts';
import { createTestDatabase } from '../../src/adapters/sql/testing/duckdb-database.ts';

interface Login {
  login: string;
  password: string;
  id: number;
}
interface State {
  url: string;
  site: string;
  users: { admin: Login; editorA: Login; editorB: Login };
  csv: { id: number; url: string };
  upstreamSecret: string;
}

const statePath = process.env['CR_WORDPRESS_STATE'];
const inCi = process.env['CI'] === 'true';
const missing = !statePath ? 'CR_WORDPRESS_STATE is not set' : !existsSync(statePath) ? `${statePath} does not exist` : '';
const skip = missing && !inCi ? `${missing}: start a site with test/wordpress/setup.sh start dist/wordpress/conversation-reports.zip DIR, then CR_WORDPRESS_STATE=DIR/state.json` : false;

const csvPath = new URL('../fixtures/declarative/conversations.csv', import.meta.url).pathname;
const jsonPath = new URL('../fixtures/declarative/conversations.json', import.meta.url).pathname;
const RANGE = '2026-09-01/2026-10-01';
const RANGE_FROM = Date.parse('2026-09-01');
const RANGE_TO = Date.parse('2026-10-01');
/** Generous: the machine may be busy; every wait is on a condition, this only bounds it. */
const WAIT = { timeout: 120_000, polling: 100 };
const TEST = { timeout: 300_000 };
const BUSINESS_HOURS = { timeZone: 'Europe/Amsterdam', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } };
/** Whether this kit's markup config reads business hours (else the plugin keeps the setting but must not print it). */
const kitReadsBusinessHours = 'businessHours' in declarativeDashboardConfigSchema.shape;

/** Chats per assignee created in RANGE, counted by DuckDB from a file the kit never touched. */
async function oracleChatsByAssignee(source: 'csv' | 'json'): Promise<Map<string, number>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`SET TimeZone = 'UTC'`);
  const from =
    source === 'csv'
      ? `read_csv('${csvPath}', header = true, all_varchar = true)`
      : `(SELECT unnest(conversations, recursive := true) FROM read_json('${jsonPath}', maximum_object_size = 100000000))`;
  const reader = await connection.runAndReadAll(
    `SELECT assigneeId AS key, count(*)::INTEGER AS n FROM ${from}
     WHERE channel = 'chat' AND epoch_ms(createdAt::TIMESTAMPTZ) >= ${RANGE_FROM} AND epoch_ms(createdAt::TIMESTAMPTZ) < ${RANGE_TO}
     GROUP BY 1`,
  );
  const counts = new Map<string, number>();
  for (const row of reader.getRowObjects()) counts.set(String(row['key']), Number(row['n']));
  connection.closeSync();
  return counts;
}

describe('the WordPress plugin in a real WordPress', { skip }, () => {
  let state: State;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const violations: { page: string; directive: string; blocked: string; sample: string }[] = [];
  let shortcodePage = '';
  let blockPage = '';
  let blockPageId = 0;
  let privateId = '';
  let privatePage = '';

  before(async () => {
    if (missing) throw new Error(`${missing}: in CI the WordPress test must run (see .ci/run and test/wordpress/setup.sh).`);
    state = JSON.parse(readFileSync(statePath!, 'utf8')) as State;
    // Back to where a run starts (CSV source, not public, editor B denied editing, no dashboards), so the test can run again.
    const reset = spawnSync('php', [new URL('./install.php', import.meta.url).pathname, 'reset', state.site, state.url, '', statePath!, ''], { encoding: 'utf8' });
    assert.equal(reset.status, 0, reset.stderr);
    browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
  });

  after(async () => {
    await browser?.close();
  });

  /** A fresh browser profile (own cookies), pages of which record CSP violations and honour reduced motion. */
  async function session(): Promise<BrowserContext> {
    const context = await browser.createBrowserContext();
    contexts.push(context);
    return context;
  }

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.setViewport({ width: 1280, height: 1000 });
    await page.exposeFunction('__crViolation', (entry: { directive: string; blocked: string; sample: string }) => violations.push({ page: path, ...entry }));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __crViolation: (e: unknown) => void }).__crViolation({
          directive: event.violatedDirective,
          blocked: event.blockedURI,
          sample: event.sample,
        });
      });
    });
    const response = await page.goto(state.url + path, { waitUntil: 'load', timeout: WAIT.timeout });
    assert.ok(response, `no response for ${path}`);
    return page;
  }

  async function login(user: Login): Promise<BrowserContext> {
    const context = await session();
    const page = await open(context, '/wp-login.php');
    // Set, not typed: the login page moves focus to the user field a moment after it loads.
    await page.$eval('#user_login', (input, value) => ((input as HTMLInputElement).value = value), user.login);
    await page.$eval('#user_pass', (input, value) => ((input as HTMLInputElement).value = value), user.password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), page.click('#wp-submit')]);
    const cookies = await context.cookies();
    assert.ok(cookies.some((cookie) => cookie.name.startsWith('wordpress_logged_in_')), `${user.login} is signed in`);
    await page.close();
    return context;
  }

  interface RestAnswer {
    status: number;
    etag: string | null;
    body: unknown;
  }

  /** `?rest_route=` URL of a route, which may carry its own query after a `?`. */
  function restUrl(base: string, route: string): string {
    const [path, query] = route.split('?');
    return `${base}/?rest_route=${encodeURIComponent(path!)}${query ? `&${query}` : ''}`;
  }

  /** A REST call from inside a signed-in page: WordPress's cookie plus the wp_rest nonce, as a plugin's script would. */
  async function rest(context: BrowserContext | null, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestAnswer> {
    if (context === null) {
      const response = await fetch(restUrl(state.url, route), {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, etag: response.headers.get('etag'), body: text ? JSON.parse(text) : null };
    }
    const page = (await context.pages())[0] ?? (await open(context, '/wp-admin/'));
    return page.evaluate(
      async (base, method, route, body, headers) => {
        const nonce = await (await fetch(`${base}/wp-admin/admin-ajax.php?action=rest-nonce`)).text();
        const [path, query] = route.split('?');
        const response = await fetch(`${base}/?rest_route=${encodeURIComponent(path!)}${query ? `&${query}` : ''}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-wp-nonce': nonce, ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        return { status: response.status, etag: response.headers.get('etag'), body: text ? JSON.parse(text) : null };
      },
      state.url,
      method,
      route,
      body as never,
      headers,
    );
  }

  /** Waits until every tile of the dashboard on the page has a result; returns them by report id. */
  async function settledTiles(page: Page): Promise<Record<string, { rows: { key: unknown; label: string; value: number | null; count: number }[]; total: { count: number } }>> {
    // Settled, or failed visibly: an error on screen ends the wait with its text.
    const problem = await page.waitForFunction(() => {
      const dashboard = document.querySelector('conversation-dashboard');
      const error = dashboard?.shadowRoot?.querySelector('[part="error"], [part="config-error"]');
      if (error) return `the dashboard shows an error: ${error.textContent?.trim()}`;
      const tiles = [...(dashboard?.shadowRoot?.querySelectorAll('report-tile') ?? [])] as unknown as { shownResult: unknown }[];
      return tiles.length > 0 && tiles.every((tile) => tile.shownResult) ? 'settled' : false;
    }, WAIT);
    assert.equal(await problem.jsonValue(), 'settled', page.url());
    return page.evaluate(() => {
      const dashboard = document.querySelector('conversation-dashboard')!;
      const tiles = [...dashboard.shadowRoot!.querySelectorAll('report-tile')] as unknown as { spec: { id: string }; shownResult: unknown }[];
      return Object.fromEntries(tiles.map((tile) => [tile.spec.id, JSON.parse(JSON.stringify(tile.shownResult))]));
    });
  }

  function assertChatsByAssignee(rows: { key: unknown; value: number | null }[], oracle: Map<string, number>, where: string): void {
    const shown = new Map(rows.map((row) => [String(row.key), row.value]));
    assert.deepEqual(Object.fromEntries([...shown].sort()), Object.fromEntries([...oracle].sort()), `chats by assignee on ${where}`);
  }

  /** Text of the page, shadow roots included (what a reader could see or a script could read). */
  function deepText(page: Page): Promise<string> {
    // A loop, not a named inner function: tsx would wrap that in a helper the page does not have.
    return page.evaluate(() => {
      const parts: string[] = [];
      const stack: Node[] = [document];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
        if (node instanceof HTMLSelectElement) for (const option of node.options) parts.push(option.text);
        stack.push(...node.childNodes);
      }
      return parts.join(' ');
    });
  }

  it('installed from the zip: the plugin is active and its settings page is for administrators only', TEST, async () => {
    const admin = await login(state.users.admin);
    const plugins = await open(admin, '/wp-admin/plugins.php');
    assert.ok(await plugins.$('tr.active[data-plugin="conversation-reports/conversation-reports.php"]'), 'active in the Plugins screen');
    const settings = await open(admin, '/wp-admin/options-general.php?page=conversation-reports');
    assert.ok(await settings.$('form#conversation-reports-settings input[name="_wpnonce"]'), 'the settings form carries a nonce');

    const editorB = await login(state.users.editorB);
    const denied = await (await editorB.newPage()).goto(`${state.url}/wp-admin/options-general.php?page=conversation-reports`);
    assert.equal(denied?.status(), 403, 'an editor may not open the settings');

    // Without the nonce options.php refuses the change, even for an administrator.
    const status = await settings.evaluate(async (base) => {
      const body = new URLSearchParams({ option_page: 'conversation_reports', action: 'update', 'conversation_reports_settings[source_type]': 'sample' });
      return (await fetch(`${base}/wp-admin/options.php`, { method: 'POST', body })).status;
    }, state.url);
    assert.equal(status, 403, 'options.php without a nonce');

    // Sanitized: a bad value is refused with a message and the old one kept; a good one is stored.
    await settings.$eval('#cr-locale', (input) => ((input as HTMLInputElement).value = 'en"><b>bold</b>'));
    await settings.$eval('#cr-sla', (input) => ((input as HTMLTextAreaElement).value = '{not json'));
    await settings.$eval('#cr-business-hours', (input, text) => ((input as HTMLTextAreaElement).value = text), JSON.stringify(BUSINESS_HOURS, null, 2));
    await Promise.all([settings.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), settings.click('#submit')]);
    assert.ok(await settings.$('#setting-error-conversation_reports_locale'), 'the locale is refused with a message');
    assert.ok(await settings.$('#setting-error-conversation_reports_sla'), 'the SLA is refused with a message');
    assert.equal(await settings.$eval('#cr-locale', (input) => (input as HTMLInputElement).value), '');
    assert.equal(await settings.$eval('#cr-sla', (input) => (input as HTMLTextAreaElement).value), '');
    assert.deepEqual(JSON.parse(await settings.$eval('#cr-business-hours', (input) => (input as HTMLTextAreaElement).value)), BUSINESS_HOURS);
  });

  it('a page with the shortcode and one with the block show the tiles with the numbers of the CSV in the media library', TEST, async () => {
    const admin = await login(state.users.admin);
    const oracle = await oracleChatsByAssignee('csv');
    assert.ok(oracle.size > 3, 'the fixture has chats in the range');

    const shortcode = await rest(admin, 'POST', '/wp/v2/pages', {
      title: 'Support reports (shortcode)',
      status: 'publish',
      content: `[conversation_reports dashboard="chat-overview" range="${RANGE}"]`,
    });
    assert.equal(shortcode.status, 201, JSON.stringify(shortcode.body));
    shortcodePage = new URL((shortcode.body as { link: string }).link).search.replace(/^/, '/');
    const block = await rest(admin, 'POST', '/wp/v2/pages', {
      title: 'Support reports (block)',
      status: 'publish',
      content: `<!-- wp:conversation-reports/dashboard {"dashboard":"chat-overview","range":"${RANGE}"} /-->`,
    });
    assert.equal(block.status, 201, JSON.stringify(block.body));
    blockPageId = (block.body as { id: number }).id;
    blockPage = new URL((block.body as { link: string }).link).search.replace(/^/, '/');

    for (const path of [shortcodePage, blockPage]) {
      const page = await open(admin, path);
      const html = await page.content();
      assert.match(html, /<script type="module" src="[^"]+\/conversation-reports\/kit\/conversation-reports\.standalone\.js\?ver=/, 'the kit is enqueued as a module');
      assert.ok(html.includes(`csv-src="${state.csv.url}"`), 'the CSV of the settings');
      const tiles = await settledTiles(page);
      assertChatsByAssignee(tiles['chat-volume-by-assignee']!.rows, oracle, path);
      const chats = [...oracle.values()].reduce((a, b) => a + b, 0);
      assert.equal(tiles['chat-volume-by-assignee']!.total.count, chats);
      assert.equal(html.includes('"businessHours"'), kitReadsBusinessHours, 'business hours are printed exactly when the kit reads them');
      if (kitReadsBusinessHours) {
        const applied = await page.$eval('conversation-dashboard', (el) => (el as unknown as { businessHours: unknown }).businessHours);
        assert.deepEqual(applied, BUSINESS_HOURS, 'the settings\' business hours reach the dashboard');
      }
      // The site's language and time zone (setup: Europe/Amsterdam), since the settings leave them empty.
      assert.ok(html.includes('locale="en-US"') && html.includes('time-zone="Europe/Amsterdam"'), 'locale and zone from the site');
    }
  });

  it('attributes are escaped: markup in a block attribute stays text, and a bad range is a visible error', TEST, async () => {
    const admin = await login(state.users.admin);
    // Block attributes are JSON in the post (anyone who may edit posts can write them): the
    // hostile strings reach the PHP as they are.
    const hostile = { dashboard: '"><img src=x id=injected onerror=alert(1)>', range: '</script><script id=injected2>alert(2)</script>' };
    const attrs = JSON.stringify(hostile).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\\"/g, '\\u0022');
    const created = await rest(admin, 'POST', '/wp/v2/pages', {
      title: 'Hostile attributes',
      status: 'publish',
      content: `<!-- wp:conversation-reports/dashboard ${attrs} /-->`,
    });
    assert.equal(created.status, 201);
    const page = await open(admin, new URL((created.body as { link: string }).link).search.replace(/^/, '/'));
    await page.waitForFunction(() => document.querySelector('conversation-dashboard')?.shadowRoot?.querySelector('[part="error"], [part="config-error"]'), WAIT);
    assert.equal(await page.$('#injected, #injected2'), null, 'no element was injected');
    const attributes = await page.$eval('conversation-dashboard', (el) => [el.getAttribute('dashboard-id'), el.getAttribute('range')]);
    assert.deepEqual(attributes, [hostile.dashboard, hostile.range], 'the attributes arrive as the text they were');
  });

  it('drills from a bar into the conversations behind it', TEST, async () => {
    const admin = await login(state.users.admin);
    const oracle = await oracleChatsByAssignee('csv');
    const page = await open(admin, shortcodePage);
    await settledTiles(page);
    const target = await page.evaluate(() => {
      const dashboard = document.querySelector('conversation-dashboard')!;
      const tile = [...dashboard.shadowRoot!.querySelectorAll('report-tile')].find((t) => (t as unknown as { spec: { id: string } }).spec.id === 'chat-volume-by-assignee') as unknown as {
        shownResult: { rows: { key: string }[] };
        chart: { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): { x: number; y: number; width: number; height: number } } } }; getDom(): HTMLElement };
        scrollIntoView(): void;
      };
      tile.scrollIntoView();
      const layout = tile.chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
      const box = tile.chart.getDom().getBoundingClientRect();
      return { key: tile.shownResult.rows[0]!.key, x: box.left + layout.x + layout.width / 2, y: box.top + layout.y + layout.height / 2 };
    });
    await page.mouse.click(target.x, target.y);
    // The dialog lists `conversations`, or, when it pages through `loadPage`, shows `page` (total + first rows).
    await page.waitForFunction(() => {
      const dialog = document.querySelector('conversation-dashboard')?.shadowRoot?.querySelector('drill-dialog') as unknown as {
        open: boolean;
        conversations: unknown[];
        loadPage?: unknown;
        page?: { total: number } | null;
      } | null;
      return dialog?.open && (dialog.loadPage ? (dialog.page?.total ?? 0) > 0 : dialog.conversations.length > 0);
    }, WAIT);
    const drilled = await page.evaluate(() => {
      const dialog = document.querySelector('conversation-dashboard')!.shadowRoot!.querySelector('drill-dialog') as unknown as {
        conversations: { assigneeId: string; channel: string }[];
        loadPage?: unknown;
        page?: { total: number; rows: { assigneeId: string; channel: string }[] } | null;
      };
      const rows = dialog.loadPage ? dialog.page!.rows : dialog.conversations;
      return { total: dialog.loadPage ? dialog.page!.total : rows.length, rows: rows.map((c) => ({ assigneeId: c.assigneeId, channel: c.channel })) };
    });
    assert.equal(drilled.total, oracle.get(target.key), `conversations of ${target.key}`);
    assert.ok(drilled.rows.length > 0 && drilled.rows.every((c) => c.assigneeId === target.key && c.channel === 'chat'));
  });

  it('the block editor shows the block with its settings in the sidebar and a preview from sample data', TEST, async () => {
    const admin = await login(state.users.admin);
    const page = await open(admin, `/wp-admin/post.php?post=${blockPageId}&action=edit`);
    // The preview: the kit's element with generated data (never the site's), tiles drawn.
    await page.waitForFunction(() => {
      const docs = [document, ...[...document.querySelectorAll('iframe')].map((f) => f.contentDocument).filter(Boolean)] as Document[];
      const dashboard = docs.map((d) => d.querySelector('.wp-block-conversation-reports-dashboard conversation-dashboard, [data-type="conversation-reports/dashboard"] conversation-dashboard')).find(Boolean);
      const tiles = [...(dashboard?.shadowRoot?.querySelectorAll('report-tile') ?? [])] as unknown as { shownResult: unknown }[];
      return dashboard?.hasAttribute('sample') && tiles.length > 0 && tiles.every((t) => t.shownResult);
    }, WAIT);
    // Select the block: its three settings appear in the sidebar.
    await page.evaluate(() => {
      (window as unknown as { wp: { data: { dispatch(store: string): { selectBlock(id: string): void } ; select(store: string): { getBlocks(): { clientId: string; name: string }[] } } } }).wp.data
        .dispatch('core/block-editor')
        .selectBlock(
          (window as unknown as { wp: { data: { select(store: string): { getBlocks(): { clientId: string; name: string }[] } } } }).wp.data
            .select('core/block-editor')
            .getBlocks()
            .find((b) => b.name === 'conversation-reports/dashboard')!.clientId,
        );
    });
    await page.waitForFunction(() => document.querySelector('.block-editor-block-inspector')?.textContent?.includes('Data source'), WAIT);
    const sidebar = await page.$eval('.block-editor-block-inspector', (el) => el.textContent ?? '');
    for (const label of ['Dashboard', 'Date range', 'Data source']) assert.ok(sidebar.includes(label), `sidebar has ${label}`);
  });

  it('an editor creates a private dashboard in the page; an editor without the capability can neither see nor change it', TEST, async () => {
    const editorA = await login(state.users.editorA);
    const page = await open(editorA, shortcodePage);
    await settledTiles(page);
    const name = `Private board ${Date.now()}`;
    await page.locator('conversation-dashboard >>> [part="toolbar"] button.primary').click();
    await page.locator('conversation-dashboard >>> dashboard-wizard >>> [part="template"][data-template-id="chat-overview"] input').click();
    await page.locator('conversation-dashboard >>> dashboard-wizard >>> [part="next-button"][aria-disabled="false"]').click();
    await page.locator('conversation-dashboard >>> dashboard-wizard >>> [part="name-input"]').fill(name);
    await page.locator('conversation-dashboard >>> dashboard-wizard >>> [part="create-button"]').click();
    await page.waitForFunction((name) => {
      const dashboard = document.querySelector('conversation-dashboard') as unknown as { shadowRoot: ShadowRoot; dashboardId: string | null };
      const switcher = dashboard.shadowRoot.querySelector('[part="switcher"]') as HTMLSelectElement | null;
      return switcher && [...switcher.selectedOptions].some((option) => option.text.includes(name));
    }, WAIT, name);
    privateId = await page.evaluate(() => (document.querySelector('conversation-dashboard') as unknown as { dashboardId: string }).dashboardId);

    // Stored in WordPress, owned by editor A, private.
    const stored = await rest(editorA, 'GET', `/conversation-reports/v1/dashboards/${privateId}`);
    assert.equal(stored.status, 200);
    assert.match(stored.etag ?? '', /^"[0-9a-f]{32}"$/);
    const dashboard = stored.body as { name: string; ownerId: string; privacy: string; reports: unknown[] };
    assert.deepEqual([dashboard.name, dashboard.ownerId, dashboard.privacy], [name, String(state.users.editorA.id), 'private']);
    assert.ok(dashboard.reports.length > 0);

    // A page that names the private dashboard (as editor A might publish it).
    const admin = await login(state.users.admin);
    const named = await rest(admin, 'POST', '/wp/v2/pages', {
      title: 'A private dashboard',
      status: 'publish',
      content: `[conversation_reports dashboard="${privateId}" range="${RANGE}"]`,
    });
    assert.equal(named.status, 201);
    privatePage = new URL((named.body as { link: string }).link).search.replace(/^/, '/');
    const ownView = await open(editorA, privatePage);
    await settledTiles(ownView);
    assert.ok((await deepText(ownView)).includes(name), 'its owner sees it on the page');

    // Editor B, through the page: not in the switcher, nowhere in the page, nothing to edit.
    const editorB = await login(state.users.editorB);
    const pageB = await open(editorB, privatePage);
    await settledTiles(pageB);
    assert.ok(!(await deepText(pageB)).includes(name), 'the private dashboard is not shown to editor B');
    assert.equal(await pageB.$$eval('conversation-dashboard >>> [part="toolbar"] button', (buttons) => buttons.length), 0, 'no create/edit buttons without the capability');

    // Editor B, through the REST API directly.
    const list = await rest(editorB, 'GET', '/conversation-reports/v1/dashboards');
    assert.equal(list.status, 200);
    assert.ok(!(list.body as { id: string }[]).some((d) => d.id === privateId));
    assert.equal((await rest(editorB, 'GET', `/conversation-reports/v1/dashboards/${privateId}`)).status, 403);
    assert.equal((await rest(editorB, 'PUT', `/conversation-reports/v1/dashboards/${privateId}`, { ...dashboard, privacy: 'everyone' }, { 'if-match': stored.etag! })).status, 403);
    assert.equal((await rest(editorB, 'DELETE', `/conversation-reports/v1/dashboards/${privateId}`, undefined, { 'if-match': stored.etag! })).status, 403);
    assert.equal((await rest(editorB, 'PUT', '/conversation-reports/v1/dashboards/b-own', { id: 'b-own', name: 'B', privacy: 'private', reports: [], layout: {} }, { 'if-none-match': '*' })).status, 403, 'no capability, no create');
    // A visitor: 401.
    assert.equal((await rest(null, 'GET', '/conversation-reports/v1/dashboards')).status, 401);
    assert.equal((await rest(null, 'GET', `/conversation-reports/v1/dashboards/${privateId}`)).status, 401);

    // Shared with everyone by its owner, editor B may read it but still not change it.
    const shared = await rest(editorA, 'PUT', `/conversation-reports/v1/dashboards/${privateId}`, { ...dashboard, privacy: 'everyone' }, { 'if-match': stored.etag! });
    assert.equal(shared.status, 200, JSON.stringify(shared.body));
    const readByB = await rest(editorB, 'GET', `/conversation-reports/v1/dashboards/${privateId}`);
    assert.equal(readByB.status, 200);
    assert.equal((await rest(editorB, 'PUT', `/conversation-reports/v1/dashboards/${privateId}`, { ...dashboard, privacy: 'everyone', name: 'taken over' }, { 'if-match': readByB.etag! })).status, 403);

    // Conflicts: a save based on an old version, or a second create of the same id, is a 412.
    assert.equal((await rest(editorA, 'PUT', `/conversation-reports/v1/dashboards/${privateId}`, { ...dashboard, privacy: 'everyone', name: 'stale' }, { 'if-match': stored.etag! })).status, 412);
    assert.equal((await rest(editorA, 'PUT', `/conversation-reports/v1/dashboards/${privateId}`, { ...dashboard, privacy: 'everyone' }, { 'if-none-match': '*' })).status, 412);
    // Back to private for the visitor test.
    const back = await rest(editorA, 'PUT', `/conversation-reports/v1/dashboards/${privateId}`, { ...dashboard, privacy: 'private' }, { 'if-match': shared.etag! });
    assert.equal(back.status, 200);
  });

  it('a visitor who is not signed in is asked to sign in, and once an administrator makes reports public sees them read-only', TEST, async () => {
    const visitor = await session();
    const before = await open(visitor, shortcodePage);
    assert.equal(await before.$('conversation-dashboard'), null);
    assert.ok(await before.$('.conversation-reports-sign-in a[href*="wp-login.php"]'));

    // The administrator ticks "Visitors…" in the settings form (options.php, nonce and all).
    const admin = await login(state.users.admin);
    const settings = await open(admin, '/wp-admin/options-general.php?page=conversation-reports');
    await settings.click('input[name="conversation_reports_settings[public]"]');
    await Promise.all([settings.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), settings.click('#submit')]);
    assert.ok(await settings.$eval('input[name="conversation_reports_settings[public]"]', (input) => (input as HTMLInputElement).checked));

    const oracle = await oracleChatsByAssignee('csv');
    const page = await open(visitor, shortcodePage);
    const tiles = await settledTiles(page);
    assertChatsByAssignee(tiles['chat-volume-by-assignee']!.rows, oracle, 'the public page');
    const html = await page.content();
    assert.ok(!html.includes('_wpnonce') && !html.includes('"store"'), 'no store and no nonce for a visitor');
    assert.equal(await page.$$eval('conversation-dashboard >>> [part="toolbar"] button', (buttons) => buttons.length), 0, 'nothing to create or edit');
    const editable = await page.evaluate(() =>
      [...document.querySelector('conversation-dashboard')!.shadowRoot!.querySelectorAll('report-tile')].some((tile) => (tile as unknown as { editable: boolean }).editable),
    );
    assert.equal(editable, false, 'no tile is editable');
    // A private dashboard named by the URL stays hidden from visitors too.
    const named = await open(visitor, privatePage);
    await settledTiles(named);
    assert.ok(!(await deepText(named)).includes('Private board'));
    assert.ok(!(await named.content()).includes('Private board'), 'not in the markup either');

    // Once its owner shares it with everyone, a page naming it shows it to visitors too, read-only.
    const editorA = await login(state.users.editorA);
    const current = await rest(editorA, 'GET', `/conversation-reports/v1/dashboards/${privateId}`);
    const shared = await rest(editorA, 'PUT', `/conversation-reports/v1/dashboards/${privateId}`, { ...(current.body as object), privacy: 'everyone' }, { 'if-match': current.etag! });
    assert.equal(shared.status, 200);
    const sharedView = await open(visitor, privatePage);
    await settledTiles(sharedView);
    assert.ok((await deepText(sharedView)).includes((current.body as { name: string }).name), 'the shared dashboard is on the page');
    assert.equal(await sharedView.$$eval('conversation-dashboard >>> [part="toolbar"] button', (buttons) => buttons.length), 0, 'still nothing to edit');
  });

  it('a REST source with a secret header: WordPress fetches it for the browser, the secret never reaches a page', TEST, async () => {
    const admin = await login(state.users.admin);
    const settings = await open(admin, '/wp-admin/options-general.php?page=conversation-reports');
    await settings.click('input[name="conversation_reports_settings[source_type]"][value="rest"]');
    await settings.$eval('#cr-rest-url', (input, url) => ((input as HTMLInputElement).value = url), `${state.url}/?rest_route=/cr-test/v1/conversations`);
    await settings.$eval('#cr-rest-header', (input) => ((input as HTMLInputElement).value = 'X-Api-Key'));
    await settings.type('#cr-rest-secret', state.upstreamSecret);
    await Promise.all([settings.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), settings.click('#submit')]);
    assert.ok(!(await settings.content()).includes(state.upstreamSecret), 'the settings page does not print the secret back');

    const oracle = await oracleChatsByAssignee('json');
    for (const context of [admin, await session()]) {
      const page = await open(context, shortcodePage);
      const tiles = await settledTiles(page);
      assertChatsByAssignee(tiles['chat-volume-by-assignee']!.rows, oracle, 'the REST-backed page');
      const html = await page.content();
      assert.ok(!html.includes(state.upstreamSecret), 'the page does not hold the secret');
      assert.ok(html.includes('conversation-reports/v1/data'), 'the page reads through the proxy');
    }
    // Straight to the upstream without the header: refused (so the pages above did go through WordPress).
    assert.equal((await fetch(`${state.url}/?rest_route=/cr-test/v1/conversations`)).status, 401);

    // Back to the CSV for anything after this test.
    const again = await open(admin, '/wp-admin/options-general.php?page=conversation-reports');
    await again.click('input[name="conversation_reports_settings[source_type]"][value="csv"]');
    await Promise.all([again.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), again.click('#submit')]);
  });

  it("the kit's server half with a secret header: WordPress forwards the report requests, the secret never reaches a page", TEST, async () => {
    // createReportHandler over DuckDB holding the JSON fixture, answering only with the secret header.
    const fixture = JSON.parse(readFileSync(jsonPath, 'utf8')) as { conversations: unknown[]; lookups: unknown };
    const db = await createTestDatabase(parseConversations(fixture.conversations).conversations);
    const secret = randomBytes(16).toString('hex');
    const seen: { op: string; keyed: boolean }[] = [];
    const handler = createReportHandler({
      dialect: 'duckdb',
      schema: { table: 'conversations', customProperties: db.customProperties },
      execute: db.execute,
      authorize: async (request) => {
        const keyed = request.headers.get('x-report-key') === secret;
        seen.push({ op: String(((await request.clone().json().catch(() => ({}))) as { op?: unknown }).op), keyed });
        return keyed ? { userId: 'wordpress' } : null;
      },
      lookups: async () => fixture.lookups as never,
    });
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/reports`;
    try {
      const admin = await login(state.users.admin);
      const settings = await open(admin, '/wp-admin/options-general.php?page=conversation-reports');
      await settings.click('input[name="conversation_reports_settings[source_type]"][value="server"]');
      await settings.$eval('#cr-server-url', (input, url) => ((input as HTMLInputElement).value = url), serverUrl);
      await settings.$eval('#cr-server-header', (input) => ((input as HTMLInputElement).value = 'X-Report-Key'));
      await settings.type('#cr-server-secret', secret);
      await Promise.all([settings.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), settings.click('#submit')]);
      assert.ok(!(await settings.content()).includes(secret), 'the settings page does not print the secret back');
      // A report server beside WordPress (a local address, its own port) is a URL the settings keep.
      assert.equal(await settings.$eval('#cr-server-url', (input) => (input as HTMLInputElement).value), serverUrl);

      const oracle = await oracleChatsByAssignee('json');
      for (const context of [admin, await session()]) {
        const page = await open(context, shortcodePage);
        const tiles = await settledTiles(page);
        assertChatsByAssignee(tiles['chat-volume-by-assignee']!.rows, oracle, 'the page on the report server');
        const html = await page.content();
        assert.ok(!html.includes(secret), 'the page does not hold the secret');
        assert.match(html, /server-src="[^"]*conversation-reports\/v1\/report/, 'the page reads through the proxy');
        // Computed by the server: nothing was loaded into the browser.
        assert.equal(await page.evaluate(() => (document.querySelector('conversation-dashboard') as unknown as { data: { table: unknown } }).data.table), null);
      }
      assert.ok(seen.some((s) => s.op === 'query') && seen.some((s) => s.op === 'lookups'), JSON.stringify(seen.slice(0, 5)));
      assert.ok(seen.every((s) => s.keyed), 'every request WordPress forwarded carried the secret');
      // Straight to the server without the header: refused (so the pages above did go through WordPress).
      assert.equal((await fetch(serverUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"op":"lookups"}' })).status, 401);
      // The proxy forwards report requests only.
      const before = seen.length;
      assert.equal((await rest(null, 'POST', '/conversation-reports/v1/report', { op: 'sql', sql: 'SELECT 1' })).status, 400);
      assert.equal((await rest(null, 'GET', '/conversation-reports/v1/report')).status, 404);
      assert.equal(seen.length, before, 'nothing else reached the server');

      // Without a secret the page points at the server itself (same origin or CORS: the host's business).
      const clear = await open(admin, '/wp-admin/options-general.php?page=conversation-reports');
      await clear.click('input[name="conversation_reports_settings[server_secret_clear]"]');
      await Promise.all([clear.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), clear.click('#submit')]);
      const markup = await (await fetch(state.url + shortcodePage)).text();
      assert.ok(markup.includes(`server-src="${serverUrl}"`), 'server-src is the server URL');
    } finally {
      // Back to the CSV for anything after this test.
      const admin = await login(state.users.admin);
      const again = await open(admin, '/wp-admin/options-general.php?page=conversation-reports');
      await again.click('input[name="conversation_reports_settings[source_type]"][value="csv"]');
      await Promise.all([again.waitForNavigation({ waitUntil: 'load', timeout: WAIT.timeout }), again.click('#submit')]);
      server.close();
      db.close();
    }
  });

  it("a deleted user's dashboards go to the user their content is given to, or with them", TEST, async () => {
    const admin = await login(state.users.admin);
    const owners: Login[] = [];
    for (const login of [`leaver-a-${Date.now()}`, `leaver-b-${Date.now()}`]) {
      const password = `pw-${Math.random().toString(36).slice(2)}`;
      const created = await rest(admin, 'POST', '/wp/v2/users', { username: login, password, email: `${login}@example.test`, roles: ['editor'] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      owners.push({ login, password, id: (created.body as { id: number }).id });
    }
    for (const owner of owners) {
      const context = await login(owner);
      const saved = await rest(context, 'PUT', `/conversation-reports/v1/dashboards/of-${owner.login}`, { id: `of-${owner.login}`, name: owner.login, privacy: 'everyone', reports: [], layout: {} }, { 'if-none-match': '*' });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
    }
    const [kept, gone] = owners as [Login, Login];
    assert.equal((await rest(admin, 'DELETE', `/wp/v2/users/${kept.id}?force=true&reassign=${state.users.admin.id}`)).status, 200);
    assert.equal((await rest(admin, 'DELETE', `/wp/v2/users/${gone.id}?force=true&reassign=false`)).status, 200);
    const reassigned = await rest(admin, 'GET', `/conversation-reports/v1/dashboards/of-${kept.login}`);
    assert.equal(reassigned.status, 200);
    assert.equal((reassigned.body as { ownerId: string }).ownerId, String(state.users.admin.id));
    assert.equal((await rest(admin, 'GET', `/conversation-reports/v1/dashboards/of-${gone.login}`)).status, 404);
  });

  it('every front-end page worked under the strict Content-Security-Policy of the test site, with no violation', TEST, async () => {
    const response = await fetch(state.url + shortcodePage);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self' 'report-sample';/);
    assert.ok(shortcodePage !== '', 'pages were visited');
    assert.deepEqual(violations, []);
  });

  it('no PHP warning or notice from the plugin in the site log', TEST, () => {
    const log = existsSync(`${state.site}/../debug.log`) ? readFileSync(`${state.site}/../debug.log`, 'utf8') : '';
    const ours = log.split('\n').filter((line) => line.includes('conversation-reports'));
    assert.deepEqual(ours, []);
  });

  it('deleting the plugin removes its options, its dashboards table and its capabilities (uninstall.php)', TEST, () => {
    const result = spawnSync('php', [new URL('./uninstall-check.php', import.meta.url).pathname, state.site], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      before: { rows: number; options: string[] };
      after: { table: string | null; options: string[]; roles: string[]; users: string[] };
      reactivated: boolean;
    };
    assert.ok(report.before.rows >= 1 && report.before.options.includes('conversation_reports_settings'), JSON.stringify(report.before));
    assert.ok(report.before.options.includes('conversation_reports_rest_secret'));
    assert.deepEqual(report.after, { table: null, options: [], roles: [], users: [] });
    assert.ok(report.reactivated);
  });
});
