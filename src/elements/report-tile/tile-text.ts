import type { ReportSpec } from '../../core/schema/report-spec.ts';
import { valueKindOf } from '../../charts/options/value-kind.ts';
import { reportTitle } from '../../i18n/report-titles.ts';

/** What a tile's parts need to speak the reader's language: locale, zone and the catalog lookup. */
export interface TileText {
  locale: string;
  timeZone: string;
  t(key: string, params?: Record<string, string | number>): string;
}

/** The title as shown: a template report's in the reader's language, a user's own as written. */
export function tileTitle(text: TileText, spec: ReportSpec): string {
  return reportTitle(spec, text.locale);
}

export function formatSettings(text: TileText, spec: ReportSpec) {
  return { locale: text.locale, timeZone: text.timeZone, valueKind: valueKindOf(spec) };
}

/** A property's name in the reader's words; a custom property without one goes by its own name. */
export function propertyLabel(text: TileText, property: string): string {
  const key = `property.${property}`;
  const label = text.t(key);
  return label === key ? property.replace(/^properties\./, '') : label;
}

export function dimensionHeading(text: TileText, spec: ReportSpec): string {
  return propertyLabel(text, spec.dimension ?? '');
}

/**
 * The value column's heading: the measure in a few words ("Conversations", "Median response
 * time"), not the report title, so that a narrow table keeps room for the numbers.
 */
export function measureHeading(text: TileText, spec: ReportSpec): string {
  const measure = spec.measure;
  if (measure.op === 'count') return text.t('tile.column.value.count');
  const property = propertyLabel(text, measure.property);
  // Mid-phrase: "Response time" reads "median response time"; an acronym ("URL", "CSAT") keeps its capitals.
  const lower = /^\p{Lu}\p{Ll}/u.test(property) ? property.charAt(0).toLocaleLowerCase(text.locale) + property.slice(1) : property;
  return text.t(`tile.column.value.${measure.op}`, { property: lower });
}
