import * as arrow from './arrow/arrow-reading.ts';
import * as wire from './wire-reading.ts';
import { PageIngest, countPageRecords, type PageReaders } from './ingest-session.ts';

const readers: PageReaders = { arrow, wire };

export { MalformedPageError, isArrowPage, type IngestPage } from './ingest-session.ts';

/** The records of a page, whatever its form (for progress): throws MalformedPageError on a non-page. */
export function pageRecordCount(page: unknown, pageNumber: number): number {
  return countPageRecords(page, pageNumber, readers);
}

/**
 * Turns pages into a table (see `PageIngest`), Arrow and columnar pages included: for servers,
 * Workers and hosts. The page's engine uses `PageIngest` and loads each reader when its first page comes.
 */
export class IngestSession extends PageIngest {
  constructor(expectedSize = 0) {
    super(expectedSize, readers);
  }
}
