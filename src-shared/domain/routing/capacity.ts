import { CHANNELS, type Channel } from '../../protocol/channels';
import type { Holding, RoutingAgent } from './types';

const CALL_CHANNELS: readonly Channel[] = ['phone', 'callback'];

function isLiveCall(holding: Holding): boolean {
  return (
    holding.count > 0 &&
    CALL_CHANNELS.includes(holding.channel) &&
    (holding.status === 'active' || holding.status === 'offered')
  );
}

/**
 * What stops an agent from taking any new work, whatever its channel: a call they are on or are
 * being offered (`on_a_call`), or after-contact work on any contact (`in_wrap_up`); else null.
 */
export function blockingHolding(agent: RoutingAgent): 'on_a_call' | 'in_wrap_up' | null {
  if (agent.holdings.some(isLiveCall)) return 'on_a_call';
  if (agent.holdings.some((holding) => holding.count > 0 && holding.status === 'wrap_up'))
    return 'in_wrap_up';
  return null;
}

/**
 * Contacts the agent may still take per channel: capacity minus holdings on that channel, never
 * negative; all zero while a call (phone or callback, offered or active) or a wrap-up is held.
 */
export function freeCapacity(agent: RoutingAgent): Record<Channel, number> {
  const isBlocked = blockingHolding(agent) !== null;
  const held = { phone: 0, email: 0, web: 0, chat: 0, callback: 0 } satisfies Record<Channel, number>;
  for (const holding of agent.holdings) held[holding.channel] += holding.count;
  const free = { ...held };
  for (const channel of CHANNELS) {
    free[channel] = isBlocked ? 0 : Math.max(0, agent.routing.capacity[channel] - held[channel]);
  }
  return free;
}

/**
 * Whether the agent can take one more contact on `channel` now: they are Available or Busy and
 * have free capacity on it (skills, language, tier and team are judged by `assessAgent`).
 */
export function canTake(agent: RoutingAgent, channel: Channel): boolean {
  const isWorking = agent.state === 'available' || agent.state === 'busy';
  return isWorking && freeCapacity(agent)[channel] > 0;
}
