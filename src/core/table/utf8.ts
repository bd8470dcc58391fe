/**
 * UTF-8 text kept as bytes (Arrow's layout) and decoded only when a value is read: a million
 * subjects and e-mail addresses stay one buffer each instead of a million strings.
 */
const decoder = new TextDecoder('utf-8');

/** The text of `bytes[from, to)`. Short ASCII values (ids, addresses) skip TextDecoder's call cost. */
export function decodeUtf8(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 64) {
    let ascii = true;
    for (let k = from; k < to; k++) if (bytes[k]! >= 0x80) { ascii = false; break; }
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(from, to));
}

/** UTF-8 bytes of `text`. */
export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
