import type { Conversation, Lookups } from './schema/conversation.ts';
import type { ReportSpec } from './schema/report-spec.ts';
import type { BusinessHours, Sla } from './schema/business-hours.ts';

export interface DateRange {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
}

export interface ReportContext {
  range: DateRange;
  /** IANA zone used for date buckets, e.g. "Europe/Amsterdam". */
  timeZone: string;
  /** Also compute the period of equal length just before `range`. */
  compare?: 'previous-period';
  /** (v2) Opening hours: the business spans (`responseTimeBusiness`…) count only time inside them. */
  businessHours?: BusinessHours;
  /** (v2) Targets of `firstResponseSla` and `closeSla`. */
  sla?: Sla;
}

/** A group key: a string (ids, text, booleans as "true"/"false"), a number (bucket start, numeric values) or null. */
export type GroupKey = string | number | boolean | null;

export interface Aggregate {
  value: number | null;
  count: number;
}

export interface ReportRow extends Aggregate {
  key: GroupKey;
  label: string;
  series?: GroupKey;
  seriesLabel?: string;
  /**
   * Only with `context.compare`. A non-date dimension: the same key in the previous period. A date
   * dimension: the previous period's bucket aligned with this one (see core/engine/previous-buckets.ts), absent
   * where none is, and on buckets outside the range.
   */
  previous?: Aggregate;
  /** (v2) Date dimensions: the start (epoch ms) of the previous period's bucket `previous` holds. */
  previousKey?: number;
}

export interface ReportResult {
  reportId: string;
  rows: ReportRow[];
  total: Aggregate & { previous?: Aggregate };
  matched: number;
  /** Measures other than count: matched conversations left out because their value is null (no reply yet, still open…). */
  excluded?: number;
}

export interface DrillPoint {
  key: GroupKey;
  series?: GroupKey;
}

/** (v2) One page of the conversations behind a row: `total` counts all of them (after `search`). */
export interface DrillPage {
  total: number;
  offset: number;
  rows: Conversation[];
}

/** Conversation with its derived properties, as rows in the drill dialog. */
export type { Conversation, Lookups, ReportSpec };

/** Reserved key of the row that folds everything past `limit`. */
export const OTHER_KEY = '__other__';
