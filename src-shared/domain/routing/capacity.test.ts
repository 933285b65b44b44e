import { describe, expect, it } from 'vitest';
import { blockingHolding, canTake, freeCapacity } from './capacity';
import { makeAgent } from './testing/routing-fixtures';
import type { Holding } from './types';

const holding = (channel: Holding['channel'], status: Holding['status'], count = 1): Holding => ({
  channel,
  status,
  count,
});

describe('freeCapacity', () => {
  it('is the capacity per channel when the agent holds nothing', () => {
    expect(freeCapacity(makeAgent())).toEqual({ phone: 1, email: 5, web: 5, chat: 3, callback: 1 });
  });

  it('subtracts holdings per channel, leaving other channels alone', () => {
    const agent = makeAgent({
      holdings: [holding('chat', 'active'), holding('chat', 'offered')],
    });
    expect(freeCapacity(agent)).toEqual({ phone: 1, email: 5, web: 5, chat: 1, callback: 1 });
  });

  it.each([
    ['an active phone call', holding('phone', 'active')],
    ['an offered phone call', holding('phone', 'offered')],
    ['an active callback', holding('callback', 'active')],
  ])('is zero everywhere during %s (a call blocks other work)', (_, held) => {
    expect(freeCapacity(makeAgent({ holdings: [held] }))).toEqual({
      phone: 0,
      email: 0,
      web: 0,
      chat: 0,
      callback: 0,
    });
  });

  it('is zero everywhere while any contact is in wrap-up (after-contact work)', () => {
    const agent = makeAgent({ holdings: [holding('email', 'wrap_up')] });
    expect(Object.values(freeCapacity(agent))).toEqual([0, 0, 0, 0, 0]);
  });

  it('is never negative when holdings exceed capacity', () => {
    const agent = makeAgent({ holdings: [holding('chat', 'active', 4)] });
    expect(freeCapacity(agent).chat).toBe(0);
  });
});

describe('blockingHolding', () => {
  it('says on_a_call for a call, in_wrap_up for a wrap-up, and null for chats and emails', () => {
    expect(blockingHolding(makeAgent({ holdings: [holding('phone', 'active')] }))).toBe('on_a_call');
    expect(blockingHolding(makeAgent({ holdings: [holding('phone', 'wrap_up')] }))).toBe('in_wrap_up');
    expect(blockingHolding(makeAgent({ holdings: [holding('chat', 'active')] }))).toBeNull();
  });
});

describe('canTake', () => {
  it('is true for an Available or Busy agent with free capacity on the channel', () => {
    expect(canTake(makeAgent({ state: 'available' }), 'email')).toBe(true);
    expect(canTake(makeAgent({ state: 'busy', holdings: [holding('chat', 'active')] }), 'phone')).toBe(true);
  });

  it('is false when the channel is full, not served, or the agent is not working', () => {
    expect(canTake(makeAgent({ holdings: [holding('phone', 'active')] }), 'email')).toBe(false);
    const noChat = makeAgent();
    noChat.routing.capacity.chat = 0;
    expect(canTake(noChat, 'chat')).toBe(false);
    for (const state of ['offline', 'away', 'wrap_up'] as const)
      expect(canTake(makeAgent({ state }), 'email')).toBe(false);
  });
});
