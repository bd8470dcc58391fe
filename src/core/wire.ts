/**
 * `conversation-reports/wire`: the columnar wire format (see wire-format.ts) for those who produce
 * or read pages outside the kit's elements: servers answering with binary pages, Workers, tests.
 * Apart from `conversation-reports/core` so the engine alone stays small.
 */
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
