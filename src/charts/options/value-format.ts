import type { DateProperty, ReportSpec } from '../../core/schema/report-spec.ts';
import type { GroupKey, ReportRow } from '../../core/types.ts';
import { formatBucketLabel, formatDuration, formatNumber } from '../../i18n/format.ts';
import { hourSpan, weekdayName } from '../../i18n/week.ts';

/** What a report's values are: conversation counts, durations in ms, shares (0–1, the `share` measure), or any other number. */
export type ValueKind = 'count' | 'duration' | 'percent' | 'number';

/** How a report's values and date buckets are written for the reader. */
export interface FormatSettings {
  locale: string;
  /** IANA zone the date buckets were computed in. */
  timeZone: string;
  valueKind: ValueKind;
}

export type ValueFormatter = (value: number | null | undefined) => string;

export function createValueFormatter(valueKind: ValueKind, locale: string): ValueFormatter {
  switch (valueKind) {
    case 'duration':
      return (value) => formatDuration(value, locale);
    case 'count':
      // An average of counts can be fractional; a count never is, but one decimal costs nothing.
      return (value) => formatNumber(value, locale, { maximumFractionDigits: 1 });
    case 'percent':
      return (value) => formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 1 });
    default:
      return (value) => formatNumber(value, locale, { maximumFractionDigits: 2 });
  }
}

// Listed here rather than imported from the schema module, which would pull zod into every chart bundle.
const DATE_PROPERTIES: ReadonlySet<string> = new Set<DateProperty>(['createdAt', 'closedAt', 'firstResponseAt']);

function isDateProperty(property: string | undefined): boolean {
  return property !== undefined && DATE_PROPERTIES.has(property);
}

/** Date buckets carry their start instant as key; the core's label is a fallback, the reader's locale wins. */
function labelFor(key: GroupKey | undefined, fallback: string | undefined, property: string | undefined, spec: ReportSpec, fmt: FormatSettings): string {
  if (typeof key === 'number' && isDateProperty(property)) {
    return formatBucketLabel(key, spec.timeBucket ?? 'day', fmt.timeZone, fmt.locale);
  }
  // Weekday and hour of creation: the reader's names ("lundi", "9:00 AM – 10:00 AM"), not the core's English.
  if (typeof key === 'number' && property === 'createdWeekday') return weekdayName(key, fmt.locale, 'long');
  if (typeof key === 'number' && property === 'createdHour') return hourSpan(key, fmt.locale);
  return fallback ?? (key === undefined || key === null ? '' : String(key));
}

export function categoryLabel(row: ReportRow, spec: ReportSpec, fmt: FormatSettings): string {
  return labelFor(row.key, row.label, spec.dimension, spec, fmt);
}

export function seriesLabel(row: ReportRow, spec: ReportSpec, fmt: FormatSettings): string {
  return labelFor(row.series, row.seriesLabel, spec.breakdown, spec, fmt);
}

/** (v2) A date bucket's start as the reader reads it ("Aug 31"): the previous period's bucket a row is compared with. */
export function bucketKeyLabel(key: number, spec: ReportSpec, fmt: FormatSettings): string {
  return formatBucketLabel(key, spec.timeBucket ?? 'day', fmt.timeZone, fmt.locale);
}

export function hasBreakdown(result: { rows: readonly ReportRow[] }, spec: ReportSpec): boolean {
  return spec.breakdown !== undefined || result.rows.some((row) => row.series !== undefined);
}
