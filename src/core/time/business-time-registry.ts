import { lazyPart } from '../lazy-part.ts';
import type { businessSpans, clocksCovering } from './business-time-columns.ts';

/**
 * What the engine calls for business-hours properties (responseTimeBusiness, timeToCloseBusiness,
 * SLAs counted in business hours): the schedules laid out as open intervals, one per inbox
 * (business-time.ts), and the spans counted on them (business-time-columns.ts).
 * Handed over here rather than imported by the engine so that a page without business hours (the
 * default dashboard: they come from the host) does not download them: what computes synchronously
 * registers them when it loads (`conversation-reports/core`, the engine Worker, the report editor's
 * preview), the page's engine loads them before the first compute whose context has business hours
 * and whose spec counts in them (src/engine/report-engine.ts).
 */
export interface BusinessTimeImplementation {
  clocksCovering: typeof clocksCovering;
  businessSpans: typeof businessSpans;
}

const part = lazyPart<BusinessTimeImplementation>(
  'conversation-reports: a property counted in business hours was computed before the business-time module was registered. ' +
    'Call installBusinessTime() from src/core/time/business-time-install.ts first (conversation-reports/core and the engine Worker do).',
);

export const registerBusinessTime = part.register;
export const businessTimeRegistered = part.registered;
/** The registered implementation; throws, naming the install function, when none is. */
export const businessTimeImplementation = part.get;
