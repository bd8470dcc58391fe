// A stand-in for the host's HubSpot proxy (README, "HubSpot"): answers the Conversations v3 requests
// HubSpotDataSource makes, from test/fixtures/hubspot/hubspot-fixture.mjs.
//
// /__test__/hubspot[/tag-<name>][/delay-<ms>]/conversations/v3/conversations/threads?limit&association&after
//                                         …/threads/<id>/messages
//                                         …/inboxes
//                                         …/actors/<id>
// Threads come 25 to a page (fewer when `limit` asks), with `paging.next.after`. A `delay-<ms>`
// segment holds each threads page that long. /__test__/hubspot-stats?tag=<name>[&reset=1] tells,
// for the requests of a tag: { started, aborted, completed, requests: [path?query, …] }, where
// `aborted` counts requests the client closed before the answer.
import { hubspotFixture } from '../fixtures/hubspot/hubspot-fixture.mjs';

const PREFIX = '/__test__/hubspot/';
const PAGE = 25;
const fixture = hubspotFixture();
const stats = new Map();

function statsFor(tag) {
  if (!stats.has(tag)) stats.set(tag, { started: 0, aborted: 0, completed: 0, requests: [] });
  return stats.get(tag);
}

/** Waits `ms`, or less when the client goes away; tells whether it stayed. */
function hold(ctx, ms) {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve(!ctx.req.destroyed);
    const timer = setTimeout(() => resolve(true), ms);
    ctx.res.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

function answer(ctx, path, url) {
  if (path === 'threads') {
    const limit = Math.min(PAGE, Number(url.searchParams.get('limit') ?? PAGE));
    const start = Number(url.searchParams.get('after') ?? 0);
    const end = Math.min(fixture.threads.length, start + limit);
    // Like HubSpot: associations are there only when asked for.
    const withTickets = url.searchParams.get('association') === 'TICKET';
    const results = fixture.threads.slice(start, end).map((thread) => {
      if (withTickets) return thread;
      const { threadAssociations, ...rest } = thread;
      return rest;
    });
    return json(ctx, 200, { results, ...(end < fixture.threads.length ? { paging: { next: { after: String(end) } } } : {}) });
  }
  let match = /^threads\/([^/]+)\/messages$/.exec(path);
  if (match) {
    const list = fixture.messages[decodeURIComponent(match[1])];
    return list ? json(ctx, 200, { results: list }) : json(ctx, 404, { message: 'thread not found' });
  }
  if (path === 'inboxes') return json(ctx, 200, { results: fixture.inboxes });
  match = /^actors\/([^/]+)$/.exec(path);
  if (match) {
    const actor = fixture.actors.find((a) => a.id === decodeURIComponent(match[1]));
    return actor ? json(ctx, 200, { ...actor, type: 'AGENT' }) : json(ctx, 404, { message: 'actor not found' });
  }
  return json(ctx, 404, { message: `no such endpoint: ${path}` });
}

export async function hubspotProxy(ctx, next) {
  if (ctx.path === '/__test__/hubspot-stats') {
    const url = new URL(ctx.url, 'http://localhost');
    const tag = url.searchParams.get('tag') ?? '';
    json(ctx, 200, statsFor(tag));
    if (url.searchParams.has('reset')) stats.delete(tag);
    return undefined;
  }
  if (!ctx.path.startsWith(PREFIX)) return next();
  ctx.set('Cache-Control', 'no-store');
  const url = new URL(ctx.url, 'http://localhost');
  const segments = ctx.path.slice(PREFIX.length).split('/');
  let tag = '';
  let delay = 0;
  while (segments.length > 0 && /^(tag|delay)-/.test(segments[0])) {
    const [kind, ...rest] = segments.shift().split('-');
    if (kind === 'tag') tag = rest.join('-');
    else delay = Number(rest.join('-'));
  }
  const api = 'conversations/v3/conversations/';
  const rest = segments.join('/');
  if (!rest.startsWith(api)) return json(ctx, 404, { message: 'not a Conversations v3 path' });
  if (ctx.method !== 'GET') return json(ctx, 405, { message: 'the proxy only reads' });
  const path = rest.slice(api.length);
  const entry = statsFor(tag);
  entry.started++;
  entry.requests.push(`${path}${url.search}`);
  const stayed = await hold(ctx, path === 'threads' ? delay : 0);
  if (!stayed || ctx.req.destroyed) {
    entry.aborted++;
    ctx.status = 499;
    ctx.body = '';
    return undefined;
  }
  entry.completed++;
  return answer(ctx, path, url);
}
