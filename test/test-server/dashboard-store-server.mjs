// A REST dashboard store as RestDashboardStore expects it (src/store/rest-dashboard-store.ts), one
// per namespace so test files running side by side do not meet:
//
// GET    /__test__/store/<ns>/dashboards          → Dashboard[] (no ETags in a list)
// GET    /__test__/store/<ns>/dashboards/<id>     → Dashboard, with its ETag; 404
// PUT    /__test__/store/<ns>/dashboards/<id>     If-Match: <etag> (update) or If-None-Match: * (create);
//                                                 412 when the ETag is not the current one (someone
//                                                 saved in between) or the dashboard exists; 428 without either
// DELETE /__test__/store/<ns>/dashboards/<id>     If-Match as for PUT
//
// The test drives it through /__test__/store-admin/<ns>:
// POST …/seed   body Dashboard[]: replaces the namespace's dashboards (new ETags) and clears the log
// POST …/write  body Dashboard: another client's save, applied without any check (a new ETag)
// GET  …        → { dashboards: { <id>: { dashboard, etag } }, log: [{ method, id, ifMatch, ifNoneMatch, status }] }
//
// Privacy is the client's to enforce in these tests; a real server enforces it too.

const namespaces = new Map();
let version = 0;

function space(name) {
  if (!namespaces.has(name)) namespaces.set(name, { dashboards: new Map(), log: [] });
  return namespaces.get(name);
}

const newEtag = () => `"v${++version}"`;

function readBody(ctx) {
  return new Promise((resolve, reject) => {
    let text = '';
    ctx.req.setEncoding('utf8');
    ctx.req.on('data', (chunk) => (text += chunk));
    ctx.req.on('end', () => resolve(text));
    ctx.req.on('error', reject);
  });
}

function json(ctx, status, body, etag) {
  ctx.status = status;
  ctx.type = 'application/json';
  if (etag) ctx.set('ETag', etag);
  ctx.body = JSON.stringify(body);
}

async function admin(ctx, name, action) {
  const store = space(name);
  if (ctx.method === 'GET' && !action) {
    return json(ctx, 200, { dashboards: Object.fromEntries(store.dashboards), log: store.log });
  }
  const body = JSON.parse((await readBody(ctx)) || 'null');
  if (ctx.method === 'POST' && action === 'seed') {
    store.dashboards.clear();
    store.log.length = 0;
    for (const dashboard of body) store.dashboards.set(dashboard.id, { dashboard, etag: newEtag() });
    return json(ctx, 200, { ok: true });
  }
  if (ctx.method === 'POST' && action === 'write') {
    const etag = newEtag();
    store.dashboards.set(body.id, { dashboard: body, etag });
    return json(ctx, 200, { etag });
  }
  return json(ctx, 404, { message: 'unknown admin action' });
}

async function rest(ctx, name, id) {
  const store = space(name);
  const ifMatch = ctx.get('If-Match') || null;
  const ifNoneMatch = ctx.get('If-None-Match') || null;
  const entry = { method: ctx.method, id, ifMatch, ifNoneMatch, status: 0 };
  store.log.push(entry);
  const done = (status, body, etag) => {
    entry.status = status;
    if (body === undefined) {
      ctx.status = status;
      ctx.body = '';
      if (etag) ctx.set('ETag', etag);
    } else json(ctx, status, body, etag);
  };
  if (id === null) {
    if (ctx.method !== 'GET') return done(405, { message: 'list only' });
    return done(200, [...store.dashboards.values()].map((stored) => stored.dashboard));
  }
  const current = store.dashboards.get(id);
  switch (ctx.method) {
    case 'GET':
      return current ? done(200, current.dashboard, current.etag) : done(404, { message: 'not found' });
    case 'PUT': {
      const body = JSON.parse(await readBody(ctx));
      if (body?.id !== id) return done(400, { issues: [{ field: 'id', message: 'does not match the URL' }] });
      if (ifNoneMatch === '*') {
        if (current) return done(412, { message: 'exists already' });
      } else if (ifMatch !== null) {
        if (!current) return done(404, { message: 'not found' });
        if (ifMatch !== current.etag) return done(412, { message: 'changed since you read it' });
      } else return done(428, { message: 'If-Match or If-None-Match required' });
      const etag = newEtag();
      store.dashboards.set(id, { dashboard: body, etag });
      return done(current ? 200 : 201, body, etag);
    }
    case 'DELETE':
      if (!current) return done(404, { message: 'not found' });
      if (ifMatch !== null && ifMatch !== current.etag) return done(412, { message: 'changed since you read it' });
      store.dashboards.delete(id);
      return done(204);
    default:
      return done(405, { message: 'method not allowed' });
  }
}

export async function dashboardStoreServer(ctx, next) {
  let match = /^\/__test__\/store-admin\/([\w-]+)(?:\/(seed|write))?$/.exec(ctx.path);
  if (match) {
    ctx.set('Cache-Control', 'no-store');
    return admin(ctx, match[1], match[2]);
  }
  match = /^\/__test__\/store\/([\w-]+)\/dashboards(?:\/([^/]+))?$/.exec(ctx.path);
  if (!match) return next();
  ctx.set('Cache-Control', 'no-store');
  return rest(ctx, match[1], match[2] === undefined ? null : decodeURIComponent(match[2]));
}
