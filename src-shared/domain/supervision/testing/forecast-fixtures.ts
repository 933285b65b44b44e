import type { Channel } from '../../../protocol/channels';
import type { RoutingContact } from '../../routing/types';
import { makeAgent, makeContact, makeQueue, NOW } from '../../routing/testing/routing-fixtures';
import type { HeldContact, QueueAgent, QueueState } from '../queue-state';

export { makeContact, makeQueue, MINUTE, NOW, SECOND } from '../../routing/testing/routing-fixtures';

/** An agent of the routing fixtures (Available, English, team t1, billing 3) holding `work`. */
export function makeQueueAgent(overrides: Partial<QueueAgent> = {}): QueueAgent {
  const { holdings: _holdings, ...agent } = makeAgent({ id: overrides.id ?? 'a1' });
  return { ...agent, work: [], ...overrides };
}

/** A contact the agent got at `since` (active unless told otherwise). */
export function heldContact(
  contact: Partial<RoutingContact>,
  since: number,
  status: HeldContact['status'] = 'active',
): HeldContact {
  return { contact: makeContact(contact), status, since };
}

/** Only this channel, one place: the agent takes one contact of it at a time. */
export const onlyChannel = (channel: Channel, places = 1) => ({
  phone: 0,
  email: 0,
  web: 0,
  chat: 0,
  callback: 0,
  [channel]: places,
});

/** Queue q1 of the fixtures, a call takes 100 s everywhere, at NOW. */
export function makeState(overrides: Partial<QueueState> = {}): QueueState {
  return {
    now: NOW,
    queues: [makeQueue()],
    agents: [],
    contacts: [],
    handleTimes: {
      byQueue: {},
      defaults: { phone: 100, callback: 100, chat: 100, email: 100, web: 100 },
    },
    ...overrides,
  };
}
