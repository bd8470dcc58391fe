import {
  DEFAULT_SAMPLE_SIZE,
  DashboardConfigError,
  MAX_SAMPLE_SIZE,
  parseConfig,
  sourceOptionsSchema,
  type CsvSourceOptions,
  type HubSpotSourceOptions,
  type RestSourceOptions,
  type SampleSourceOptions,
  type ServerSourceOptions,
  type SourceOptions,
} from '../core/schema/dashboard-config.ts';
import { lookupsSchema, type Lookups, type LookupsInput } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { DateRange, DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import type { DataSource, LoadRequest, SourcePage } from './data-source.ts';
import type { ArrowInput } from '../core/wire/arrow/read-arrow.ts';
import { raceAbort } from './data-source.ts';
import { requestJson, resolveHttpOptions } from './request-json.ts';
import type { LookupsOption } from './resolve-lookups.ts';

/**
 * The one place where HTML attributes and JSON source options become a DataSource, for
 * `<conversation-dashboard>` and `<report-tile>` configured in markup:
 *
 * | attribute | source |
 * |---|---|
 * | `src="/api/conversations"` | `RestDataSource` with its defaults (cursor paging, records in `conversations`/`results`/`data`/`items`) |
 * | `csv-src="/exports/conversations.csv"` | `CsvDataSource.fromUrl` (columns matched by header) |
 * | `hubspot-proxy="/api/hubspot"` | `HubSpotDataSource` through the host's proxy |
 * | `sample="5000"` | generated demo conversations (the value is how many; empty: 2000) |
 * | `server-src="/api/reports"` | `ServerDataSource`: reports computed by the kit's server half (`createReportHandler`) |
 *
 * Options the attributes cannot say (a field mapping, paging, lookups) come from the `source` of a
 * JSON config; an attribute of the same type keeps them and replaces only the URL (or the size).
 */

/** The source attributes of an element, as their properties hold them (null: not set). */
export interface SourceAttributes {
  src?: string | null;
  csvSrc?: string | null;
  hubspotProxy?: string | null;
  sample?: string | null;
  /** `<conversation-dashboard>` only: a standalone tile has no push-down. */
  serverSrc?: string | null;
}

const ATTRIBUTE_NAMES: Record<keyof SourceAttributes, string> = {
  src: 'src',
  csvSrc: 'csv-src',
  hubspotProxy: 'hubspot-proxy',
  sample: 'sample',
  serverSrc: 'server-src',
};

function attributeError(attribute: string, message: string): DashboardConfigError {
  return new DashboardConfigError([{ path: attribute, message }], { what: 'Invalid data source attribute' });
}

/**
 * The source options the attributes give, over `base` (the config's `source`); `base` itself when
 * no source attribute is set, undefined when neither says anything.
 * @throws DashboardConfigError naming the attribute: two sources at once, an empty URL, a bad size
 */
export function sourceOptionsFromAttributes(attributes: SourceAttributes, base?: SourceOptions): SourceOptions | undefined {
  const set = (Object.keys(ATTRIBUTE_NAMES) as (keyof SourceAttributes)[]).filter((key) => typeof attributes[key] === 'string');
  if (set.length > 1)
    throw attributeError(ATTRIBUTE_NAMES[set[1]!], `cannot be combined with ${ATTRIBUTE_NAMES[set[0]!]}: give the element one data source`);
  const key = set[0];
  if (key === undefined) return base;
  const value = (attributes[key] as string).trim();
  const name = ATTRIBUTE_NAMES[key];
  if (key === 'sample') {
    if (value !== '' && !/^\d+$/.test(value)) throw attributeError(name, `must be a number of conversations (1 to ${MAX_SAMPLE_SIZE}), got "${value}"`);
    const size = value === '' ? (base?.type === 'sample' ? base.size : undefined) ?? DEFAULT_SAMPLE_SIZE : Number(value);
    if (size < 1 || size > MAX_SAMPLE_SIZE) throw attributeError(name, `must be a number of conversations from 1 to ${MAX_SAMPLE_SIZE}, got ${size}`);
    return base?.type === 'sample' ? { ...base, size } : { type: 'sample', size };
  }
  if (value === '') throw attributeError(name, 'must be a URL, got an empty value');
  switch (key) {
    case 'src':
      return base?.type === 'rest' ? { ...base, url: value } : { type: 'rest', url: value };
    case 'csvSrc':
      return base?.type === 'csv' ? { ...base, url: value } : { type: 'csv', url: value };
    case 'hubspotProxy':
      return base?.type === 'hubspot' ? { ...base, proxyUrl: value } : { type: 'hubspot', proxyUrl: value };
    case 'serverSrc':
      return base?.type === 'server' ? { ...base, url: value } : { type: 'server', url: value };
  }
}

/** What a source may take from the element around it. */
export interface SourceEnvironment {
  /** Zone of CSV date-times written without one (the element's explicit `time-zone`), and of the sample's office hours. */
  timeZone?: string | undefined;
  /** The sample's last instant (epoch ms). Default: now. */
  now?: number | undefined;
}

/** `a.b.c` of a record; a key with dots in it is found whole first. */
function pathValue(value: unknown, path: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Object.hasOwn(value, path)) return (value as Record<string, unknown>)[path];
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Field → path mapping as a `map` function: mapped fields are read from their paths, the rest pass as they are. */
function recordMapper(mapping: Partial<Record<string, string>>): (record: unknown) => unknown {
  const entries = Object.entries(mapping).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return (record) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
    const mapped: Record<string, unknown> = { ...(record as Record<string, unknown>) };
    for (const [field, path] of entries) mapped[field] = pathValue(record, path);
    return mapped;
  };
}

function lookupsOption(option: string | LookupsInput | undefined, retries?: number, timeoutMs?: number): LookupsOption | undefined {
  if (typeof option !== 'string') return option;
  return async (signal) => {
    const url = new URL(option, typeof location === 'undefined' ? undefined : location.href);
    const { body } = await requestJson({ url }, resolveHttpOptions({ ...(retries === undefined ? {} : { retries }), ...(timeoutMs === undefined ? {} : { timeoutMs }) }), signal);
    const parsed = lookupsSchema.safeParse(body);
    if (!parsed.success) throw new Error(`The lookups at ${url.pathname} are not { assignees, inboxes, chatflows } lists of { id, name }.`);
    return parsed.data;
  };
}

function http(options: { timeoutMs?: number | undefined; retries?: number | undefined }) {
  return { ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }), ...(options.retries === undefined ? {} : { retries: options.retries }) };
}

async function restSource(options: RestSourceOptions): Promise<DataSource> {
  const { RestDataSource } = await import('./rest-data-source.ts');
  const { rangeParams, mapping, records } = options;
  const lookups = lookupsOption(options.lookups, options.retries, options.timeoutMs);
  const format = (t: number) => (rangeParams?.format === 'epoch-ms' ? t : new Date(t).toISOString());
  return new RestDataSource({
    url: options.url,
    ...http(options),
    ...(options.paging ? { paging: options.paging } : {}),
    ...(records ? { records: (body: unknown) => pathValue(body, records) } : {}),
    ...(rangeParams ? { rangeParams: (range: DateRange) => ({ [rangeParams.from]: format(range.from), [rangeParams.to]: format(range.to) }) } : {}),
    ...(mapping ? { map: recordMapper(mapping) } : {}),
    ...(lookups ? { lookups } : {}),
  });
}

async function csvSource(options: CsvSourceOptions, environment: SourceEnvironment, signal: AbortSignal): Promise<DataSource> {
  const { CsvDataSource } = await import('./csv-data-source.ts');
  const timeZone = options.timeZone ?? environment.timeZone;
  const lookups = lookupsOption(options.lookups, options.retries, options.timeoutMs);
  const source = await CsvDataSource.fromUrl(options.url, {
    signal,
    ...http(options),
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(options.extraColumns ? { extraColumns: options.extraColumns } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(lookups ? { lookups } : {}),
  });
  if (source.missingFields.length > 0)
    throw new Error(
      `The CSV file has no column for ${source.missingFields.join(', ')} (its columns: ${source.headers.join(', ')}). Map them in the config's source.mapping.`,
    );
  return source;
}

async function hubspotSource(options: HubSpotSourceOptions): Promise<DataSource> {
  const [{ HubSpotDataSource }, { MemoryHubSpotCache }] = await Promise.all([import('./hubspot-data-source.ts'), import('./hubspot/hubspot-cache.ts')]);
  return new HubSpotDataSource({
    proxyUrl: options.proxyUrl,
    // For the page's life: a refresh (refresh-interval, Refresh) reads only threads with new messages.
    cache: new MemoryHubSpotCache(),
    ...http(options),
    ...(options.channels ? { channels: options.channels } : {}),
    ...(options.inboxId ? { inboxId: options.inboxId } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.messageConcurrency ? { messageConcurrency: options.messageConcurrency } : {}),
    ...(options.names === undefined ? {} : { names: options.names }),
  });
}

async function serverSource(options: ServerSourceOptions): Promise<DataSource> {
  const { ServerDataSource } = await import('./server-data-source.ts');
  return new ServerDataSource({ url: options.url, ...http(options) });
}

async function sampleSource(options: SampleSourceOptions, environment: SourceEnvironment): Promise<DataSource> {
  const [{ generateConversations }, { ArrayDataSource }] = await Promise.all([import('../sample/generate-conversations.ts'), import('./array-data-source.ts')]);
  const { conversations, lookups } = generateConversations({
    n: options.size ?? DEFAULT_SAMPLE_SIZE,
    seed: options.seed ?? 1,
    end: environment.now ?? Date.now(),
    ...(options.days ? { days: options.days } : {}),
    ...(environment.timeZone ? { timeZone: environment.timeZone } : {}),
  });
  return new ArrayDataSource(conversations, { lookups });
}

/**
 * A source declared by options, made when first loaded: the adapter's module is imported then
 * (a page with a REST source never downloads the CSV parser), and a CSV file is fetched with the
 * signal of the load that needs it, so replacing the source aborts the download too. A failed or
 * aborted setup is tried again by the next load (Retry).
 */
export class DeclarativeDataSource implements DataSource {
  /** The validated options this source was made from (read-only). */
  readonly options: SourceOptions;
  readonly #environment: SourceEnvironment;
  #ready: Promise<DataSource> | null = null;
  /** Set only for a server source: the dashboard takes a source with `query` for a push-down one. */
  readonly query?: (spec: ReportSpec, context: ReportContext, signal: AbortSignal) => Promise<ReportResult>;
  readonly drill?: (spec: ReportSpec, context: ReportContext, point: DrillPoint, page: DrillPageRequest, signal: AbortSignal) => Promise<DrillPage>;

  constructor(options: SourceOptions, environment: SourceEnvironment = {}) {
    this.options = parseConfig(sourceOptionsSchema, options, 'Invalid data source');
    this.#environment = { ...environment };
    if (this.options.type === 'server') {
      this.query = async (spec, context, signal) => (await this.#source(signal)).query!(spec, context, signal);
      this.drill = async (spec, context, point, page, signal) => (await this.#source(signal)).drill!(spec, context, point, page, signal);
    }
  }

  #source(signal: AbortSignal): Promise<DataSource> {
    if (!this.#ready) {
      const ready = this.#create(signal);
      this.#ready = ready;
      ready.catch(() => {
        if (this.#ready === ready) this.#ready = null;
      });
    }
    return raceAbort(this.#ready, signal);
  }

  #create(signal: AbortSignal): Promise<DataSource> {
    const options = this.options;
    switch (options.type) {
      case 'rest':
        return restSource(options);
      case 'csv':
        return csvSource(options, this.#environment, signal);
      case 'hubspot':
        return hubspotSource(options);
      case 'sample':
        return sampleSource(options, this.#environment);
      case 'server':
        return serverSource(options);
    }
  }

  async *load(request: LoadRequest): AsyncGenerator<SourcePage | ArrowInput, void, undefined> {
    const source = await this.#source(request.signal);
    yield* source.load(request);
  }

  async lookups(signal: AbortSignal): Promise<Lookups | LookupsInput> {
    let source: DataSource;
    try {
      source = await this.#source(signal);
    } catch {
      // The load beside this call reports a source that could not be set up (or was aborted).
      return { assignees: [], inboxes: [], chatflows: [] };
    }
    return source.lookups ? source.lookups(signal) : { assignees: [], inboxes: [], chatflows: [] };
  }
}

/** A DataSource for validated or raw source options. @throws DashboardConfigError when the options are invalid */
export function createDataSource(options: SourceOptions, environment: SourceEnvironment = {}): DeclarativeDataSource {
  return new DeclarativeDataSource(options, environment);
}
