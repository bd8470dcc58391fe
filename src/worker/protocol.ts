import type { IngestPage } from '../core/wire/ingest.ts';
import type { ParseError } from '../core/wire/parse-conversations.ts';
import type { Conversation, LookupsInput } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { TableCatalog } from '../core/table/table-catalog.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';

/** An error as it crosses the thread boundary: Error objects lose their class on the way. */
export interface SerializedError {
  name: string;
  message: string;
  /** WireFormatError: the column at fault. */
  column?: string;
  /** MissingBusinessHoursError: the property asked for. */
  property?: string;
}

/** Messages from the page to the engine Worker. */
export type ToEngine =
  | { type: 'page'; page: IngestPage }
  | { type: 'finish'; lookups: LookupsInput | undefined }
  | { type: 'compute'; id: number; specs: ReportSpec[]; context: ReportContext }
  | { type: 'drill'; id: number; spec: ReportSpec; context: ReportContext; point: DrillPoint; page?: DrillPageRequest };

export type ComputeOutcome = { result: ReportResult } | { error: SerializedError };

/** Messages from the engine Worker to the page. */
export type FromEngine =
  | { type: 'hello' }
  /** After each page: records received so far (valid or not) and conversations kept. */
  | { type: 'progress'; received: number; size: number }
  | { type: 'ready'; size: number; rejected: ParseError[]; columnBytes: number; catalog: TableCatalog }
  /** The load failed (a malformed page); the Worker ignores everything but compute/drill after it. */
  | { type: 'failed'; error: SerializedError }
  | { type: 'computed'; id: number; outcomes: ComputeOutcome[] }
  | { type: 'drilled'; id: number; page: DrillPage }
  | { type: 'drilled'; id: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const { column, property } = error as { column?: unknown; property?: unknown };
    return { name: error.name, message: error.message, ...(typeof column === 'string' ? { column } : {}), ...(typeof property === 'string' ? { property } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** An Error again, with the name it had (so `error.name === 'UnknownPropertyError'` still tells). */
export function deserializeError(error: SerializedError): Error {
  const revived = new Error(error.message);
  revived.name = error.name;
  if (error.column !== undefined) (revived as Error & { column?: string }).column = error.column;
  if (error.property !== undefined) (revived as Error & { property?: string }).property = error.property;
  return revived;
}
