/**
 * Checks the message framing of Arrow IPC bytes before they are read. flechette trusts its input:
 * a flipped bit that zeroes a message's length ends the stream early, and one that zeroes a
 * message's header offset skips the message; either would drop a record batch without a word.
 * Here every message must decode, the messages must tile the bytes up to an end-of-stream marker
 * (or the very end), and a file's footer must list as many record batches as its body holds.
 */
import { decodeMessage } from '@uwdata/flechette/src/decode/message.js';
import { ArrowFormatError } from './arrow-format-error.ts';
import { checkFooter, checkMessageMetadata } from './check-flatbuffers.ts';

const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const RECORD_BATCH = 3;
const SCHEMA = 1;

function isFile(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && MAGIC.every((byte, k) => bytes[k] === byte);
}

function readInt32(bytes: Uint8Array, at: number): number {
  return at + 4 <= bytes.length ? bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24) : 0;
}

/** Record batches and the rows their headers claim, as the framing tells them. */
export interface Framing {
  batches: number;
  rows: number;
}

/** Walks messages from `start` to `end`. */
function walk(bytes: Uint8Array, start: number, end: number, requireEnd: boolean): Framing {
  let offset = start;
  let records = 0;
  let rows = 0;
  let messages = 0;
  while (offset < end) {
    const head = readInt32(bytes, offset);
    // End of stream: a zero length, after the continuation marker (0xFFFFFFFF) or without it.
    if (head === 0 || (head === -1 && readInt32(bytes, offset + 4) === 0)) {
      const after = offset + (head === 0 ? 4 : 8);
      if (after !== end && requireEnd) throw new ArrowFormatError('', `the stream ends at byte ${offset} but ${end - after} more bytes follow (corrupt data)`);
      return { batches: records, rows };
    }
    // The metadata's flatbuffer is checked before flechette follows its offsets and list lengths.
    const prefix = head === -1 ? 8 : 4;
    const metadataLength = head === -1 ? readInt32(bytes, offset + 4) : head;
    if (metadataLength < 0 || offset + prefix + metadataLength > end)
      throw new ArrowFormatError('', `message ${messages + 1} (at byte ${offset}) claims ${metadataLength} bytes of metadata (corrupt or truncated data)`);
    checkMessageMetadata(bytes.subarray(offset + prefix, offset + prefix + metadataLength), messages + 1);
    let message: ReturnType<typeof decodeMessage>;
    try {
      message = decodeMessage(bytes.subarray(0, end), offset);
    } catch (cause) {
      throw new ArrowFormatError('', `message ${messages + 1} (at byte ${offset}) cannot be read (corrupt or truncated data)`, { cause });
    }
    if (!message || !message.content || message.index <= offset || message.index > end)
      throw new ArrowFormatError('', `message ${messages + 1} (at byte ${offset}) is malformed (corrupt data)`);
    if (messages === 0 && message.type !== SCHEMA) throw new ArrowFormatError('', 'does not start with a schema (corrupt data, or not Arrow)');
    if (message.type === RECORD_BATCH) {
      records++;
      rows += Number((message.content as { length?: number | bigint }).length ?? 0);
    }
    messages++;
    // Messages are padded to 8 bytes; a writer that pads less still tiles the bytes exactly.
    offset = message.index;
  }
  if (offset !== end) throw new ArrowFormatError('', `the last message runs past the end of the data (truncated or corrupt)`);
  return { batches: records, rows };
}

/**
 * The record batches `bytes` hold by their framing, and their rows; throws an ArrowFormatError when
 * the messages do not frame cleanly. The caller checks that the decoded data has as many batches (a
 * file's footer lists its batches apart from the messages).
 */
export function arrowFraming(bytes: Uint8Array): Framing {
  if (!isFile(bytes)) return walk(bytes, 0, bytes.length, true);
  // File: magic and padding, the stream's messages, the footer, its length, the magic again.
  const tail = bytes.length - 10;
  if (tail < 8 || !MAGIC.every((byte, k) => bytes[tail + 4 + k] === byte)) throw new ArrowFormatError('', 'the Arrow file does not end with its magic bytes (truncated or corrupt)');
  const footerStart = tail - readInt32(bytes, tail);
  if (footerStart < 8 || footerStart >= tail) throw new ArrowFormatError('', 'the Arrow file footer has an impossible length (corrupt data)');
  checkFooter(bytes.subarray(0, tail), footerStart);
  return walk(bytes, 8, footerStart, false);
}
