import * as aq from 'arquero';
import type { DateRange } from '../../src/core/index.ts';
import { foldTop, keyText, type Answer, type QueryName } from '../six-queries.ts';
import { dayKeyOf, type BaselineRow } from './rows.ts';

/** The six queries in arquero over a column table (typed arrays for numbers, NaN for null). */
export function arqueroQueries(rows: readonly BaselineRow[], range: DateRange, dayBounds: Float64Array): Record<QueryName, () => Answer> {
  const times = (pick: (c: BaselineRow) => number | null) => Float64Array.from(rows, (c) => pick(c) ?? Number.NaN);
  const table = aq.table({
    assigneeId: rows.map((c) => c.assigneeId),
    inboxId: rows.map((c) => c.inboxId),
    status: rows.map((c) => c.status),
    page: rows.map((c) => c.pageUrlNormalized),
    createdAt: times((c) => c.createdAt),
    firstResponseAt: times((c) => c.firstResponseAt),
    closedAt: times((c) => c.closedAt),
  });
  const day = dayKeyOf(dayBounds);
  const inRange = () =>
    table.params({ from: range.from, to: range.to }).filter((d: Record<string, number>, $: Record<string, number>) => d.createdAt! >= $.from! && d.createdAt! < $.to!);
  const read = (result: aq.ColumnTable, key: string, value: string): Answer => {
    const keys = result.array(key) as unknown[];
    const values = result.array(value) as (number | null | undefined)[];
    return new Map(keys.map((k, i) => [keyText(k), typeof values[i] === 'number' && !Number.isNaN(values[i]) ? values[i]! : null]));
  };
  return {
    countByAssignee: () => read(inRange().groupby('assigneeId').count(), 'assigneeId', 'count'),
    openByInbox: () => read(inRange().filter((d: Record<string, string>) => d.status === 'open').groupby('inboxId').count(), 'inboxId', 'count'),
    byDay: () =>
      read(
        inRange()
          .derive({ day: aq.escape((d: Record<string, number>) => day(d.createdAt!)) })
          .groupby('day')
          .count(),
        'day',
        'count',
      ),
    medianResponseByAssignee: () =>
      read(
        inRange()
          .derive({ v: (d: Record<string, number>) => d.firstResponseAt! - d.createdAt! })
          .groupby('assigneeId')
          .rollup({ m: aq.op.median('v') }),
        'assigneeId',
        'm',
      ),
    medianCloseByAssignee: () =>
      read(
        inRange()
          .derive({ v: (d: Record<string, number>) => d.closedAt! - d.createdAt! })
          .groupby('assigneeId')
          .rollup({ m: aq.op.median('v') }),
        'assigneeId',
        'm',
      ),
    topPages: () => {
      const counts = inRange().groupby('page').count();
      const pages = counts.array('page') as (string | null)[];
      const n = counts.array('count') as number[];
      return foldTop(new Map(pages.map((p, i) => [p ?? null, n[i]!])), (key) => key ?? 'Unknown page');
    },
  };
}
