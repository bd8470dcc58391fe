import { DEFAULT_SAMPLE_SIZE, DashboardConfigError, MAX_SAMPLE_SIZE, parseConfig, sourceOptionsSchema, type SourceOptions } from '../core/schema/dashboard-config.ts';
import type { Lookups, LookupsInput } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';
import type { DataSource, LoadRequest, SourcePage } from './data-source.ts';
import type { ArrowInput } from '../core/wire/arrow/read-arrow.ts';
import { raceAbort } from './data-source.ts';
import type { SourceEnvironment } from './declarative-source-setup.ts';

export type { SourceEnvironment };

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

  async #create(signal: AbortSignal): Promise<DataSource> {
    // The setup (paths, mappings, lookups over HTTP) is a chunk of its own: a dashboard without a
    // declared source never downloads it, and a failed download is asked for again by the next load.
    const { setUpSource } = await import('./declarative-source-setup.ts');
    return setUpSource(this.options, this.#environment, signal);
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
