/**
 * The Arrow IPC stream the peers benchmark feeds to every engine, as a generic tool writes it:
 * flechette's `tableFromArrays` / `tableToIPC` with plain `dictionary(utf8())` columns (int32
 * indices, no null entry), not the kit's own `toArrowIPC` form; rows in `createdAt` order, as a
 * query with `ORDER BY "createdAt"` gives them (README, "Apache Arrow"). Node-loadable, so the same
 * bytes can be profiled outside the browser (`bench/profile-arrow.ts`).
 */
import { dictionary, float64, tableFromArrays, tableToIPC, utf8 } from '@uwdata/flechette';
import type { Conversation } from '../src/core/index.ts';

export function peersArrowStream(unordered: readonly Conversation[]): Uint8Array {
  const conversations = [...unordered].sort((a, b) => a.createdAt - b.createdAt);
  const text = (pick: (c: Conversation) => string | null) => conversations.map(pick);
  const time = (pick: (c: Conversation) => number | null) => Float64Array.from(conversations, (c) => pick(c) ?? Number.NaN);
  const table = tableFromArrays(
    {
      id: text((c) => c.id),
      channel: text((c) => c.channel),
      status: text((c) => c.status),
      inboxId: text((c) => c.inboxId),
      assigneeId: text((c) => c.assigneeId),
      chatflowId: text((c) => c.chatflowId),
      pageUrl: text((c) => c.pageUrl),
      createdAt: time((c) => c.createdAt),
      firstResponseAt: conversations.map((c) => c.firstResponseAt),
      closedAt: conversations.map((c) => c.closedAt),
    },
    {
      types: {
        id: utf8(),
        channel: dictionary(utf8()),
        status: dictionary(utf8()),
        inboxId: dictionary(utf8()),
        assigneeId: dictionary(utf8()),
        chatflowId: dictionary(utf8()),
        pageUrl: dictionary(utf8()),
        createdAt: float64(),
        firstResponseAt: float64(),
        closedAt: float64(),
      },
    },
  );
  return tableToIPC(table, { format: 'stream' })!;
}
