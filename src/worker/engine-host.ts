import { ReportBatch } from '../core/engine/compute-report.ts';
import { drillDown } from '../core/engine/drill-down.ts';
import { installQuantiles } from '../core/engine/quantile-install.ts';
import { installBusinessTime } from '../core/time/business-time-install.ts';
import { IngestSession } from '../core/wire/ingest.ts';
import { tableFootprint, type ConversationTable } from '../core/table/table.ts';
import { tableCatalog } from '../core/table/table-catalog.ts';
import { serializeError, type ComputeOutcome, type FromEngine, type ToEngine } from './protocol.ts';

/**
 * The engine as it runs inside the Worker: it ingests pages into a table that never leaves this
 * thread, then answers compute and drill requests with results only. Written against a `post`
 * function rather than the Worker global, so it can be driven directly in tests.
 */
export function createEngineHost(post: (message: FromEngine) => void): (message: ToEngine) => void {
  installQuantiles();
  installBusinessTime();
  let session: IngestSession | null = new IngestSession();
  let table: ConversationTable | null = null;
  let failed = false;

  return (message) => {
    switch (message.type) {
      case 'page': {
        if (failed || !session) return;
        try {
          session.add(message.page);
          post({ type: 'progress', received: session.received, size: session.size });
        } catch (error) {
          failed = true;
          session = null;
          post({ type: 'failed', error: serializeError(error) });
        }
        return;
      }
      case 'finish': {
        if (failed || !session) return;
        try {
          table = session.finish(message.lookups);
          post({ type: 'ready', size: table.size, rejected: session.rejected, columnBytes: tableFootprint(table).columnBytes, catalog: tableCatalog(table) });
        } catch (error) {
          failed = true;
          post({ type: 'failed', error: serializeError(error) });
        }
        session = null;
        return;
      }
      case 'compute': {
        const outcomes: ComputeOutcome[] = [];
        let batch: ReportBatch | null = null;
        let batchError: unknown = null;
        try {
          if (!table) throw new Error('No data loaded yet.');
          batch = new ReportBatch(table, message.context);
          batch.plan(message.specs);
        } catch (error) {
          batchError = error;
        }
        for (const spec of message.specs) {
          try {
            if (!batch) throw batchError;
            outcomes.push({ result: batch.compute(spec) });
          } catch (error) {
            outcomes.push({ error: serializeError(error) });
          }
        }
        post({ type: 'computed', id: message.id, outcomes });
        return;
      }
      case 'drill': {
        try {
          if (!table) throw new Error('No data loaded yet.');
          post({ type: 'drilled', id: message.id, page: drillDown(table, message.spec, message.context, message.point, message.page) });
        } catch (error) {
          post({ type: 'drilled', id: message.id, error: serializeError(error) });
        }
        return;
      }
    }
  };
}
