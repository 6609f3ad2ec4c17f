// Content hashes for caches and claim keys. Not cryptographic: two 32-bit
// FNV-1a style lanes with different primes over UTF-16 code units give a
// 64-bit value, enough to tell documents and sentences apart cheaply.

export function hashText(text: string): string {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
    high ^= high >>> 13;
  }
  return toHex32(high) + toHex32(low);
}

function toHex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
