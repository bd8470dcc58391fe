/**
 * Arrow IPC bytes → a table ready for reports, by the calls a host's load makes (`EngineLoader` in
 * src/engine/report-engine.ts, and the engine Worker's host): the page's records counted for
 * progress, an `IngestSession` without a size hint given the page, `finish`, then the table's
 * footprint and catalog that the engine reports when ready. Both Arrow benchmarks (`arrow` and the
 * peers) time exactly this.
 */
import type { Lookups } from '../src/core/index.ts';
import { IngestSession, pageRecordCount } from '../src/core/wire/ingest.ts';
import { tableFootprint, type ConversationTable } from '../src/core/table/table.ts';
import { tableCatalog } from '../src/core/table/table-catalog.ts';

export function ingestArrowAsHost(bytes: Uint8Array, lookups: Lookups): ConversationTable {
  const page = { arrow: bytes };
  pageRecordCount(page, 1);
  const session = new IngestSession();
  session.add(page);
  const table = session.finish(lookups);
  tableFootprint(table);
  tableCatalog(table);
  return table;
}
