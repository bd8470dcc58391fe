import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32 } from './crc32.ts';

test('crc32 agrees with zlib on the check value and on lengths that end mid-word', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  for (let n = 0; n < 300; n++) {
    const bytes = new Uint8Array(n * 7 + (n % 5));
    for (let i = 0; i < bytes.length; i++) bytes[i] = (Math.imul(i, 2654435761) + n) >>> 13;
    assert.equal(crc32(bytes), zlibCrc32(bytes), `length ${bytes.length}`);
  }
});
