import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A visitor's secret for one conversation: shown to them once, stored only as its SHA-256. */
export function newChatToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashChatToken(token) };
}

export function hashChatToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares in constant time (the hashes have a fixed length, so the length check leaks nothing). */
export function isChatToken(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashChatToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
