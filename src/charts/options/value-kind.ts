import type { ReportSpec } from '../../core/schema/report-spec.ts';
import type { ValueKind } from './value-format.ts';

// Listed here rather than read from the property catalog, to keep the chart bundle free of core modules.
const DURATIONS: ReadonlySet<string> = new Set(['responseTime', 'timeToClose', 'responseTimeBusiness', 'timeToCloseBusiness']);

/** What a report's values are, for formatting: counts, durations (ms), shares or plain numbers. */
export function valueKindOf(spec: Pick<ReportSpec, 'measure'>): ValueKind {
  if (spec.measure.op === 'count') return 'count';
  if (spec.measure.op === 'share') return 'percent';
  return DURATIONS.has(spec.measure.property) ? 'duration' : 'number';
}
