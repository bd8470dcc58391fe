/**
 * Corrupted Arrow input (#15.11): thousands of single-bit flips anywhere in IPC bytes (metadata,
 * dictionaries, offsets, values). Each must either fail with an ArrowFormatError that reads as one
 * (never a bare "Cannot read properties of undefined"), or load with every record accounted for:
 * kept plus rejected equals the rows sent. A record may change (a flipped bit in a subject is
 * still text), but none may vanish silently.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { IngestSession } from '../ingest.ts';
import { generateConversations } from '../../../sample/generate-conversations.ts';
import { ArrowFormatError } from './arrow-format-error.ts';
import { toArrowIPC } from './to-arrow-ipc.ts';
import { seededRandom as random } from '../../../../test/fixtures/seeded-random.ts';

const UNREADABLE = /Cannot read properties|is not a function|is not iterable|undefined|NaN/;

function fuzz(format: 'stream' | 'file', flips: number, seed: number) {
  const sample = generateConversations({ n: 120, seed });
  const good = toArrowIPC(sample.conversations, { format });
  const next = random(seed);
  const outcomes = { errors: 0, loaded: 0, changed: 0 };
  for (let k = 0; k < flips; k++) {
    const bytes = good.slice();
    const bit = Math.floor(next() * bytes.length * 8);
    bytes[bit >>> 3]! ^= 1 << (bit & 7);
    const where = `${format} flip of bit ${bit} (byte ${bit >>> 3} of ${bytes.length})`;
    const session = new IngestSession();
    let size: number;
    try {
      session.add({ arrow: bytes });
      size = session.finish().size;
    } catch (error) {
      assert.ok(error instanceof ArrowFormatError, `${where}: ${(error as Error)?.name}: ${(error as Error)?.message}`);
      assert.doesNotMatch(error.message, UNREADABLE, where);
      outcomes.errors++;
      continue;
    }
    assert.equal(size + session.rejected.length, sample.conversations.length, `${where}: ${size} kept + ${session.rejected.length} rejected`);
    for (const reject of session.rejected) assert.ok(reject.field !== '' && reject.message !== '', where);
    outcomes.loaded++;
    if (session.rejected.length > 0) outcomes.changed++;
  }
  return outcomes;
}

describe('corrupted Arrow input', () => {
  test('3 000 single-bit flips of a stream: a clear ArrowFormatError or every record accounted for', () => {
    const outcomes = fuzz('stream', 3000, 41);
    // Both outcomes occur: flips in metadata and offsets are caught, flips in values load.
    assert.ok(outcomes.errors > 0 && outcomes.loaded > 0, JSON.stringify(outcomes));
  });

  test('1 000 single-bit flips of a file', () => {
    const outcomes = fuzz('file', 1000, 42);
    assert.ok(outcomes.errors > 0 && outcomes.loaded > 0, JSON.stringify(outcomes));
  });

  test('truncated bytes fail with an ArrowFormatError', () => {
    const good = toArrowIPC(generateConversations({ n: 50, seed: 3 }).conversations);
    // (Cut exactly before the end-of-stream marker, the stream is whole: Arrow makes that marker optional.)
    for (const length of [0, 8, 100, good.length >> 1, good.length - 9]) {
      const session = new IngestSession();
      assert.throws(
        () => {
          session.add({ arrow: good.slice(0, length) });
          if (session.finish().size + session.rejected.length !== 50) throw new Error(`records lost at length ${length}`);
        },
        (error: unknown) => error instanceof ArrowFormatError,
        `length ${length}`,
      );
    }
  });
});
