// The first-paint budget (test/check-bundle-size.mjs) counts the entry's static imports. Here
// Chromium paints the default dashboard from dist/ and lists what it fetched: if a part made lazy
// were needed before the first paint, it would be fetched at once and escape that count.
// Needs a build (`npm test` builds before the Node tests).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { bundleSizes } from '../check-bundle-size.mjs';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { FIRST_PAINT_PAGE, firstPaintFetched, type FirstPaintFetched } from '../first-paint-fetched.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const built = existsSync(join(dist, 'elements', 'conversation-dashboard.js'));

describe('first paint, as Chromium fetches it', { skip: !built && 'no build in dist/: run `npx vite build`' }, () => {
  let server: Server;
  let browser: Browser;
  let fetched: FirstPaintFetched;

  before(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/first-paint.html') return void response.writeHead(200, { 'content-type': 'text/html' }).end(FIRST_PAINT_PAGE);
      const file = normalize(join(dist, decodeURIComponent(path.slice('/dist/'.length))));
      if (!path.startsWith('/dist/') || !file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
    const page = await browser.newPage();
    fetched = await firstPaintFetched(page, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, dist);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('paints every tile of the default dashboard', () => {
    assert.equal(fetched.error, undefined);
    assert.ok(fetched.tiles >= 6, `${fetched.tiles} tiles`);
  });

  it('fetches exactly the entry and its static imports, no lazy chunk', () => {
    assert.deepEqual(fetched.beyondStatic, []);
    assert.deepEqual([...fetched.files].sort(), [...bundleSizes(dist).kit.files].sort());
  });
});
