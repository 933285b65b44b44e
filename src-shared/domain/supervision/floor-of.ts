import type { Contact } from '../../protocol/contacts';
import type { Agent, Queue } from '../../protocol/entities';
import type { Floor, FloorAgent, FloorWork } from './floor';

const HELD = new Set<Contact['status']>(['offered', 'active', 'wrap_up']);

/** When the holder got the contact, and when it entered its current status (best the rows know). */
function workOf(contact: Contact): FloorWork {
  const since = Date.parse(contact.answeredAt ?? contact.queuedAt);
  const statusSince = contact.status === 'wrap_up' && contact.endedAt ? Date.parse(contact.endedAt) : since;
  return {
    contactId: contact.id,
    queueId: contact.queueId,
    channel: contact.channel,
    status: contact.status as FloorWork['status'],
    since,
    statusSince,
  };
}

/**
 * The floor from protocol rows, for the shared board figures and the alert rules
 * (docs/SUPERVISION.md): agents who count (agent role, not disabled) with the work they hold,
 * queues, and contacts waiting. The console passes its cache, the server its rows as the protocol
 * shows them, so both read the same floor.
 */
export function floorOf(
  agents: readonly Agent[],
  queues: readonly Queue[],
  contacts: readonly Contact[],
  now: number,
): Floor {
  const workByAgent = new Map<string, FloorWork[]>();
  const waiting: Floor['waiting'] = [];
  for (const contact of contacts) {
    if (contact.status === 'queued') {
      waiting.push({
        id: contact.id,
        queueId: contact.queueId,
        channel: contact.channel,
        queuedAt: Date.parse(contact.queuedAt),
      });
    } else if (HELD.has(contact.status) && contact.agentId) {
      const list = workByAgent.get(contact.agentId) ?? [];
      list.push(workOf(contact));
      workByAgent.set(contact.agentId, list);
    }
  }
  const floorAgents: FloorAgent[] = agents
    .filter((a) => a.roles.includes('agent') && !a.disabled)
    .map((a) => ({
      id: a.id,
      teamId: a.teamId,
      state: a.state,
      reasonCode: a.reasonCode,
      stateSince: Date.parse(a.stateSince),
      missedOffers: a.missedOffers,
      work: workByAgent.get(a.id) ?? [],
    }));
  return {
    now,
    queues: queues.map((q) => ({ id: q.id, teamId: q.teamId, channels: q.channels, routing: q.routing })),
    agents: floorAgents,
    waiting,
  };
}
