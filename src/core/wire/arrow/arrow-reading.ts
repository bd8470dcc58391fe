/**
 * Everything ingest needs to take Apache Arrow pages in (flechette included), in one module: the
 * page's engine imports it when the first Arrow page arrives, so a dashboard fed objects never
 * downloads it (see `ingest-session.ts`).
 */
export { appendArrowPage, checkArrowPage, registerArrowIds, tableFromArrowPage } from './arrow-table.ts';
export { arrowRowCount, readArrowPage } from './read-arrow.ts';
export { arrowTransfer, isArrowInput } from './arrow-transfer.ts';
