import * as z from 'zod/mini';
import { isRangePreset, rangePresets } from '../time/range-presets.ts';
import { EPOCH_MS_MESSAGE, impossibleDateTime, isEpochMs } from './timestamp.ts';
import { conversationSchema, lookupsSchema } from './conversation.ts';
import { dashboardSchema } from './dashboard.ts';
import { reportSpecSchema } from './report-spec.ts';
import { timeZoneSchema } from './time-zone.ts';
import { businessHoursSchema, slaSchema } from './business-hours.ts';
import { valueAt } from './value-at.ts';
import { describeValue } from './describe-value.ts';

/**
 * Configuration as data: what `<conversation-dashboard>.save()` returns and `restore()` takes, and
 * what a child `<script type="application/json">` may hold (the same, plus where the data and the
 * dashboards come from, and who is looking). Pure data, JSON in and out.
 */

export const DASHBOARD_CONFIG_VERSION = 1;

const nonEmpty = z.string().check(z.minLength(1, { error: 'must not be empty' }));

const finite = z.number().check(
  z.refine((value) => Number.isFinite(value), { error: 'must be a finite number' }),
);

/** "start/end" with two ISO dates (or date-times) that parse, the end after the start. */
function isIsoInterval(value: string): boolean {
  const parts = value.split('/');
  if (parts.length !== 2) return false;
  const [start, end] = parts.map((part) => (impossibleDateTime(part.trim()) === null ? Date.parse(part.trim()) : Number.NaN));
  return Number.isFinite(start) && Number.isFinite(end) && end! > start!;
}

/** A range bound: inside the Date range, like every instant the kit takes. */
const epochMs = z.number().check(z.refine(isEpochMs, { error: EPOCH_MS_MESSAGE }));

const rangeError = `must be a preset (${rangePresets.join(', ')}), "start/end" ISO dates, or { "from", "to" } in epoch ms with to > from`;

/** A preset name, an ISO interval "start/end", or `{ from, to }` epoch ms. */
export const rangeValueSchema = z.union(
  [
    z.string().check(z.refine((value) => isRangePreset(value) || isIsoInterval(value), { error: rangeError })),
    z.object({ from: epochMs, to: epochMs }).check(z.refine((value) => value.to > value.from, { error: 'must end after it starts (to > from)' })),
  ],
  { error: rangeError },
);

export const localeSchema = z.string().check(
  z.refine(
    (value) => {
      try {
        return Intl.getCanonicalLocales(value).length === 1;
      } catch {
        return false;
      }
    },
    { error: 'must be a BCP 47 language tag such as "en", "fr" or "nl-BE"' },
  ),
);

export { timeZoneSchema };

/**
 * A dashboard in a config. `ownerId` may be left out: such a dashboard belongs to nobody, like the
 * built-in templates (shown read-only; a user with a store who edits it gets a private copy).
 */
export const configDashboardSchema = z.extend(dashboardSchema, {
  ownerId: z._default(z.string(), ''),
});

const dashboardConfigShape = {
  /** The config format; 1 (the only one so far). */
  version: z.optional(z.literal(DASHBOARD_CONFIG_VERSION, { error: `must be ${DASHBOARD_CONFIG_VERSION}` })),
  /** The dashboards of the config (never the untouched built-in templates). */
  dashboards: z._default(
    z.array(configDashboardSchema).check(
      z.superRefine((dashboards, ctx) => {
        const seen = new Set<string>();
        dashboards.forEach((dashboard, index) => {
          if (seen.has(dashboard.id))
            ctx.addIssue({ code: 'custom', message: `repeats the id "${dashboard.id}" of an earlier dashboard`, path: [index, 'id'], input: dashboard.id });
          seen.add(dashboard.id);
        });
      }),
    ),
    [],
  ),
  /** Whether the built-in Chat and Email overview templates are offered too. Default true. */
  templates: z.optional(z.boolean()),
  /** The dashboard on screen. */
  dashboardId: z.optional(z.nullable(nonEmpty)),
  range: z.optional(rangeValueSchema),
  compare: z.optional(z.boolean()),
  locale: z.optional(localeSchema),
  timeZone: z.optional(timeZoneSchema),
  /** (v2) The host's opening hours and SLA targets, for every dashboard that has none of its own. */
  businessHours: z.optional(businessHoursSchema),
  sla: z.optional(slaSchema),
};

/** What `dashboard.save()` returns and `dashboard.restore()` takes. Unknown keys are errors (a typo is never ignored). */
export const dashboardConfigSchema = z.strictObject(dashboardConfigShape);

export type DashboardConfig = z.output<typeof dashboardConfigSchema>;
export type DashboardConfigInput = z.input<typeof dashboardConfigSchema>;

// ——— Data sources, stores and the user, for declarative configuration ———

const conversationFields = Object.keys(conversationSchema.shape) as (keyof typeof conversationSchema.shape)[];
const fieldSchema = z.enum(conversationFields as [string, ...string[]], {
  error: `must be a conversation field (${conversationFields.join(', ')})`,
});

/** Conversation field → where it is in a server record (a key, or a dotted path such as "agent.id"). */
const restMappingSchema = z.partialRecord(fieldSchema, nonEmpty);
/** Conversation field → CSV header (null: the file has no such column). */
const csvMappingSchema = z.partialRecord(fieldSchema, z.nullable(z.string()));

const httpShape = {
  /** Per request. Default 15 000. */
  timeoutMs: z.optional(z.number().check(z.int(), z.positive())),
  /** Retries on network errors, timeouts, 5xx and 429. Default 3. */
  retries: z.optional(z.number().check(z.int(), z.nonnegative())),
};

/** Names for ids: lists, or the URL of a JSON document holding them. */
const lookupsOptionSchema = z.union([nonEmpty, lookupsSchema], { error: 'must be { assignees, inboxes, chatflows } lists or the URL of a JSON document holding them' });

export const restSourceSchema = z.strictObject({
  type: z.literal('rest'),
  /** The first page; relative URLs resolve against the page. */
  url: nonEmpty,
  paging: z.optional(
    z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('cursor'), param: z.optional(nonEmpty) }),
      z.strictObject({
        type: z.literal('offset'),
        pageSize: z.optional(z.number().check(z.int(), z.positive())),
        offsetParam: z.optional(nonEmpty),
        limitParam: z.optional(nonEmpty),
      }),
    ]),
  ),
  /** Where the records are in a page body (a key or dotted path). Default: the body, or conversations/results/data/items. */
  records: z.optional(nonEmpty),
  /** Query parameters that narrow a load to the range. */
  rangeParams: z.optional(
    z.strictObject({ from: nonEmpty, to: nonEmpty, format: z.optional(z.enum(['iso', 'epoch-ms'])) }),
  ),
  mapping: z.optional(restMappingSchema),
  lookups: z.optional(lookupsOptionSchema),
  ...httpShape,
});

export const csvSourceSchema = z.strictObject({
  type: z.literal('csv'),
  url: nonEmpty,
  mapping: z.optional(csvMappingSchema),
  delimiter: z.optional(z.string().check(z.length(1, { error: 'must be one character' }))),
  /** Zone of date-times written without one. */
  timeZone: z.optional(timeZoneSchema),
  extraColumns: z.optional(z.enum(['properties', 'ignore'])),
  encoding: z.optional(nonEmpty),
  pageSize: z.optional(z.number().check(z.int(), z.positive())),
  lookups: z.optional(lookupsOptionSchema),
  ...httpShape,
});

export const hubspotSourceSchema = z.strictObject({
  type: z.literal('hubspot'),
  /** The host's proxy in front of api.hubapi.com (it adds the token; the browser never holds it). */
  proxyUrl: nonEmpty,
  channels: z.optional(z.record(z.string(), z.string())),
  inboxId: z.optional(nonEmpty),
  pageSize: z.optional(z.number().check(z.int(), z.positive(), z.maximum(500))),
  messageConcurrency: z.optional(z.number().check(z.int(), z.positive())),
  names: z.optional(z.boolean()),
  ...httpShape,
});

export const MAX_SAMPLE_SIZE = 1_000_000;
export const DEFAULT_SAMPLE_SIZE = 2000;

export const sampleSourceSchema = z.strictObject({
  type: z.literal('sample'),
  /** How many conversations to generate. Default 2000. */
  size: z.optional(
    z.number().check(z.int({ error: 'must be a whole number' }), z.positive(), z.maximum(MAX_SAMPLE_SIZE, { error: `must be at most ${MAX_SAMPLE_SIZE}` })),
  ),
  seed: z.optional(z.number().check(z.int())),
  /** Days before now over which they arrive. Default 120. */
  days: z.optional(z.number().check(z.int(), z.positive(), z.maximum(3660))),
});

/**
 * The kit's server half (`createReportHandler`, `ServerDataSource`): reports are computed next to
 * the database. No headers here: markup is public, so a secret belongs in a proxy on the host.
 */
export const serverSourceSchema = z.strictObject({
  type: z.literal('server'),
  /** The report handler's endpoint; relative URLs resolve against the page. */
  url: nonEmpty,
  ...httpShape,
});

/** What a standalone `<report-tile>` can load itself (a server source computes on a dashboard only). */
const loadableSourceOptionsSchema = z.discriminatedUnion('type', [restSourceSchema, csvSourceSchema, hubspotSourceSchema, sampleSourceSchema]);
export const sourceOptionsSchema = z.discriminatedUnion('type', [restSourceSchema, csvSourceSchema, hubspotSourceSchema, sampleSourceSchema, serverSourceSchema]);

export type RestSourceOptions = z.output<typeof restSourceSchema>;
export type CsvSourceOptions = z.output<typeof csvSourceSchema>;
export type HubSpotSourceOptions = z.output<typeof hubspotSourceSchema>;
export type SampleSourceOptions = z.output<typeof sampleSourceSchema>;
export type ServerSourceOptions = z.output<typeof serverSourceSchema>;
export type SourceOptions = z.output<typeof sourceOptionsSchema>;

export const storeOptionsSchema = z.discriminatedUnion('type', [
  /** `LocalStorageDashboardStore`; `key` prefixes its entries. */
  z.strictObject({ type: z.literal('local'), key: z.optional(nonEmpty) }),
  /** `RestDashboardStore` at `url` (up to, not including, `/dashboards`). */
  z.strictObject({ type: z.literal('rest'), url: nonEmpty }),
]);
export type StoreOptions = z.output<typeof storeOptionsSchema>;

export const userSchema = z.strictObject({
  id: nonEmpty,
  teamIds: z._default(z.array(z.string()), []),
  canEdit: z._default(z.boolean(), false),
});

/** A child `<script type="application/json">` of `<conversation-dashboard>`: a saved config plus where things come from. */
export const declarativeDashboardConfigSchema = z.strictObject({
  ...dashboardConfigShape,
  source: z.optional(sourceOptionsSchema),
  store: z.optional(storeOptionsSchema),
  user: z.optional(userSchema),
  teams: z.optional(z.array(z.strictObject({ id: nonEmpty, name: z.string() }))),
});
export type DeclarativeDashboardConfig = z.output<typeof declarativeDashboardConfigSchema>;

/** A child `<script type="application/json">` of `<report-tile>`: a ReportSpec, or `{ spec, source?, range?, timeZone?, locale? }`. */
export const tileConfigSchema = z.strictObject({
  spec: reportSpecSchema,
  source: z.optional(loadableSourceOptionsSchema),
  range: z.optional(rangeValueSchema),
  timeZone: z.optional(timeZoneSchema),
  locale: z.optional(localeSchema),
});
export type TileConfig = z.output<typeof tileConfigSchema>;

// ——— Errors ———

export interface ConfigIssue {
  /** Where, e.g. "dashboards[0].reports[2].chartType", "source.url", or an attribute name such as "sample". Empty for the whole config. */
  path: string;
  message: string;
}

/** A configuration that cannot be used. Nothing of it was applied. `path` names the first bad field. */
export class DashboardConfigError extends Error {
  override name = 'DashboardConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown; what?: string }) {
    const list = issues.length > 0 ? issues : [{ path: '', message: 'is invalid' }];
    const first = list[0]!;
    const more = list.length > 1 ? ` (and ${list.length - 1} more problem${list.length > 2 ? 's' : ''})` : '';
    super(`${options?.what ?? 'Invalid configuration'}: ${formatIssue(first)}${more}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.issues = list;
  }

  /** The first bad field's path. */
  get path(): string {
    return this.issues[0]!.path;
  }
}

export function formatIssue(issue: ConfigIssue): string {
  return issue.path ? `${issue.path} ${issue.message}` : issue.message;
}

/** `["dashboards", 0, "reports", 2, "chartType"]` → `dashboards[0].reports[2].chartType`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  note?: string;
  options?: unknown[];
  errors?: Issue[][];
}

function oneOf(values: readonly unknown[]): string {
  const texts = values.map((value) => JSON.stringify(value));
  return texts.length > 1 ? `one of ${texts.join(', ')}` : (texts[0] ?? 'valid');
}

// zod/mini ships no locale: most of its messages are a bare "Invalid input". Say what was expected and what came.
function readable(issue: Issue, input: unknown): ConfigIssue[] {
  const received = valueAt(input, issue.path);
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys')
    return (issue.keys ?? []).map((key) => ({ path: formatPath([...issue.path, key]), message: 'is not a known setting (check its spelling)' }));
  if (issue.message !== 'Invalid input') return [{ path, message: issue.message }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, message: received === undefined ? `is required (${issue.expected ?? 'a value'})` : `must be ${issue.expected ?? 'valid'}, got ${describeValue(received)}` }];
    case 'invalid_value':
      return [{ path, message: `must be ${oneOf(issue.values ?? [])}, got ${describeValue(received)}` }];
    case 'too_small':
      return [{ path, message: issue.origin === 'string' && issue.minimum === 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)}` }];
    case 'too_big':
      return [{ path, message: `must be at most ${String(issue.maximum)}` }];
    case 'invalid_union':
      if (issue.note === 'No matching discriminator')
        return [{ path, message: `must be ${oneOf(issue.options ?? [])}, got ${describeValue(received)}` }];
      return [{ path, message: `has an unsupported value: ${describeValue(received)}` }];
    case 'invalid_key':
      return [{ path, message: 'has a key that is not allowed' }];
    default:
      return [{ path, message: `is invalid (${describeValue(received)})` }];
  }
}

/** Parses `input` with `schema`, or throws a DashboardConfigError listing every problem with its path. */
export function parseConfig<S extends z.ZodMiniType>(schema: S, input: unknown, what?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data as z.output<S>;
  const issues = (parsed.error.issues as unknown as Issue[]).flatMap((issue) => readable(issue, input));
  throw new DashboardConfigError(issues, what === undefined ? undefined : { what });
}

/** Validates a saved config (what `restore()` takes). */
export function parseDashboardConfig(input: unknown): DashboardConfig {
  return parseConfig(dashboardConfigSchema, input, 'Invalid dashboard config');
}

/** Reads the text of a `<script type="application/json">`; bad JSON is a DashboardConfigError too. */
export function parseJsonText(text: string, what = 'Invalid configuration'): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DashboardConfigError([{ path: '', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }], { what, cause: error });
  }
}

export function parseDeclarativeDashboardConfig(input: unknown): DeclarativeDashboardConfig {
  return parseConfig(declarativeDashboardConfigSchema, input, 'Invalid dashboard config');
}

/** A tile's JSON: a bare ReportSpec, or `{ spec, source?, range?, … }`. */
export function parseTileConfig(input: unknown): TileConfig {
  const wrapped = typeof input === 'object' && input !== null && !Array.isArray(input) && 'spec' in input ? input : { spec: input };
  try {
    return parseConfig(tileConfigSchema, wrapped, 'Invalid report spec');
  } catch (error) {
    // A bare spec's problems are named from the spec itself, not from "spec.…".
    if (error instanceof DashboardConfigError && wrapped !== input)
      throw new DashboardConfigError(
        error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^spec\.?/, '') })),
        { what: 'Invalid report spec' },
      );
    throw error;
  }
}
