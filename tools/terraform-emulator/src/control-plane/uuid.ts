import { createHash } from 'node:crypto';

/**
 * A stable UUID derived from a string (name-based, SHA-1, as RFC 4122 version 5 lays the bits out), so that the
 * emulated Azure hands out the same principal ids and role-assignment names on every run.
 */
export function deterministicUuid(seed: string): string {
  const hash = createHash('sha1').update(seed).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
