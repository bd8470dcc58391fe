/** 16 hex digits from the platform's CSPRNG (unlike `randomUUID`, available outside secure contexts too). */
export function randomSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
