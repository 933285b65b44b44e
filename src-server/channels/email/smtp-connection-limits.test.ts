import { describe, expect, it } from 'vitest';
import {
  IDLE_TIMEOUT_MS,
  IDLE_TIMEOUT_NEAR_CAP_MS,
  connectionLimits,
  idleTimeoutMs,
} from './smtp-connection-limits';

describe('connectionLimits', () => {
  it('admits up to the limit per client, and again once one leaves', () => {
    const limits = connectionLimits(2);
    expect(limits.admit('192.0.2.7', 'a')).toBe(true);
    expect(limits.admit('::ffff:192.0.2.7', 'b')).toBe(true);
    expect(limits.admit('192.0.2.7', 'c')).toBe(false);
    expect(limits.admit('192.0.2.8', 'd')).toBe(true);
    limits.release('192.0.2.7', 'c'); // never admitted: changes nothing
    expect(limits.admit('192.0.2.7', 'e')).toBe(false);
    limits.release('192.0.2.7', 'a');
    expect(limits.admit('192.0.2.7', 'f')).toBe(true);
  });
});

describe('idleTimeoutMs', () => {
  it('shortens idle time from four fifths of the cap', () => {
    expect(idleTimeoutMs(159, 200)).toBe(IDLE_TIMEOUT_MS);
    expect(idleTimeoutMs(160, 200)).toBe(IDLE_TIMEOUT_NEAR_CAP_MS);
    expect(idleTimeoutMs(250, 200)).toBe(IDLE_TIMEOUT_NEAR_CAP_MS);
  });
});
