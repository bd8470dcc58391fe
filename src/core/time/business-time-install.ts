import { businessSpans, clocksCovering } from './business-time-columns.ts';
import { registerBusinessTime } from './business-time-registry.ts';

/**
 * Hands the business-hours code to the engine (business-time-registry.ts). A call rather than a
 * side effect of importing this module: the package declares src/core free of side effects, so a
 * bundler would drop an import made only to register.
 */
export function installBusinessTime(): void {
  registerBusinessTime({ clocksCovering, businessSpans });
}
