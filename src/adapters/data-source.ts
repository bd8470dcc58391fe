import type { Conversation, Lookups, LookupsInput } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { DateRange, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';

export interface LoadRequest {
  range: DateRange;
  signal: AbortSignal;
}

/** One page of raw records; `total` (all pages together) feeds a progress bar. */
export interface DataPage {
  conversations: unknown[];
  total?: number;
}

/**
 * Where conversations come from. A page may hold more than the range (the core filters exactly);
 * it must hold every conversation whose created, closed or first-response time is in the range.
 * Aborting the signal stops the load with no further work.
 */
export interface DataSource {
  load(request: LoadRequest): AsyncIterable<DataPage>;
  lookups?(signal: AbortSignal): Promise<Lookups | LookupsInput>;
  /** Optional push-down: compute the report where the data lives. */
  query?(spec: ReportSpec, context: ReportContext, signal: AbortSignal): Promise<ReportResult>;
  drill?(spec: ReportSpec, context: ReportContext, point: DrillPoint, signal: AbortSignal): Promise<Conversation[]>;
}

/** Throws the signal's reason (an AbortError DOMException by default) when it has been aborted. */
export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason ?? new DOMException('The load was aborted.', 'AbortError');
}
