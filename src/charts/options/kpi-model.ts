import type { ReportResult } from '../../core/types.ts';
import { formatPercentDelta } from '../../i18n/format.ts';
import { createValueFormatter } from './value-format.ts';
import type { ValueKind } from './value-format.ts';

export interface KpiFormatSettings {
  locale: string;
  valueKind: ValueKind;
}

export interface KpiModel {
  /** The report's total, formatted ("1,234", "2 h 5 min", "—"). */
  value: string;
  raw: number | null;
  /** Signed change against the previous period ("+12%"); null without a comparable previous value. */
  delta: string | null;
  /** Which way the value moved; whether that is good depends on the measure, so no colour is implied. */
  direction: 'up' | 'down' | 'flat' | null;
  /** The previous period's total, formatted; null when the result holds no comparison. */
  previous: string | null;
}

/** A report result as one headline number, with its change when the result was computed with `compare`. */
export function buildKpiModel(result: ReportResult, fmt: KpiFormatSettings): KpiModel {
  const format = createValueFormatter(fmt.valueKind, fmt.locale);
  const raw = typeof result.total.value === 'number' && Number.isFinite(result.total.value) ? result.total.value : null;
  const before = result.total.previous;
  const previousRaw = before && typeof before.value === 'number' && Number.isFinite(before.value) ? before.value : null;
  let direction: KpiModel['direction'] = null;
  if (raw !== null && previousRaw !== null) {
    direction = raw > previousRaw ? 'up' : raw < previousRaw ? 'down' : 'flat';
  }
  return {
    value: format(raw),
    raw,
    delta: formatPercentDelta(raw, previousRaw, fmt.locale),
    direction,
    previous: before ? format(before.value) : null,
  };
}
