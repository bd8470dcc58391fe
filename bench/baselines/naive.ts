import type { DateRange } from '../../src/core/index.ts';
import { foldTop, keyText, sortedQuantile, type Answer, type QueryName } from '../six-queries.ts';
import { dayKeyOf, type BaselineRow } from './rows.ts';

/**
 * The six queries as a straightforward program writes them over an array of objects: a loop, a
 * Map per group, an array of values sorted for a median.
 */
export function naiveQueries(rows: readonly BaselineRow[], range: DateRange, dayBounds: Float64Array): Record<QueryName, () => Answer> {
  const inRange = (c: BaselineRow) => c.createdAt >= range.from && c.createdAt < range.to;
  const countBy = (key: (c: BaselineRow) => string | number | null, where: (c: BaselineRow) => boolean = () => true) => {
    const counts = new Map<string | number | null, number>();
    for (const c of rows) if (inRange(c) && where(c)) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
    return counts;
  };
  const medianBy = (value: (c: BaselineRow) => number | null) => {
    const groups = new Map<string | null, number[]>();
    for (const c of rows) {
      if (!inRange(c)) continue;
      let list = groups.get(c.assigneeId);
      if (!list) groups.set(c.assigneeId, (list = []));
      const v = value(c);
      if (v !== null) list.push(v);
    }
    return new Map([...groups].map(([key, list]) => [keyText(key), sortedQuantile(list, 0.5)]));
  };
  const asAnswer = (counts: Map<string | number | null, number>): Answer => new Map([...counts].map(([key, n]) => [keyText(key), n]));
  const day = dayKeyOf(dayBounds);
  return {
    countByAssignee: () => asAnswer(countBy((c) => c.assigneeId)),
    openByInbox: () => asAnswer(countBy((c) => c.inboxId, (c) => c.status === 'open')),
    byDay: () => asAnswer(countBy((c) => day(c.createdAt))),
    medianResponseByAssignee: () => medianBy((c) => (c.firstResponseAt === null ? null : c.firstResponseAt - c.createdAt)),
    medianCloseByAssignee: () => medianBy((c) => (c.closedAt === null ? null : c.closedAt - c.createdAt)),
    topPages: () => foldTop(countBy((c) => c.pageUrlNormalized) as Map<string | null, number>, (key) => key ?? 'Unknown page'),
  };
}
