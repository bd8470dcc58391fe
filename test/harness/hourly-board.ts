// The data and reports of the dashboard tests about editing a board (move, remove, undo, veto,
// storage), where the numbers do not matter: a few chat conversations an hour apart, counted per
// assignee in a table, which renders fast.
import { ArrayDataSource } from '../../src/adapters/array-data-source.ts';
import { reportSpecSchema, type ReportSpec } from '../../src/core/schema/report-spec.ts';

/** The dashboard's `now`: the conversations end an hour before it. */
export const END = Date.UTC(2026, 10, 20, 12);

/** `n` open chats, one an hour before END, the one before that, …, over assignees a0, a1 and a2. */
export function hourlySource(n = 12): ArrayDataSource {
  return new ArrayDataSource(
    Array.from({ length: n }, (_, i) => ({ id: `c${i}`, channel: 'chat', status: 'open', inboxId: 'in-1', assigneeId: `a${i % 3}`, createdAt: END - (i + 1) * 3_600_000 })),
  );
}

/** A table of the conversations per assignee. */
export function tableReport(id: string, title = `Report ${id}`): ReportSpec {
  return reportSpecSchema.parse({ id, title, chartType: 'table', dimension: 'assigneeId', measure: { op: 'count' } });
}
