import { quantileInPlace, quantileKeepsOrder } from './quantile.ts';
import { HISTOGRAM_MAX_GROUPS, HISTOGRAM_MIN_ROWS, HistogramQuantiles } from './quantile-histogram.ts';
import { registerQuantiles } from './quantile-registry.ts';

/**
 * Hands the quantile code to the engine (quantile-registry.ts). A call rather than a side effect of
 * importing this module: the package declares src/core free of side effects, so a bundler would
 * drop an import made only to register.
 */
export function installQuantiles(): void {
  registerQuantiles({ quantileInPlace, quantileKeepsOrder, HistogramQuantiles, HISTOGRAM_MAX_GROUPS, HISTOGRAM_MIN_ROWS });
}
