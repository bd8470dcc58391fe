import * as arrowReading from './arrow/arrow-reading.ts';
import { PageIngest, countPageRecords } from './ingest-session.ts';

export { MalformedPageError, isArrowPage, type IngestPage } from './ingest-session.ts';

/** The records of a page, whatever its form (for progress): throws MalformedPageError on a non-page. */
export function pageRecordCount(page: unknown, pageNumber: number): number {
  return countPageRecords(page, pageNumber, arrowReading);
}

/**
 * Turns pages into a table (see `PageIngest`), Arrow pages included: for servers, Workers and
 * hosts. The page's engine uses `PageIngest` and loads Arrow reading when an Arrow page comes.
 */
export class IngestSession extends PageIngest {
  constructor(expectedSize = 0) {
    super(expectedSize, arrowReading);
  }
}
