import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/database';
import { runRaw } from '../db/raw-sql';
import { Channel } from '../../src-shared/protocol/channels';
import { contacts, queueAlerts, queues, type routingDecisions } from '../db/schema';
import { isOpen } from '../../src-shared/domain/routing/business-hours';
import { planRoutingPass } from '../../src-shared/domain/routing/plan';
import type { PlannedOffer, PlannedWait, RoutingQueue } from '../../src-shared/domain/routing/types';
import type { QueueAlert, RoutingDecision } from '../../src-shared/protocol/contacts';
import { EVENT_TYPES } from '../../src-shared/protocol/sync';
import { contactEvent } from '../features/contacts/contact-events';
import { contactOf, type ContactRow } from '../features/contacts/contact-row';
import { changeContact, offerContacts, type OfferWrite } from '../features/contacts/contacts.repository';
import type { NewEvent, StoredEvent } from '../features/sync/event-log';
import { commitWithEvents } from '../features/sync/log-append';
import { setAlert } from './alerts.repository';
import { noRoutingProfiles, type RoutingProfiles } from './routable-agents';
import { loadRoutingState, loggedInByTeam } from './routing-state';
import { takeRoutingTurn } from './routing-turn';
import { setTimers } from '../features/contacts/contact-timers';

/**
 * Candidates kept per recorded decision, best first: the best-ranked few answer "why me / why not
 * me"; 200 agents' reasons on every decision would make the decision log the biggest table for
 * nothing anyone reads (and the plan builds only these).
 */
const RECORDED_CANDIDATES = 20;

export interface PassResult {
  events: StoredEvent[];
  offers: number;
  waiting: number;
}

/**
 * One routing pass in one transaction: read queued contacts and routable agents, plan (the pure
 * rules in src-shared/domain/routing), write offers with their timeout rows, record why each
 * contact was offered or still waits, raise or clear queue alerts, append the events.
 */
export async function runRoutingPass(
  db: Db,
  now: Date,
  profiles: RoutingProfiles = noRoutingProfiles(),
): Promise<PassResult> {
  // Most kicks find nothing to do (an agent finished, no contact waits): one look, no transaction.
  if (!(await hasPassWork(db))) return { events: [], offers: 0, waiting: 0 };
  const { value, stored } = await commitWithEvents(db, null, async (tx) => {
    // Passes on every node take turns: one plan at a time sees every agent's capacity as it is.
    await takeRoutingTurn(tx);
    if (!(await hasQueuedContacts(tx))) {
      // Nothing to offer and nobody waiting: no plan (and no lock on every agent), only a raised
      // "nobody logged in" alert to clear. A contact queued after this check kicks its own pass.
      const events = await updateNobodyLoggedInAlerts(tx, new Map(), [], now);
      return { value: { offers: 0, waiting: 0 }, events };
    }
    const state = await loadRoutingState(tx, profiles);
    const queuesById = new Map(state.queues.map((q) => [q.id, q]));
    const plan = planRoutingPass({
      contacts: state.contacts,
      queues: state.queues,
      agents: state.agents,
      now: now.getTime(),
      candidateLimit: RECORDED_CANDIDATES,
      isQueueOpen: (queueId) => {
        const queue = queuesById.get(queueId);
        return queue ? isOpen(queue.routing.businessHours, now.getTime()) : false;
      },
    });
    const events: NewEvent[] = [];
    const decisions: DecisionRow[] = [];
    events.push(...(await makeOffers(tx, state.rows, queuesById, plan.offers, now, decisions)));
    for (const wait of plan.waits) {
      const row = state.rows.get(wait.contactId);
      const event = row ? await recordWait(tx, row, wait, now, decisions) : null;
      if (event) events.push(event);
    }
    await insertDecisions(tx, decisions);
    events.push(...(await updateNobodyLoggedInAlerts(tx, state.rows, plan.waits, now)));
    return { value: { offers: plan.offers.length, waiting: plan.waits.length }, events };
  });
  return { ...value, events: stored };
}

/**
 * Whether a pass has anything to do: a contact queued, or a raised "nobody logged in" alert that
 * may need clearing. Unlocked: a contact queued just after kicks its own pass.
 */
const PASS_WORK = {
  name: 'pass_work',
  text: `select exists (select 1 from contacts where status = 'queued')
      or exists (select 1 from queue_alerts where kind = 'nobody_logged_in' and active) as work`,
};

async function hasPassWork(db: Db): Promise<boolean> {
  const [row] = (await runRaw(db, PASS_WORK, [])) as { work?: unknown }[];
  return row?.work === true;
}

/** Whether any contact waits in a queue (unlocked: the pass claims them with SKIP LOCKED after). */
async function hasQueuedContacts(tx: Tx): Promise<boolean> {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(eq(contacts.status, 'queued'))
    .limit(1);
  return row !== undefined;
}

/** The pass's offers, each with its timeout row, in a statement each for all of them. */
async function makeOffers(
  tx: Tx,
  rows: Map<string, ContactRow>,
  queuesById: Map<string, RoutingQueue>,
  offers: PlannedOffer[],
  now: Date,
  decisions: DecisionRow[],
): Promise<NewEvent[]> {
  const writes: { row: ContactRow; offer: OfferWrite }[] = [];
  for (const offer of offers) {
    const row = rows.get(offer.contactId);
    const queue = row && queuesById.get(row.queueId);
    if (!row || !queue) continue;
    const timeoutS = queue.routing.offerTimeouts[Channel.catch('phone').parse(row.channel)];
    writes.push({
      row,
      offer: {
        id: row.id,
        agentId: offer.agentId,
        offerExpiresAt: new Date(now.getTime() + timeoutS * 1000),
        priority: offer.priority.score,
        overflowLevel: offer.overflowLevel,
        reasons: offer.reasons,
      },
    });
    decisions.push(decisionOf(row.id, now, offer.overflowLevel > 0 ? 'overflowed' : 'offered', offer));
  }
  const offered = await offerContacts(tx, writes);
  await setTimers(
    tx,
    'offer_timeout',
    offered.map((row) => ({ contactId: row.id, dueAt: row.offerExpiresAt ?? now })),
  );
  return offered.map((row) => contactEvent(contactOf(row)));
}

/** A waiting contact is written (and pushed) only when why it waits changed, not every second. */
async function recordWait(
  tx: Tx,
  row: ContactRow,
  wait: PlannedWait,
  now: Date,
  decisions: DecisionRow[],
): Promise<NewEvent | null> {
  const sameReasons = row.reasons.join() === wait.reasons.join();
  const nextFreeAt = wait.nextFreeAt == null ? null : new Date(wait.nextFreeAt);
  const sameNextFree = (row.nextFreeAt?.getTime() ?? null) === (nextFreeAt?.getTime() ?? null);
  if (sameReasons && sameNextFree && row.overflowLevel === wait.overflowLevel) return null;
  const next = await changeContact(tx, row, {
    priority: wait.priority.score,
    overflowLevel: wait.overflowLevel,
    reasons: wait.reasons,
    nextFreeAt,
  });
  const outcome = wait.overflowLevel > row.overflowLevel ? 'overflowed' : 'waiting';
  decisions.push(decisionOf(row.id, now, outcome, { ...wait, agentId: null }));
  return contactEvent(contactOf(next));
}

type DecisionRow = typeof routingDecisions.$inferInsert;

function decisionOf(
  contactId: string,
  at: Date,
  outcome: RoutingDecision['outcome'],
  decision: Pick<PlannedOffer, 'reasons' | 'priority' | 'candidates'> & { agentId: string | null },
): DecisionRow {
  return {
    id: randomUUID(),
    contactId,
    at,
    outcome,
    agentId: decision.agentId,
    reasons: decision.reasons,
    priority: decision.priority.score,
    candidates: decision.candidates,
  };
}

/** A pass's decisions in one statement (hand-written: up to thousands of rows with JSON). */
const INSERT_DECISIONS = {
  name: 'insert_decisions',
  text: `insert into routing_decisions (id, contact_id, at, outcome, agent_id, reasons, priority, candidates)
    select d.id, d."contactId", d.at, d.outcome, d."agentId", d.reasons, d.priority, d.candidates
    from jsonb_to_recordset($1::jsonb) as d(id text, "contactId" text, at timestamptz, outcome text,
      "agentId" text, reasons text[], priority double precision, candidates jsonb)`,
};

async function insertDecisions(tx: Tx, rows: DecisionRow[]): Promise<void> {
  if (rows.length > 0) await runRaw(tx, INSERT_DECISIONS, [JSON.stringify(rows)]);
}

/**
 * A queue with contacts waiting and nobody of its team logged in: supervisors hear of it now; the
 * alert clears when the queue empties or someone signs in. Only alerts that change are written.
 */
async function updateNobodyLoggedInAlerts(
  tx: Tx,
  rows: Map<string, ContactRow>,
  waits: PlannedWait[],
  now: Date,
): Promise<NewEvent[]> {
  const waitingByQueue = new Map<string, number>();
  for (const wait of waits) {
    const queueId = rows.get(wait.contactId)?.queueId;
    if (queueId) waitingByQueue.set(queueId, (waitingByQueue.get(queueId) ?? 0) + 1);
  }
  const raised = await tx
    .select({ queueId: queueAlerts.queueId })
    .from(queueAlerts)
    .where(and(eq(queueAlerts.kind, 'nobody_logged_in'), eq(queueAlerts.active, true)));
  if (raised.length === 0 && waitingByQueue.size === 0) return [];
  const raisedIds = new Set(raised.flatMap((r) => (r.queueId === null ? [] : [r.queueId])));
  const loggedIn = await loggedInByTeam(tx);
  const teamOf = new Map(
    (await tx.select({ id: queues.id, teamId: queues.teamId }).from(queues)).map((q) => [q.id, q.teamId]),
  );
  const events: NewEvent[] = [];
  for (const queueId of new Set([...raisedIds, ...waitingByQueue.keys()])) {
    const waiting = waitingByQueue.get(queueId) ?? 0;
    const teamId = teamOf.get(queueId);
    const nobody = teamId === undefined || !loggedIn.get(teamId);
    const raise = waiting > 0 && nobody;
    if (raise === raisedIds.has(queueId)) continue;
    const alert = await setAlert(tx, queueId, 'nobody_logged_in', raise, waiting, now);
    if (alert) events.push(alertEvent(alert));
  }
  return events;
}

function alertEvent(alert: QueueAlert): NewEvent {
  return {
    type: EVENT_TYPES.alertChanged,
    entityKind: 'alert',
    entityId: alert.id,
    entityVersion: alert.version,
    payload: alert,
    audience: { queues: alert.queueId === null ? [] : [alert.queueId], roles: ['supervisor', 'admin'] },
  };
}
