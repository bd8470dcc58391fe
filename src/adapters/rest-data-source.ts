import type { Lookups } from '../core/schema/conversation.ts';
import type { DateRange } from '../core/types.ts';
import { arrowRowCount } from '../core/wire/arrow/read-arrow.ts';
import { throwIfAborted, type ArrowDataPage, type DataPage, type DataSource, type LoadRequest } from './data-source.ts';
import { HttpRequestError, PageLoadError, describeUrl } from './errors.ts';
import { requestJson, resolveHttpOptions, type HttpOptions, type ResolvedHttpOptions } from './request-json.ts';
import { resolveLookups, type LookupsOption } from './resolve-lookups.ts';

/**
 * The server hands back where the next page is: a link (absolute, or relative to the page just
 * read) or an opaque token sent back as the query parameter `param`. Paging ends when `next`
 * gives null, undefined or ''.
 */
export interface CursorPaging {
  type: 'cursor';
  /** Default: `body.next`, `body.nextCursor`, `body.paging.next.link`, `body.paging.next.after`, `body.links.next`, then a `Link: <…>; rel="next"` header. */
  next?: (body: unknown, response: Response) => string | null | undefined;
  /** Query parameter that carries a token. Default "cursor". */
  param?: string;
}

/** `?offset=0&limit=100`, then 100, 200… until a short or empty page, or `total` is reached. */
export interface OffsetPaging {
  type: 'offset';
  /** Default 100. */
  pageSize?: number;
  /** Default "offset". */
  offsetParam?: string;
  /** Default "limit". */
  limitParam?: string;
}

export type RestPaging = CursorPaging | OffsetPaging;

export interface RestRequestInfo {
  url: URL;
  /** 1 for the first page. */
  page: number;
  /** 0 for the first try, 1… for retries. */
  attempt: number;
}

export interface RestDataSourceOptions extends HttpOptions {
  /** The first page. Relative URLs resolve against the page's location. */
  url: string | URL;
  /** Default `{ type: 'cursor' }`. */
  paging?: RestPaging;
  /** The records of a page. Default: the body itself when it is an array, else `conversations`, `results`, `data` or `items`. */
  records?: (body: unknown) => unknown;
  /** Records on all pages together, for the progress bar. Default: `body.total`, `body.totalCount`, then an `X-Total-Count` header. */
  total?: (body: unknown, response: Response) => number | null | undefined;
  /** Turns one server record into a Conversation (ISO dates are fine); the kit validates the result. Default: as is. */
  map?: (record: unknown, context: { page: number; index: number }) => unknown;
  /** Headers of each request (tokens come from the host page); called before every attempt, retries included. */
  headers?: (request: RestRequestInfo) => HeadersInit | undefined | Promise<HeadersInit | undefined>;
  /** Query parameters that narrow the load to the range, e.g. `({ from, to }) => ({ updatedSince: new Date(from).toISOString() })`. Default none. */
  rangeParams?: (range: DateRange) => Record<string, string | number | undefined>;
  /** Names for assignee, inbox and chatflow ids: lists, or a function fetching them. */
  lookups?: LookupsOption;
  /** Guard against servers that never stop paging. Default 100 000. */
  maxPages?: number;
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function defaultRecords(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  for (const key of ['conversations', 'results', 'data', 'items']) {
    const value = field(body, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

function defaultTotal(body: unknown, response: Response): number | undefined {
  for (const key of ['total', 'totalCount']) {
    const value = field(body, key);
    if (typeof value === 'number') return value;
  }
  const header = response.headers.get('X-Total-Count');
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
}

function linkHeaderNext(response: Response): string | undefined {
  const header = response.headers.get('Link');
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (match && /(?:^|;)\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

function defaultNext(body: unknown, response: Response): string | null | undefined {
  for (const path of [['next'], ['nextCursor'], ['paging', 'next', 'link'], ['paging', 'next', 'after'], ['links', 'next']]) {
    const value = field(body, ...path);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (value === null) return null;
  }
  return linkHeaderNext(response);
}

/** A link (to follow) rather than a token (to send back): a URL with a scheme, or a path or query relative to this page. */
function isLink(value: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(value) || value.startsWith('/') || value.startsWith('?') || value.startsWith('./') || value.startsWith('../');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Pages through a JSON endpoint: cursor (`next` link or token) or offset paging, a mapping from the
 * server's records to Conversation fields, an auth-header hook per request, a timeout per request
 * (default 15 s), and up to 3 retries with jittered exponential backoff on network errors,
 * timeouts, 5xx and 429 (honouring `Retry-After`). `total` from the server feeds the progress bar.
 *
 * A page that cannot be loaded or read rejects the load with a PageLoadError naming the page; the
 * pages before it have already been yielded. Links to the next page must stay on the first URL's
 * origin, so the auth headers are never sent elsewhere. Aborting the signal stops the request in
 * flight and the load.
 *
 * @example
 * ```ts
 * const source = new RestDataSource({
 *   url: '/api/conversations',
 *   headers: () => ({ Authorization: `Bearer ${session.token}` }),
 *   rangeParams: ({ from, to }) => ({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
 *   map: (r: any) => ({ id: r.uuid, channel: r.kind, status: r.state, inboxId: r.queue, assigneeId: r.agent ?? null, createdAt: r.created }),
 * });
 * ```
 */
export class RestDataSource implements DataSource {
  readonly #options: RestDataSourceOptions;
  readonly #http: ResolvedHttpOptions;
  readonly #paging: Required<CursorPaging> | Required<OffsetPaging>;
  readonly #maxPages: number;

  constructor(options: RestDataSourceOptions) {
    if (options.url === undefined || options.url === '') throw new TypeError('RestDataSource needs a url.');
    this.#options = options;
    this.#http = resolveHttpOptions(options);
    const paging = options.paging ?? { type: 'cursor' };
    if (paging.type === 'offset') {
      const pageSize = paging.pageSize ?? 100;
      if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a whole number ≥ 1, got ${pageSize}`);
      this.#paging = { type: 'offset', pageSize, offsetParam: paging.offsetParam ?? 'offset', limitParam: paging.limitParam ?? 'limit' };
    } else {
      this.#paging = { type: 'cursor', next: paging.next ?? defaultNext, param: paging.param ?? 'cursor' };
    }
    this.#maxPages = options.maxPages ?? 100_000;
  }

  #firstUrl(range: DateRange): URL {
    const base = typeof location === 'undefined' ? undefined : location.href;
    const url = new URL(this.#options.url, base);
    for (const [key, value] of Object.entries(this.#options.rangeParams?.(range) ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  async *load({ range, signal }: LoadRequest): AsyncGenerator<DataPage | ArrowDataPage, void, undefined> {
    throwIfAborted(signal);
    const first = this.#firstUrl(range);
    const paging = this.#paging;
    let url = new URL(first);
    if (paging.type === 'offset') {
      url.searchParams.set(paging.offsetParam, '0');
      url.searchParams.set(paging.limitParam, String(paging.pageSize));
    }
    const seen = new Set<string>();
    let loaded = 0;
    for (let page = 1; ; page++) {
      if (page > this.#maxPages) throw new PageLoadError(page, 'malformed', `the server keeps paging past ${this.#maxPages} pages`, { recordsLoaded: loaded });
      const { body, response } = await this.#fetchPage(url, page, loaded, signal);
      let count: number;
      let total: number | null | undefined;
      if (body instanceof ArrayBuffer) {
        // An Arrow answer: its columns go to the kit as they are (paging and total from the headers).
        count = this.#arrowRows(body, page, loaded, url);
        total = (this.#options.total ?? defaultTotal)(body, response);
        throwIfAborted(signal);
        yield typeof total === 'number' && Number.isFinite(total) ? { arrow: body, total } : { arrow: body };
        loaded += count;
      } else {
        const records = (this.#options.records ?? defaultRecords)(body);
        if (!Array.isArray(records))
          throw new PageLoadError(page, 'malformed', `expected a list of records, got ${describeValue(records)}`, { url: describeUrl(url), recordsLoaded: loaded });
        const conversations = this.#map(records, page, loaded, url);
        total = (this.#options.total ?? defaultTotal)(body, response);
        throwIfAborted(signal);
        yield typeof total === 'number' && Number.isFinite(total) ? { conversations, total } : { conversations };
        loaded += records.length;
        count = records.length;
      }

      let next: URL | null;
      if (paging.type === 'offset') {
        const done = count < paging.pageSize || (typeof total === 'number' && loaded >= total);
        next = done ? null : new URL(url);
        next?.searchParams.set(paging.offsetParam, String(loaded));
      } else {
        next = this.#nextCursorUrl(paging, body, response, url, first, page, loaded);
      }
      if (next === null) return;
      if (seen.has(next.href)) throw new PageLoadError(page, 'malformed', 'the next-page cursor repeats an earlier one', { url: describeUrl(url), recordsLoaded: loaded });
      seen.add(next.href);
      url = next;
    }
  }

  async lookups(signal: AbortSignal): Promise<Lookups> {
    return resolveLookups(this.#options.lookups, signal);
  }

  async #fetchPage(url: URL, page: number, loaded: number, signal: AbortSignal) {
    const hook = this.#options.headers;
    try {
      return await requestJson({ url, responseType: 'json-or-arrow', ...(hook ? { headers: (attempt: number) => hook({ url: new URL(url), page, attempt }) } : {}) }, this.#http, signal);
    } catch (error) {
      if (error instanceof HttpRequestError) {
        const failure = error.failure === 'invalid-json' ? 'malformed' : error.failure;
        throw new PageLoadError(page, failure, error.message, {
          url: error.url,
          recordsLoaded: loaded,
          cause: error,
          ...(error.status === undefined ? {} : { status: error.status }),
        });
      }
      throw error;
    }
  }

  /** Rows of an Arrow answer; bytes that are not Arrow, or a `map` (which reads records), fail the page. */
  #arrowRows(body: ArrayBuffer, page: number, loaded: number, url: URL): number {
    if (this.#options.map)
      throw new PageLoadError(page, 'malformed', 'the server answered with Apache Arrow, which `map` (made for JSON records) cannot read; name the columns as the kit does instead', { url: describeUrl(url), recordsLoaded: loaded });
    try {
      return arrowRowCount(body);
    } catch (error) {
      throw new PageLoadError(page, 'malformed', (error as Error).message, { url: describeUrl(url), recordsLoaded: loaded, cause: error });
    }
  }

  #map(records: unknown[], page: number, loaded: number, url: URL): unknown[] {
    const map = this.#options.map;
    if (!map) return records;
    return records.map((record, index) => {
      try {
        return map(record, { page, index });
      } catch (error) {
        throw new PageLoadError(page, 'malformed', `record ${index} could not be mapped (${(error as Error)?.message ?? String(error)})`, {
          url: describeUrl(url),
          recordsLoaded: loaded,
          cause: error,
        });
      }
    });
  }

  #nextCursorUrl(paging: Required<CursorPaging>, body: unknown, response: Response, current: URL, first: URL, page: number, loaded: number): URL | null {
    const value = paging.next(body, response);
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'string')
      throw new PageLoadError(page, 'malformed', `the next-page cursor is ${describeValue(value)}, not text`, { url: describeUrl(current), recordsLoaded: loaded });
    if (!isLink(value)) {
      const next = new URL(first);
      next.searchParams.set(paging.param, value);
      return next;
    }
    let next: URL;
    try {
      next = new URL(value, current);
    } catch {
      throw new PageLoadError(page, 'malformed', 'the next-page link is not a URL', { url: describeUrl(current), recordsLoaded: loaded });
    }
    // Following a link elsewhere would hand the auth headers to another server.
    if (next.origin !== first.origin)
      throw new PageLoadError(page, 'malformed', `the next-page link leaves ${first.origin} (it points to ${next.origin})`, { url: describeUrl(current), recordsLoaded: loaded });
    return next;
  }
}
