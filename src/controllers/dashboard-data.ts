import { createContext } from '@lit/context';
import type { LoadActivity } from '../adapters/data-source.ts';
import type { Conversation, Lookups } from '../core/schema/conversation.ts';
import type { ReportSpec } from '../core/schema/report-spec.ts';
import type { ParseError } from '../core/wire/parse-conversations.ts';
import type { ConversationTable } from '../core/table/table.ts';
import type { TableCatalog } from '../core/table/table-catalog.ts';
import type { DrillPageRequest } from '../core/schema/drill-page.ts';
import type { DrillPage, DrillPoint, ReportContext, ReportResult } from '../core/types.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * What a dashboard shares with its tiles, dialog and editor. A new object is provided on every
 * change, so consumers re-render; `version` tells whether results must be recomputed.
 */
export interface DashboardData {
  state: LoadState;
  /** Bumped whenever the table or the report context changes. */
  version: number;
  table: ConversationTable | null;
  /** The table's properties and list values, also when the table is in the engine Worker (null: not loaded, or a push-down source). */
  readonly catalog?: TableCatalog | null;
  lookups: Lookups;
  context: ReportContext;
  locale: string;
  /** Loaded so far, and the source's total when it gave one. */
  progress: { loaded: number; total: number | null; activity?: LoadActivity | null };
  error: string | null;
  /** Records the parser rejected, for the data-quality panel. */
  rejected: ParseError[];
  /** When the shown data was loaded (epoch ms), for "as of". */
  loadedAt: number | null;
  compute(spec: ReportSpec, signal?: AbortSignal): Promise<ReportResult>;
  drill(spec: ReportSpec, point: DrillPoint, page?: DrillPageRequest, signal?: AbortSignal): Promise<DrillPage>;
  retry(): void;
}

export const dashboardDataContext = createContext<DashboardData | undefined>(Symbol.for('conversation-reports/dashboard-data'));
