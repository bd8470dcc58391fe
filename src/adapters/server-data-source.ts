import { parseConversations } from '../core/wire/parse-conversations.ts';
import { lookupsSchema, type Lookups } from '../core/schema/conversation.ts';
import { drillPageRequestSchema, type DrillPageRequest } from '../core/schema/drill-page.ts';
import { reportContextSchema } from '../core/schema/report-context.ts';
import { reportSpecSchema, type ReportSpec } from '../core/schema/report-spec.ts';
import type { DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import { throwIfAborted, type DataPage, type DataSource, type LoadRequest } from './data-source.ts';
import { HttpRequestError } from './errors.ts';
import { requestJson, resolveHttpOptions, type HttpOptions, type ResolvedHttpOptions } from './request-json.ts';

export interface ServerDataSourceOptions extends HttpOptions {
  /** The endpoint `createReportHandler` answers at (`conversation-reports/server`). Relative URLs resolve against the page. */
  url: string | URL;
  /** Headers for every request (the host's session or token); called before every attempt. */
  headers?: () => HeadersInit | undefined | Promise<HeadersInit | undefined>;
}

/**
 * The browser half of the server push-down: reports are computed next to the database by
 * `createReportHandler`, which this source sends report requests to: `{ op: 'query', spec, context }`,
 * `{ op: 'drill', spec, context, point, page }` and `{ op: 'lookups' }`. It never sends SQL. Requests
 * have a timeout, are retried on network errors, 5xx and 429 (honouring `Retry-After`), stop at
 * once when their signal aborts, and refuse redirects. `load()` yields nothing.
 *
 * @example
 * ```ts
 * dashboard.dataSource = new ServerDataSource({ url: '/api/reports', headers: () => ({ Authorization: `Bearer ${token}` }) });
 * ```
 */
export class ServerDataSource implements DataSource {
  readonly #url: URL;
  readonly #options: ServerDataSourceOptions;
  readonly #http: ResolvedHttpOptions;

  constructor(options: ServerDataSourceOptions) {
    if (options?.url === undefined) throw new TypeError('ServerDataSource needs the `url` of a report handler (createReportHandler).');
    this.#url = new URL(options.url, typeof location === 'undefined' ? undefined : location.href);
    this.#options = options;
    this.#http = resolveHttpOptions(options);
  }

  /** Nothing to load into the browser: reports are computed by `query`. */
  async *load({ signal }: LoadRequest): AsyncGenerator<DataPage, void, undefined> {
    throwIfAborted(signal);
  }

  async lookups(signal: AbortSignal): Promise<Lookups> {
    const parsed = lookupsSchema.safeParse(await this.#post({ op: 'lookups' }, signal));
    if (!parsed.success) throw new TypeError('The report server answered lookups that are not { assignees, inboxes, chatflows }.');
    return parsed.data;
  }

  async query(spec: ReportSpec, context: ReportContext, signal: AbortSignal): Promise<ReportResult> {
    const body = await this.#post({ op: 'query', spec: reportSpecSchema.parse(spec), context: reportContextSchema.parse(context) }, signal);
    const result = body as ReportResult | null;
    if (!result || typeof result !== 'object' || !Array.isArray(result.rows) || typeof result.total !== 'object') throw new TypeError('The report server answered something that is not a report result.');
    return result;
  }

  async drill(spec: ReportSpec, context: ReportContext, point: DrillPoint, page: DrillPageRequest | undefined, signal: AbortSignal): Promise<DrillPage> {
    const request = drillPageRequestSchema.parse(page ?? {});
    // JSON has no Infinity: "all of them" is the largest page, which the server caps.
    if (request.limit === Infinity) request.limit = Number.MAX_SAFE_INTEGER;
    const body = (await this.#post(
      { op: 'drill', spec: reportSpecSchema.parse(spec), context: reportContextSchema.parse(context), point: point.series === undefined ? { key: point.key } : { key: point.key, series: point.series }, page: request },
      signal,
    )) as Partial<DrillPage> | null;
    if (!body || typeof body !== 'object' || !Number.isSafeInteger(body.total) || !Number.isSafeInteger(body.offset) || !Array.isArray(body.rows))
      throw new TypeError('The report server answered something that is not a drill page.');
    // Records from the network are validated like every other source's.
    return { total: body.total!, offset: body.offset!, rows: parseConversations(body.rows).conversations };
  }

  async #post(body: unknown, signal: AbortSignal): Promise<unknown> {
    throwIfAborted(signal);
    const headers = this.#options.headers;
    try {
      const { body: answer } = await requestJson(
        {
          url: this.#url,
          method: 'POST',
          body: JSON.stringify(body),
          headers: async () => {
            const extra = new Headers((await headers?.()) ?? undefined);
            extra.set('Content-Type', 'application/json');
            return extra;
          },
        },
        this.#http,
        signal,
      );
      return answer;
    } catch (error) {
      if (error instanceof HttpRequestError) throw new Error(`The report request failed: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
