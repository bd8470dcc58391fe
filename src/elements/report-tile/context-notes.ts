import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ReportContext } from '../../core/types.ts';
import { formatDuration } from '../../i18n/format.ts';
import { describeSchedule } from '../../i18n/schedule-summary.ts';

const BUSINESS = new Set(['responseTimeBusiness', 'timeToCloseBusiness']);
const SLA = { firstResponseSla: 'firstResponseMs', closeSla: 'closeMs' } as const;

/** Every property a report reads: measure, dimension, breakdown, filters. */
function propertiesOf(spec: ReportSpec): Set<string> {
  const names = new Set<string>();
  if (spec.measure.op !== 'count') names.add(spec.measure.property);
  if (spec.dimension) names.add(spec.dimension);
  if (spec.breakdown) names.add(spec.breakdown);
  for (const filter of spec.filters) names.add(filter.property);
  return names;
}

/**
 * What a tile's footnote says about the context a report depends on: that its hours are business
 * hours, and which ("in business hours, Mon–Fri 09:00–17:00 Europe/Amsterdam"), and the SLA
 * targets it judges against. Nothing for reports that use neither.
 */
export function contextNotes(
  spec: ReportSpec,
  context: ReportContext | undefined,
  locale: string,
  t: (key: string, params?: Record<string, string | number>) => string,
): string[] {
  if (!context) return [];
  const used = propertiesOf(spec);
  const notes: string[] = [];
  const slaUsed = (Object.keys(SLA) as (keyof typeof SLA)[]).filter((name) => used.has(name));
  const business = [...used].some((name) => BUSINESS.has(name)) || (slaUsed.length > 0 && context.sla?.businessHours === true);
  for (const name of slaUsed) {
    const target = context.sla?.[SLA[name]];
    if (typeof target === 'number') notes.push(t(`tile.slaTarget.${name}`, { time: formatDuration(target, locale) }));
  }
  if (business && context.businessHours) {
    const schedule = describeSchedule(context.businessHours, locale);
    const perInbox = Object.keys(context.businessHours.byInbox ?? {}).length;
    notes.push(t('tile.businessHours', { schedule }) + (perInbox > 0 ? ` ${t('tile.businessHoursByInbox', { count: perInbox })}` : ''));
  }
  return notes;
}
