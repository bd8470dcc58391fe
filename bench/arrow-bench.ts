/**
 * Issue 18's ingest figures, runnable in Node and in the browser: the table built from one Apache
 * Arrow IPC stream (as a server or DuckDB would send it) and the memory the table then keeps,
 * against the size of the Arrow input.
 */
import type { Conversation, Lookups } from '../src/core/index.ts';
import { ingestArrowAsHost } from './arrow-host-ingest.ts';
import { toArrowIPC } from '../src/core/wire/arrow/to-arrow-ipc.ts';
import type { ConversationTable } from '../src/core/table/table.ts';
import { measure, round, type Figure } from './measure.ts';

export interface ArrowFigures {
  n: number;
  /** Bytes of the Arrow IPC stream. */
  arrowBytes: number;
  /** IPC bytes → ConversationTable ready for reports, one page, as a host loads it (arrow-host-ingest.ts). */
  ingest: Figure;
  /** Bytes the table keeps reachable (buffers counted once, shared ones with the input included). */
  keptBytes: number;
  /** keptBytes / arrowBytes: 1 means nothing is held twice. */
  keptRatio: number;
}

/**
 * The bytes a table keeps: every distinct ArrayBuffer its typed arrays view (whole, once: a view of
 * the input keeps the input), plus its strings at two bytes a character and 8 bytes a dictionary slot.
 */
export function retainedBytes(table: ConversationTable): number {
  const buffers = new Set<ArrayBufferLike>();
  let other = 0;
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') {
      if (typeof value === 'string') other += value.length * 2;
      return;
    }
    if (ArrayBuffer.isView(value)) {
      buffers.add(value.buffer);
      return;
    }
    if (Array.isArray(value)) {
      other += value.length * 8;
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], depth + 1);
  };
  visit(table, 0);
  let bytes = other;
  for (const buffer of buffers) bytes += buffer.byteLength;
  return bytes;
}

export async function arrowBench(conversations: readonly Conversation[], lookups: Lookups, log: (line: string) => void = () => {}): Promise<ArrowFigures> {
  const n = conversations.length;
  log('  Arrow IPC: encoding…');
  const bytes = toArrowIPC(conversations);
  log(`  ingest from Arrow IPC (${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB, one stream)…`);
  let table!: ConversationTable;
  // The same bytes each run: what ingest writes into them (NaN and 0 under nulls) is idempotent.
  const ingest = await measure(
    () => {
      table = ingestArrowAsHost(bytes, lookups);
      if (table.size !== n) throw new Error(`Arrow ingest kept ${table.size} of ${n}`);
    },
    { warmup: 1, runs: 7 },
  );
  const keptBytes = retainedBytes(table);
  return { n, arrowBytes: bytes.byteLength, ingest, keptBytes, keptRatio: round(keptBytes / bytes.byteLength, 3) };
}
