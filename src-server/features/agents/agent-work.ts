import type { Tx } from '../../db/database';
import type { Agent, AgentState } from '../../../src-shared/protocol/entities';
import { agentStateEvent, changeAgentState } from './agent-state';
import { lockAgentAtWork } from './agents.repository';
import { contactEvent } from '../contacts/contact-events';
import { contactOf, type ContactRow } from '../contacts/contact-row';
import { returnToQueue } from '../contacts/contact-transitions';
import { changeContact, workOf } from '../contacts/contacts.repository';
import { clearTimers } from '../contacts/contact-timers';
import type { NewEvent } from '../sync/event-log';

/** The state work puts an agent in: on a contact → Busy, only after-contact work → Wrap-up. */
function workingState(statuses: string[]): AgentState | null {
  if (statuses.includes('active')) return 'busy';
  if (statuses.includes('wrap_up')) return 'wrap_up';
  return null;
}

const ROUTABLE: ReadonlySet<AgentState> = new Set(['available', 'busy', 'wrap_up']);

/**
 * The agent asks for Available, Away or Offline. Available while holding work means Busy or
 * Wrap-up (the work decides); leaving routing withdraws offers not yet accepted, which go back
 * to their queues at once. Choosing Available also clears the missed-offers count.
 */
export async function chooseAgentState(
  tx: Tx,
  agent: Agent,
  requested: { state: AgentState; reasonCode: string | null; missedOffers?: number },
  now: Date,
): Promise<{ agent: Agent; contactEvents: NewEvent[] }> {
  const work = await workOf(tx, agent.id);
  const contactEvents: NewEvent[] = [];
  if (requested.state !== 'available') {
    for (const offered of work.filter((c) => c.status === 'offered')) {
      const back = await returnToQueue(tx, offered, null);
      contactEvents.push(contactEvent(contactOf(back), { users: [agent.id] }));
    }
  }
  const held = work.map((c) => c.status);
  const state = requested.state === 'available' ? (workingState(held) ?? 'available') : requested.state;
  const becomesIdle = state === 'available' && agent.state !== 'available';
  const next = await changeAgentState(
    tx,
    agent,
    {
      state,
      reasonCode: requested.reasonCode,
      ...(requested.state === 'available' ? { missedOffers: 0 } : {}),
      ...(requested.missedOffers === undefined ? {} : { missedOffers: requested.missedOffers }),
      ...(becomesIdle ? { idleSince: now } : {}),
    },
    now,
  );
  return { agent: next, contactEvents };
}

/**
 * The customer left before anyone took the contact (hung up, closed the chat, went quiet): it is
 * abandoned, its pending deadlines are dropped, and an agent it was offered to is freed. The caller
 * checks that it was still waiting (queued, scheduled or offered).
 */
export async function abandonWaiting(
  tx: Tx,
  row: ContactRow,
  now: Date,
  changes: { heldAt?: null } = {},
): Promise<{ row: ContactRow; events: NewEvent[]; kickRouting: boolean }> {
  await clearTimers(tx, row.id, ['offer_timeout', 'callback_due', 'visitor_gone']);
  const next = await changeContact(tx, row, {
    ...changes,
    status: 'abandoned',
    agentId: null,
    offerExpiresAt: null,
    endedAt: now,
  });
  const offeredTo = row.agentId ? [row.agentId] : [];
  const agentEvents = row.agentId ? await settleAgent(tx, row.agentId, now) : [];
  return {
    row: next,
    events: [contactEvent(contactOf(next), { users: offeredTo }), ...agentEvents],
    kickRouting: offeredTo.length > 0,
  };
}

/**
 * After the agent's work changed (accepted, ended, wrapped up): a routable agent's state follows
 * the work — Busy, Wrap-up, or Available again (idle from now). Away and Offline stay as chosen.
 * Returns the agent's event when the state changed.
 */
export async function settleAgent(tx: Tx, agentId: string, now: Date): Promise<NewEvent[]> {
  const locked = await lockAgentAtWork(tx, agentId);
  if (!locked || !ROUTABLE.has(locked.agent.state)) return [];
  const { agent, openWork } = locked;
  const state = workingState(openWork) ?? 'available';
  if (state === agent.state) return [];
  const next = await changeAgentState(
    tx,
    agent,
    { state, reasonCode: null, ...(state === 'available' ? { idleSince: now } : {}) },
    now,
  );
  return [agentStateEvent(next)];
}
