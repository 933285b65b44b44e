import { describe, expect, it } from 'vitest';
import { hashChatToken, isChatToken, newChatToken } from './chat-token';

describe('a visitor chat token', () => {
  it('is random, stored only as its SHA-256, and checks only against its own hash', () => {
    const a = newChatToken();
    const b = newChatToken();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashChatToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
    expect(isChatToken(a.token, a.hash)).toBe(true);
    expect(isChatToken(b.token, a.hash)).toBe(false);
    expect(isChatToken('', a.hash)).toBe(false);
    expect(isChatToken(a.token, 'not-hex')).toBe(false);
  });
});
