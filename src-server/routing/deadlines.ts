import type { Db, Tx } from '../db/database';
import { agentStateEvent } from '../features/agents/agent-state';
import { lockAgent } from '../features/agents/agents.repository';
import { countMissedOffer } from '../features/agents/missed-offer';
import { contactEvent } from '../features/contacts/contact-events';
import { contactOf } from '../features/contacts/contact-row';
import { returnToQueue } from '../features/contacts/contact-transitions';
import { changeContact, lockContact } from '../features/contacts/contacts.repository';
import type { NewEvent, StoredEvent } from '../features/sync/event-log';
import { commitWithEvents } from '../features/sync/log-append';
import { chooseAgentState, settleAgent } from '../features/agents/agent-work';
import { takeRoutingTurn } from './routing-turn';
import { returnHeldWork } from './held-work';
import { claimEndedGracePeriods, isConsoleGone } from './presence.repository';
import { claimDueTimers } from '../features/contacts/contact-timers';
import { releaseDueEvaluations } from '../features/coaching/release-timers';
import { registeredSweeps, registeredTimerHandler } from './deadline-owners';

const BATCH = 200;

/**
 * Fires due deadlines in one transaction: agents whose consoles stayed away past the grace period
 * leave routing; offers that timed out go back to their queue (the
 * agent's missed count grows; at the limit they are set Away "missed"), wrap-ups past their
 * maximum close, callbacks whose time has come join their queue, chats whose visitor did not
 * come back are abandoned, cases whose escalation step fell due escalate, and the supervisor's
 * alerts are raised or cleared when the log moved or their deadline fell due. Rows are claimed with SKIP
 * LOCKED, so every deadline fires once across all nodes, and none is lost to a restart.
 */
export async function fireDueDeadlines(db: Db, now: Date): Promise<StoredEvent[]> {
  const { stored } = await commitWithEvents(db, null, async (tx) => {
    await takeRoutingTurn(tx);
    const events: NewEvent[] = [];
    for (const userId of await claimEndedGracePeriods(tx, now, BATCH)) {
      events.push(...(await consoleGone(tx, userId, now)));
    }
    const due = await claimDueTimers(tx, now, BATCH);
    for (const timer of due) {
      if (timer.kind === 'offer_timeout') events.push(...(await offerTimedOut(tx, timer.contactId, now)));
      else if (timer.kind === 'wrap_up_due') events.push(...(await wrapUpTimedOut(tx, timer.contactId, now)));
      else if (timer.kind === 'callback_due') events.push(...(await callbackDue(tx, timer.contactId, now)));
      else {
        const owned = registeredTimerHandler(timer.kind);
        if (owned) events.push(...(await owned(tx, timer.contactId, now)));
      }
    }
    events.push(...(await releaseDueEvaluations(tx, now, BATCH)));
    for (const sweep of registeredSweeps()) events.push(...(await sweep(tx, now, BATCH)));
    return { value: null, events };
  });
  return stored;
}

async function offerTimedOut(tx: Tx, contactId: string, now: Date): Promise<NewEvent[]> {
  const row = await lockContact(tx, contactId);
  if (!row || row.status !== 'offered' || !row.agentId) return [];
  const agentId = row.agentId;
  const back = await returnToQueue(tx, row, agentId);
  const events = [contactEvent(contactOf(back), { users: [agentId] })];
  // An offer to a console that is gone is not the agent's miss (they may be on their way back).
  if (await isConsoleGone(tx, agentId)) return events;
  return [...events, ...(await countMissedOffer(tx, agentId, now))];
}

/**
 * The agent's consoles stayed away for the whole grace period: they leave routing (Offline,
 * reason "disconnected"); what they were offered goes back to its queue, not counted as missed,
 * and so do the emails, forms and chats they were working (`returnHeldWork`). A live call stays
 * on their phone — the phone system owns it — and the board shows them Offline "disconnected"
 * with the call as their work, for a supervisor to act on.
 */
async function consoleGone(tx: Tx, userId: string, now: Date): Promise<NewEvent[]> {
  const agent = await lockAgent(tx, userId);
  if (!agent || agent.state === 'offline') return [];
  const returned = await returnHeldWork(tx, userId, now);
  const gone = await chooseAgentState(tx, agent, { state: 'offline', reasonCode: 'disconnected' }, now);
  return [...returned, ...gone.contactEvents, agentStateEvent(gone.agent)];
}

async function wrapUpTimedOut(tx: Tx, contactId: string, now: Date): Promise<NewEvent[]> {
  const row = await lockContact(tx, contactId);
  if (!row || row.status !== 'wrap_up' || !row.agentId) return [];
  const closed = await changeContact(tx, row, { status: 'closed', wrapUpEndedAt: now, wrapUpDueAt: null });
  return [contactEvent(contactOf(closed)), ...(await settleAgent(tx, row.agentId, now))];
}

async function callbackDue(tx: Tx, contactId: string, now: Date): Promise<NewEvent[]> {
  const row = await lockContact(tx, contactId);
  if (!row || row.status !== 'scheduled') return [];
  const queued = await changeContact(tx, row, { status: 'queued', queuedAt: now });
  return [contactEvent(contactOf(queued))];
}
