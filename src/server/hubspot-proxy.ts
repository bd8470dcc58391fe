/**
 * `createHubSpotProxy`: the server-side half of `HubSpotDataSource`. It holds the HubSpot
 * private-app token and forwards the few read-only Conversations v3 requests the source makes, for
 * users the host's `authorize` accepts. Fetch-style, `(Request) => Promise<Response>`, like the
 * report handler: mount it in node:http, Express, Hono, a worker… (README, "HubSpot").
 *
 * No DOM, no Lit: it runs on Node 20+ (global fetch, AbortSignal.timeout) and on edge runtimes.
 */

export interface HubSpotProxyAllow {
  /** Let `archived=true` through (archived threads and messages). Default false. */
  archived?: boolean;
  /** Actor names (`GET …/actors/{id}`), for assignee names. Default true. */
  actors?: boolean;
  /** Inbox names (`GET …/inboxes`). Default true. */
  inboxes?: boolean;
}

export interface HubSpotProxyOptions {
  /** The private-app token (scope `conversations.read`). It is sent to HubSpot only, never in an answer. */
  token: string;
  /**
   * The host's session check; null/false/undefined → 401, nothing is forwarded. Required: a proxy
   * without it hands every visitor of the page the portal's conversations.
   */
  authorize(request: Request): Promise<unknown> | unknown;
  allow?: HubSpotProxyAllow;
  /** Per upstream request, body included. Default 15 000 ms. */
  timeoutMs?: number;
  /** Default `https://api.hubapi.com`. */
  upstream?: string;
  /** Default the global fetch. */
  fetch?: typeof fetch;
}

const API = '/conversations/v3/conversations/';
const ID = '[0-9]{1,20}';
const ACTOR = '[A-Z]-[A-Za-z0-9_-]{1,64}';

/** What the source asks for, and the query parameters each path accepts. */
const ROUTES: { kind: 'threads' | 'messages' | 'inboxes' | 'actors'; path: RegExp; params: ReadonlySet<string> }[] = [
  {
    kind: 'threads',
    path: new RegExp(`^threads(?:/${ID})?$`),
    params: new Set(['after', 'limit', 'sort', 'latestMessageTimestampAfter', 'inboxId', 'association', 'archived', 'property']),
  },
  { kind: 'messages', path: new RegExp(`^threads/${ID}/messages(?:/[A-Za-z0-9_-]{1,64})?$`), params: new Set(['after', 'limit', 'sort', 'archived', 'property']) },
  { kind: 'inboxes', path: new RegExp(`^inboxes(?:/${ID})?$`), params: new Set(['after', 'limit', 'sort', 'archived', 'defaultPaging']) },
  { kind: 'actors', path: new RegExp(`^actors/${ACTOR}$`), params: new Set(['property']) },
];

/** Headers of HubSpot's answer the browser may see: the body's type and the rate limits the source paces by. */
const PASSED_HEADERS = [
  'content-type',
  'retry-after',
  'x-hubspot-ratelimit-max',
  'x-hubspot-ratelimit-remaining',
  'x-hubspot-ratelimit-interval-milliseconds',
  'x-hubspot-ratelimit-daily',
  'x-hubspot-ratelimit-daily-remaining',
];

function problem(status: number, code: string, message: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
  });
}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'TimeoutError' : (error as Error)?.name === 'TimeoutError';
}

export function createHubSpotProxy(options: HubSpotProxyOptions): (request: Request) => Promise<Response> {
  if (typeof options?.token !== 'string' || options.token.trim() === '') throw new TypeError('createHubSpotProxy needs the private-app token');
  if (typeof options.authorize !== 'function') throw new TypeError('createHubSpotProxy needs authorize(request): who may read the portal’s conversations');
  const token = options.token;
  const allow = { archived: false, actors: true, inboxes: true, ...options.allow };
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError(`timeoutMs must be a positive number, got ${options.timeoutMs}`);
  const upstream = new URL(options.upstream ?? 'https://api.hubapi.com');
  const fetchUpstream = options.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => globalThis.fetch(input, init));

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return problem(405, 'method-not-allowed', 'The HubSpot proxy only reads.', { Allow: 'GET' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return problem(400, 'bad-request', 'The request URL cannot be read.');
    }
    let who: unknown;
    try {
      who = await options.authorize(request);
    } catch {
      return problem(500, 'authorize-failed', 'The session could not be checked.');
    }
    if (who === null || who === undefined || who === false) return problem(401, 'unauthorized', 'Sign in to read conversations.');

    // Mounted anywhere: what follows the Conversations API prefix is the path asked for.
    const at = url.pathname.indexOf(API);
    const path = at < 0 ? '' : url.pathname.slice(at + API.length);
    const route = ROUTES.find((candidate) => candidate.path.test(path));
    if (!route || (route.kind === 'actors' && !allow.actors) || (route.kind === 'inboxes' && !allow.inboxes))
      return problem(404, 'not-proxied', 'This path is not one the HubSpot proxy forwards.');
    const target = new URL(API + path, upstream);
    for (const [name, value] of url.searchParams) {
      if (!route.params.has(name)) return problem(400, 'bad-parameter', `The query parameter ${JSON.stringify(name.slice(0, 64))} is not forwarded.`);
      if (name === 'archived' && value !== 'false' && !(allow.archived && value === 'true'))
        return problem(403, 'archived-not-allowed', 'Archived conversations are not readable through this proxy.');
      if (value.length > 200) return problem(400, 'bad-parameter', `The query parameter ${name} is too long.`);
      target.searchParams.append(name, value);
    }

    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(request.signal ? [request.signal] : [])]);
    let answer: Response;
    let body: ArrayBuffer;
    try {
      answer = await fetchUpstream(target, {
        method: 'GET',
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        redirect: 'error',
        signal,
      });
      body = await answer.arrayBuffer();
    } catch (error) {
      // The message of a network error can name the upstream host; it never holds the token, but say no more than needed.
      if (request.signal?.aborted) return problem(499, 'client-closed', 'The client went away.');
      if (isTimeout(error) || signal.aborted) return problem(504, 'upstream-timeout', `HubSpot did not answer within ${timeoutMs} ms.`);
      return problem(502, 'upstream-unreachable', 'HubSpot could not be reached.');
    }
    if (answer.status === 401 || answer.status === 403)
      // HubSpot refusing the token is the server's problem, not the signed-in user's: not a 401 the page would read as "sign in".
      return problem(502, 'upstream-refused', 'HubSpot refused the proxy’s token (check the private app and its conversations.read scope).');
    const headers = new Headers({ 'Cache-Control': 'private, no-store' });
    for (const name of PASSED_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const bodiless = request.method === 'HEAD' || answer.status === 204 || answer.status === 205 || answer.status === 304;
    return new Response(bodiless ? null : body, { status: answer.status, headers });
  };
}
