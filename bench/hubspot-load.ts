// How long HubSpotDataSource takes to load a portal under HubSpot's rate limit (100 requests per
// rolling 10 s, a private app on a free or Starter portal), first load and incremental re-sync.
//
//   node --import tsx bench/hubspot-load.ts [--latency 150] [--sizes 300,3000,10000] [--changed 0.01]
//
// The times are HubSpot time, computed on a simulated clock: the source and the fake HubSpot
// (src/adapters/testing/fake-hubspot.ts, shaped like the public spec) share a FakeClock, every
// request takes `--latency` ms, and the clock jumps to the next timer when nothing else can run.
// So the figure is what the pacing and the round trips cost, not this machine's speed; the wall
// time the simulation took is printed beside it. Each thread has 1 or 2 messages (one message
// request each), so the first load is ≈ threads + threads / 500 requests.
import { HubSpotDataSource } from '../src/adapters/hubspot-data-source.ts';
import { MemoryHubSpotCache } from '../src/adapters/hubspot/hubspot-cache.ts';
import { FakeClock } from '../src/adapters/testing/fake-http.ts';
import { FakeHubSpot, fillPortal, specMessage } from '../src/adapters/testing/fake-hubspot.ts';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
}
const latencyMs = Number(option('latency', '150'));
const sizes = option('sizes', '300,3000,10000').split(',').map(Number);
const changedShare = Number(option('changed', '0.01'));

const fmt = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);

async function load(source: HubSpotDataSource, clock: FakeClock, range: { from: number; to: number }) {
  const started = clock.now;
  const wall = performance.now();
  let first: number | null = null;
  let count = 0;
  for await (const page of source.load({ range, signal: new AbortController().signal })) {
    if (!('conversations' in page)) continue;
    if (page.conversations.length > 0 && first === null) first = clock.now - started;
    count += page.conversations.length;
  }
  return { ms: clock.now - started, firstPageMs: first, count, wallMs: performance.now() - wall };
}

console.log(`HubSpot load at 100 requests / 10 s, ${latencyMs} ms a request (simulated clock), ${changedShare * 100}% changed before the re-sync`);
console.log('threads | first load | first page after | requests | incremental (30 min later) | requests | hourly full listing | requests | wall time (sim.)');
for (const size of sizes) {
  const clock = new FakeClock();
  clock.now = Date.UTC(2026, 3, 1);
  const api = new FakeHubSpot({ now: () => clock.now, sleep: clock.sleep, latencyMs, rateLimit: { max: 100, intervalMs: 10_000 } });
  fillPortal(api, size, { end: clock.now - 3_600_000, days: 28 });
  const range = { from: clock.now - 30 * 86_400_000, to: clock.now };
  const source = new HubSpotDataSource({ proxyUrl: 'https://app.example.com/api/hubspot', fetch: api.fetch, sleep: clock.sleep, now: () => clock.now, cache: new MemoryHubSpotCache() });
  const full = await load(source, clock, range);
  const fullRequests = api.requests.length;
  if (full.count !== size) throw new Error(`loaded ${full.count} of ${size}`);
  clock.now += 30 * 60_000;
  const changed = Math.max(1, Math.round(size * changedShare));
  for (let i = 0; i < changed; i++) {
    const id = String(100_000 + Math.floor((i * size) / changed));
    api.post(id, specMessage('INCOMING', { at: clock.now - 60_000, threadId: id }));
  }
  const again = await load(source, clock, range);
  const incrementalRequests = api.requests.length - fullRequests;
  if (again.count !== size) throw new Error(`re-sync served ${again.count} of ${size}`);
  // An hour on, the source lists every thread again (relistAfterMs) but rereads no messages.
  clock.now += 60 * 60_000;
  const before = api.requests.length;
  const relisted = await load(source, clock, range);
  const relistRequests = api.requests.length - before;
  console.log(
    `${size} | ${fmt(full.ms)} | ${fmt(full.firstPageMs ?? 0)} | ${fullRequests} (${api.count('all', 429)} × 429) | ${fmt(again.ms)} | ${incrementalRequests} | ${fmt(relisted.ms)} | ${relistRequests} | ${fmt(full.wallMs + again.wallMs + relisted.wallMs)}`,
  );
}
