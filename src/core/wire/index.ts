/**
 * `conversation-reports/wire`: what travels between a server and the kit, for those who produce or
 * read pages outside the kit's elements (servers, Workers, tests). Apache Arrow is the wire format:
 * `toArrowIPC` writes conversations in the form the kit adopts without a copy, `readArrowPage`
 * checks a page as ingest does. The kit's older columnar format (wire-format.ts) stays readable for
 * hosts that already send it. Apart from `conversation-reports/core` so the engine alone stays small.
 */
export { toArrowIPC } from './arrow/to-arrow-ipc.ts';
export { readArrowPage, type ArrowInput, type ArrowTableLike, type ArrowPage } from './arrow/read-arrow.ts';
export { ArrowFormatError } from './arrow/arrow-format-error.ts';
export {
  appendWirePage,
  decodeWirePage,
  isBinaryWirePage,
  wirePageLength,
  WireFormatError,
  type WireCategorical,
  type WireCodes,
  type WireColumns,
  type WireDictionary,
  type WireNumbers,
  type WirePage,
} from './wire-format.ts';
export { encodeWirePage, toJsonWirePage, toWirePage, wireTransferables } from './wire-encode.ts';
export { IngestSession, MalformedPageError, pageRecordCount, type IngestPage } from './ingest.ts';
