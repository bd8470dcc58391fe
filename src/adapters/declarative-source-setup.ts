import {
  DEFAULT_SAMPLE_SIZE,
  type CsvSourceOptions,
  type HubSpotSourceOptions,
  type RestSourceOptions,
  type SampleSourceOptions,
  type ServerSourceOptions,
  type SourceOptions,
} from '../core/schema/dashboard-config.ts';
import { lookupsSchema, type LookupsInput } from '../core/schema/conversation.ts';
import type { DateRange } from '../core/types.ts';
import type { DataSource } from './data-source.ts';
import { requestJson, resolveHttpOptions } from './request-json.ts';
import type { LookupsOption } from './resolve-lookups.ts';

/**
 * What a `DeclarativeDataSource` does on its first load: turns its validated options into the
 * adapter they name. Loaded with `import()` by that first load, so a dashboard fed by property (or
 * with no source yet) downloads none of it; each adapter's module is imported in turn only when
 * named (a page with a REST source never downloads the CSV parser).
 */

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

/** The adapter `options` name, set up for a first load (a CSV file is fetched with that load's `signal`). */
export function setUpSource(options: SourceOptions, environment: SourceEnvironment, signal: AbortSignal): Promise<DataSource> {
  switch (options.type) {
    case 'rest':
      return restSource(options);
    case 'csv':
      return csvSource(options, environment, signal);
    case 'hubspot':
      return hubspotSource(options);
    case 'sample':
      return sampleSource(options, environment);
    case 'server':
      return serverSource(options);
  }
}
