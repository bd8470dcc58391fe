/**
 * Everything ingest needs to take pages in the older columnar wire format in, in one module: the
 * page's engine imports it when the first such page arrives (see `ingest-session.ts`).
 */
export { appendWirePage, decodeWirePage, isBinaryWirePage, wirePageLength } from './wire-format.ts';
export { wireTransferables } from './wire-encode.ts';
