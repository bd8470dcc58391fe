/**
 * What the default dashboard from the library build really fetches before its first paint: the
 * page below imports `conversation-reports/conversation-dashboard` alone (as README tells a host to,
 * for the smallest first paint), hands it records from an inline source, English, no store; once
 * every tile shows its result and every chart has its canvas, it lists the `dist/` files it fetched.
 * `test/check-bundle-size.mjs` counts the entry's static imports; a lazy chunk that the first paint
 * asks for at once would escape that count, and shows here as `beyondStatic`. Used by
 * `test/node/first-paint-fetched.test.ts` and by `npm run bench` (bench/browser-bench.ts).
 */
import type { Page } from 'puppeteer-core';
import { bundleSizes, gzippedSize } from './check-bundle-size.mjs';

/** Served at `/first-paint.html`, with `dist/` at `/dist/`. */
export const FIRST_PAINT_PAGE = `<!doctype html><meta charset="utf-8"><title>first paint</title>
<conversation-dashboard locale="en" time-zone="UTC"></conversation-dashboard>
<script type="module">
  import '/dist/elements/conversation-dashboard.js';
  const end = Date.UTC(2026, 10, 20);
  const pick = (list, i) => list[i % list.length];
  const conversations = Array.from({ length: 3000 }, (_, i) => {
    const createdAt = end - ((i * 7919) % (28 * 86400000));
    return {
      id: 'c' + i, channel: i % 3 ? 'chat' : 'email', status: i % 3 ? 'closed' : 'open',
      createdAt, firstResponseAt: i % 5 ? createdAt + (i % 97) * 60000 : null, closedAt: i % 3 ? createdAt + (i % 31) * 3600000 : null,
      assigneeId: pick(['a1', 'a2', 'a3', 'a4', null], i), inboxId: pick(['i1', 'i2'], i), teamId: null,
      chatflowId: i % 2 ? pick(['f1', 'f2', 'f3'], i) : null, pageUrl: pick(['https://example.com/', 'https://example.com/pricing', null], i),
    };
  });
  const el = document.querySelector('conversation-dashboard');
  el.now = end;
  el.range = { from: end - 28 * 86400000, to: end };
  el.dataSource = { async *load() { yield { conversations }; } };
  const started = performance.now();
  const drawn = (tile) => tile.shownResult && [...tile.shadowRoot.querySelectorAll('chart-view')].every((chart) => chart.shadowRoot?.querySelector('canvas'));
  const check = () => {
    const tiles = [...el.shadowRoot.querySelectorAll('report-tile')];
    if (tiles.length && tiles.every(drawn))
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const fetched = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/dist/'));
        window.firstPaint = { tiles: tiles.length, fetched: [...new Set(fetched)].map((path) => path.slice('/dist/'.length)) };
      }));
    else if (el.data?.state === 'error') window.firstPaint = { tiles: 0, fetched: [], error: String(el.data.error) };
    else if (performance.now() - started > 60000) window.firstPaint = { tiles: 0, fetched: [], error: 'no paint in 60 s' };
    else setTimeout(check, 20);
  };
  check();
</script>`;

export interface FirstPaintFetched {
  /** The dist/ JavaScript fetched, gzipped together as test/check-bundle-size.mjs measures an entry. */
  bytes: number;
  files: string[];
  /** Fetched but not among the entry's static imports (a lazy chunk the first paint asked for). */
  beyondStatic: string[];
  tiles: number;
  error?: string;
}

/** Opens `${origin}/first-paint.html` in `page` and measures what it fetched from `dist`. */
export async function firstPaintFetched(page: Page, origin: string, dist: string): Promise<FirstPaintFetched> {
  await page.goto(`${origin}/first-paint.html`);
  await page.waitForFunction('window.firstPaint', { timeout: 90_000 });
  const seen = (await page.evaluate('window.firstPaint')) as { tiles: number; fetched: string[]; error?: string };
  const eager = new Set(bundleSizes(dist).kit.files);
  const files = seen.fetched.filter((file) => file.endsWith('.js'));
  return {
    bytes: gzippedSize(dist, files),
    files,
    beyondStatic: files.filter((file) => !eager.has(file)),
    tiles: seen.tiles,
    ...(seen.error ? { error: seen.error } : {}),
  };
}
