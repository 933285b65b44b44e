// Reading a race's outcome from the database (read-only SQL), for race.test.ts.
import type pg from 'pg';
import { expect } from 'vitest';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { CLEAR_REFUSAL, HOLDING, LoggedContact, NOT_YOURS, PHONE_CAPACITY, type Race } from './race-floor';

// ---------------------------------------------------------------------------------------------
// Reading the outcome from the database (read-only SQL).

export async function statusCounts(db: pg.Client): Promise<Map<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from contacts group by status',
  );
  return new Map(rows.map((r) => [r.status, r.n]));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds; on time-out the error says what was last seen. */
export async function pollUntil(check: () => Promise<true | string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await check();
    if (outcome === true) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${outcome}`);
    await sleep(50);
  }
}

export const closedAtLeast = (db: pg.Client, count: number) => async () => {
  const counts = await statusCounts(db);
  return (
    (counts.get('closed') ?? 0) >= count || `${count} closed wanted, have ${JSON.stringify([...counts])}`
  );
};

export const offeredToAtLeast = (db: pg.Client, agentIds: Set<string>, count: number) => async () => {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from contacts where status = 'offered' and agent_id = any($1)",
    [[...agentIds]],
  );
  return (rows[0]?.n ?? 0) >= count || `${count} offers open to the victim's agents wanted`;
};

export const latestSyncId = async (db: pg.Client) =>
  Number((await db.query<{ id: string | null }>('select max(sync_id) as id from events')).rows[0]?.id ?? 0);

export interface LoggedChange {
  syncId: number;
  actorId: string | null;
  before: LoggedContact | undefined;
  after: LoggedContact;
}

/**
 * Replays every contact change in log order and checks, at every step, that each agent holds at
 * most their capacity and that only the agent a contact was offered to ever made it active.
 */
export async function replayContactLog(db: pg.Client) {
  const { rows } = await db.query<{ sync_id: string; actor_id: string | null; payload: unknown }>(
    "select sync_id, actor_id, payload from events where type = 'contact.changed' order by sync_id",
  );
  const current = new Map<string, LoggedContact>();
  const heldBy = new Map<string, Set<string>>();
  const changes: LoggedChange[] = [];
  const violations: string[] = [];
  const acceptsTakingEffect = new Map<string, number>();
  for (const row of rows) {
    const after = LoggedContact.parse(row.payload);
    const before = current.get(after.id);
    const at = `sync ${row.sync_id} contact ${after.id}`;
    if (before && after.version <= before.version) violations.push(`${at}: version went back`);
    if (before?.agentId) heldBy.get(before.agentId)?.delete(after.id);
    if (after.agentId && HOLDING.has(after.status)) {
      const held = heldBy.get(after.agentId) ?? new Set();
      held.add(after.id);
      heldBy.set(after.agentId, held);
      if (held.size > PHONE_CAPACITY)
        violations.push(`${at}: ${after.agentId} holds ${[...held].join(', ')}`);
    }
    if (after.status === 'active' && before?.status !== 'active') {
      if (before?.status !== 'offered' || before.agentId !== after.agentId) {
        violations.push(`${at}: became active for ${after.agentId} without being offered to them`);
      }
      acceptsTakingEffect.set(after.id, (acceptsTakingEffect.get(after.id) ?? 0) + 1);
    }
    current.set(after.id, after);
    changes.push({ syncId: Number(row.sync_id), actorId: row.actor_id, before, after });
  }
  return { changes, violations, acceptsTakingEffect };
}

export interface OfferSpan {
  offer: LoggedChange;
  /** The change that ended the offer (accepted, timed out…); none while it is still open. */
  end: LoggedChange | undefined;
}

/** Each offer in the log, with the change that ended it. */
export function offerSpans(changes: LoggedChange[]): OfferSpan[] {
  const spans: OfferSpan[] = [];
  const open = new Map<string, OfferSpan>();
  for (const change of changes) {
    const span = open.get(change.after.id);
    if (span) span.end = change;
    open.delete(change.after.id);
    if (change.after.status !== 'offered') continue;
    const next = { offer: change, end: undefined };
    spans.push(next);
    open.set(change.after.id, next);
  }
  return spans;
}

/** The checks both races end with: nothing lost, nothing doubled, one holder, clear refusals. */
export async function expectOneHolderEach(db: pg.Client, race: Race): Promise<LoggedChange[]> {
  const { rows: contacts } = await db.query<{ id: string; status: string; agent_id: string | null }>(
    'select id, status, agent_id from contacts',
  );
  const raceContacts = contacts.filter((c) => race.contactIds.includes(c.id));
  expect(raceContacts.map((c) => c.id).sort()).toEqual([...race.contactIds].sort());
  expect(raceContacts.filter((c) => c.status !== 'closed' || !c.agent_id)).toEqual([]);

  const { rows: applied } = await db.query<{ contact_id: string; n: number }>(
    `select result->'entity'->>'id' as contact_id, count(*)::int as n from applied_commands
     where type = $1 group by 1`,
    [COMMAND_TYPES.acceptContact],
  );
  expect(applied.filter((a) => a.n !== 1)).toEqual([]);
  expect(applied.length).toBe(race.contactIds.length);

  const log = await replayContactLog(db);
  expect(log.violations).toEqual([]);
  expect(race.contactIds.filter((id) => log.acceptsTakingEffect.get(id) !== 1)).toEqual([]);

  const byContact = new Map<string, Set<string>>();
  for (const { contactId, agentId, answer } of race.attempts) {
    if (!answer.ok) continue;
    byContact.set(contactId, new Set([...(byContact.get(contactId) ?? []), agentId]));
  }
  const finalHolder = new Map(raceContacts.map((c) => [c.id, c.agent_id]));
  const acceptedBy = [...byContact].map(([contactId, agents]) => [contactId, [...agents]] as const);
  expect(
    acceptedBy.filter(([id, agents]) => agents.length !== 1 || agents[0] !== finalHolder.get(id)),
  ).toEqual([]);

  const forOthers = race.attempts.filter((a) => a.offeredTo !== a.agentId);
  expect(forOthers.length).toBeGreaterThan(race.contactIds.length);
  expect(forOthers.filter(({ answer }) => answer.ok || !NOT_YOURS.test(answer.error.message))).toEqual([]);
  const refusals = race.attempts.flatMap(({ answer }) => (answer.ok ? [] : [answer.error]));
  expect(refusals.filter((e) => e.code !== 'conflict' || !CLEAR_REFUSAL.test(e.message))).toEqual([]);
  expect(race.problems).toEqual([]);
  return log.changes;
}
