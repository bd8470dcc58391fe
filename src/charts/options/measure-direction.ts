import type { ReportSpec } from '../../core/schema/report-spec.ts';

/**
 * (v2) Which way a measure improves, for colouring a change against the previous period:
 * `lower` for durations (response time, time to close, in business hours too) and for SLA breaches
 * counted with `share`; `higher` for an SLA met share. Volume (a count, or a sum of a custom
 * number) is `neutral`: more conversations is neither good nor bad news by itself.
 */
export type MeasureDirection = 'lower' | 'higher' | 'neutral';

const DURATIONS = new Set(['responseTime', 'timeToClose', 'responseTimeBusiness', 'timeToCloseBusiness']);

export function measureDirection(spec: Pick<ReportSpec, 'measure'>): MeasureDirection {
  const measure = spec.measure;
  if (measure.op === 'count') return 'neutral';
  if (measure.op === 'share') {
    if (measure.property === 'firstResponseSla' || measure.property === 'closeSla') {
      if (measure.value === 'breached') return 'lower';
      if (measure.value === 'met') return 'higher';
    }
    return 'neutral';
  }
  if (measure.op === 'sum') return 'neutral';
  return DURATIONS.has(measure.property) ? 'lower' : 'neutral';
}

/** Whether going from `before` to `now` is good, bad or neither for a measure. */
export function changeTone(direction: MeasureDirection, now: number | null | undefined, before: number | null | undefined): 'good' | 'bad' | 'neutral' {
  if (direction === 'neutral' || typeof now !== 'number' || typeof before !== 'number' || now === before) return 'neutral';
  const up = now > before;
  return (direction === 'higher') === up ? 'good' : 'bad';
}
