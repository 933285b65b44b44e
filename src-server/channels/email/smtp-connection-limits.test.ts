import { describe, expect, it } from 'vitest';
import {
  IDLE_TIMEOUT_MS,
  IDLE_TIMEOUT_NEAR_CAP_MS,
  clientKey,
  connectionLimits,
  idleTimeoutMs,
} from './smtp-connection-limits';

describe('clientKey', () => {
  it('counts IPv4 by address, mapped or not', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('counts IPv6 by its /64, however the address is written', () => {
    expect(clientKey('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});

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
