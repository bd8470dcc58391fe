/**
 * CRC-32 (the IEEE polynomial of zlib, PNG and gzip), for binary columnar pages: it detects every
 * single-bit flip and every burst up to 32 bits, which bounds checks alone cannot (a flipped bit in
 * a number or a code can still be in range). Hand-written because `src/core` runs in browsers, where
 * no CRC is built in, and a table-driven loop is a dozen lines.
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
