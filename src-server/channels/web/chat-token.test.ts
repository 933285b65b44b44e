import { describe, expect, it } from 'vitest';
import { hashChatToken, isChatToken, newChatToken } from './chat-token';
import { createRateWindow } from './rate-window';

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

describe('a fixed rate window', () => {
  it('allows max hits per window per key, then again in the next window', () => {
    let now = 0;
    const window = createRateWindow(2, 1000, () => now);
    expect([window.allow('a'), window.allow('a'), window.allow('a')]).toEqual([true, true, false]);
    expect(window.allow('b')).toBe(true);
    now = 1000;
    expect(window.allow('a')).toBe(true);
    window.forget('a');
    expect([window.allow('a'), window.allow('a')]).toEqual([true, true]);
  });
});
