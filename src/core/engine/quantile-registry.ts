import { lazyPart } from '../lazy-part.ts';
import type { HistogramQuantiles } from './quantile-histogram.ts';

/**
 * What the engine calls for quantile measures (median, p90): selection (quantile.ts) and per-group
 * histograms (quantile-histogram.ts). They are handed over here rather than imported by the engine
 * so that a page whose reports have no quantile (the default dashboard) does not download them:
 * what computes synchronously registers them when it loads (`conversation-reports/core`, the engine
 * Worker, the report editor's preview), the page's engine loads them before the first compute that
 * asks for one (src/engine/report-engine.ts).
 */
export interface QuantileImplementation {
  quantileInPlace(values: Float64Array, q: number): number | null;
  quantileKeepsOrder(length: number): boolean;
  HistogramQuantiles: typeof HistogramQuantiles;
  HISTOGRAM_MAX_GROUPS: number;
  HISTOGRAM_MIN_ROWS: number;
}

const part = lazyPart<QuantileImplementation>(
  'conversation-reports: a quantile measure (median, p90) was computed before the quantile module was registered. ' +
    'Call installQuantiles() from src/core/engine/quantile-install.ts first (conversation-reports/core and the engine Worker do).',
);

export const registerQuantiles = part.register;
export const quantilesRegistered = part.registered;
/** The registered implementation; throws, naming the install function, when none is. */
export const quantileImplementation = part.get;
