import type { ReportSpec } from '../core/schema/report-spec.ts';
import { OTHER_KEY, type GroupKey, type ReportResult } from '../core/types.ts';
import { translate } from './translate.ts';

const ALL_KEY = '__all__';

/** The reader's word for a group the core labelled in English; null when the label is the data's own. */
function labelFor(key: GroupKey | undefined, property: string | undefined, locale: string): string | null {
  if (key === OTHER_KEY) return translate(locale, 'value.other');
  if (key === ALL_KEY) return translate(locale, 'value.all');
  if (key === null) {
    const specific = `value.null.${property ?? ''}`;
    const text = translate(locale, specific);
    return text === specific ? translate(locale, 'value.null.other') : text;
  }
  if (typeof key === 'boolean') return translate(locale, key ? 'value.true' : 'value.false');
  if (property === 'createdWeekday' && typeof key === 'number' && Number.isInteger(key) && key >= 1 && key <= 7)
    // 2024-01-01 was a Monday: day `key` of that week, named by the locale.
    return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, key));
  if ((property === 'firstResponseSla' || property === 'closeSla') && typeof key === 'string') {
    const name = `value.sla.${key}`;
    const text = translate(locale, name);
    return text === name ? null : text;
  }
  if ((property === 'channel' || property === 'status') && typeof key === 'string') {
    const name = `value.${property}.${key}`;
    const text = translate(locale, name);
    return text === name ? null : text;
  }
  return null;
}

/**
 * The result with the labels the core writes in English (null groups, Other, Yes/No, channel and
 * status values) in the reader's language. Lookup names and other data stay as they are.
 */
export function localizeResult(result: ReportResult, spec: Pick<ReportSpec, 'dimension' | 'breakdown'>, locale: string): ReportResult {
  return {
    ...result,
    rows: result.rows.map((row) => {
      const label = labelFor(row.key, spec.dimension, locale);
      const seriesLabel = row.series === undefined ? null : labelFor(row.series, spec.breakdown, locale);
      return label === null && seriesLabel === null
        ? row
        : { ...row, ...(label === null ? {} : { label }), ...(seriesLabel === null ? {} : { seriesLabel }) };
    }),
  };
}
