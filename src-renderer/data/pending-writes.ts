import {
  COMMAND_TYPES,
  CompleteWrapUpPayload,
  SetAgentStatePayload,
  SetCaseStatusPayload,
} from '../../src-shared/protocol/commands';
import { newOutboxEntry } from '../../src-shared/domain/outbox';
import { Contact } from '../../src-shared/protocol/contacts';
import { Agent, CaseSummary } from '../../src-shared/protocol/entities';
import { db } from './db';
import { newId } from './new-id';
import { applyAgentAnswer, applyCaseAnswer, applyContactAnswer } from './sync-repository';

/**
 * A write made while offline that is not a row of its own (a wrap-up, an agent state request):
 * what the console shows as "pending" until the outbox entry of the same command id is sent.
 */
export type PendingWrite =
  | { commandId: string; kind: 'wrap-up'; targetId: string; payload: CompleteWrapUpPayload; at: number }
  | { commandId: string; kind: 'agent-state'; targetId: string; payload: SetAgentStatePayload; at: number }
  | { commandId: string; kind: 'case-status'; targetId: string; payload: SetCaseStatusPayload; at: number };

export type PendingKind = PendingWrite['kind'];

/** Queues completing a contact's wrap-up: the pending row and its outbox entry in one transaction. */
export async function queueWrapUp(input: unknown, now = Date.now()): Promise<PendingWrite> {
  const payload = CompleteWrapUpPayload.parse(input);
  return queue(
    { commandId: newId(), kind: 'wrap-up', targetId: payload.contactId, payload, at: now },
    COMMAND_TYPES.completeWrapUp,
  );
}

/** Queues the agent's own state request, replacing one still waiting (the latest choice wins). */
export async function queueAgentState(
  agentId: string,
  input: unknown,
  now = Date.now(),
): Promise<PendingWrite> {
  const payload = SetAgentStatePayload.parse(input);
  return queue(
    { commandId: newId(), kind: 'agent-state', targetId: agentId, payload, at: now },
    COMMAND_TYPES.setAgentState,
  );
}

/**
 * Queues a case status change made on the version of the case this console has: the server
 * applies it only if the case is still at that version, else answers a conflict for the person.
 */
export async function queueCaseStatus(
  seen: { id: string; version: number },
  input: unknown,
  now = Date.now(),
): Promise<PendingWrite> {
  const payload = SetCaseStatusPayload.parse(input);
  return queue(
    { commandId: newId(), kind: 'case-status', targetId: seen.id, payload, at: now },
    COMMAND_TYPES.setCaseStatus,
    seen.version,
  );
}

/** Kinds where the latest choice replaces an earlier one not yet sent (wrap-ups all go). */
const LATEST_WINS: ReadonlySet<PendingKind> = new Set(['agent-state', 'case-status']);

async function queue(write: PendingWrite, type: string, expectedVersion?: number): Promise<PendingWrite> {
  await db.transaction('rw', [db.pendingWrites, db.outbox], async () => {
    const earlier = await pendingWritesFor(write.kind, write.targetId);
    for (const old of earlier) {
      // Only a request that has not been sent yet may be replaced; a sent one stays in order.
      const entry = await db.outbox.get(old.commandId);
      if (entry && entry.attempts === 0 && LATEST_WINS.has(write.kind)) {
        await db.outbox.delete(old.commandId);
        await db.pendingWrites.delete(old.commandId);
      }
    }
    await db.pendingWrites.add(write);
    const command = { commandId: write.commandId, type, payload: write.payload };
    await db.outbox.add(
      newOutboxEntry(expectedVersion === undefined ? command : { ...command, expectedVersion }, write.at),
    );
  });
  return write;
}

function pendingWritesFor(kind: PendingKind, targetId: string): Promise<PendingWrite[]> {
  return db.pendingWrites.where('[kind+targetId]').equals([kind, targetId]).sortBy('at');
}

/**
 * The server accepted the command: its pending row goes, its answer replaces the cached entity.
 * Call inside the transaction that removes the outbox entry (tables: pendingWrites, contacts,
 * agents, cases).
 */
export async function settlePendingWrite(commandId: string, answer: unknown): Promise<void> {
  const write = await db.pendingWrites.get(commandId);
  if (!write) return;
  await db.pendingWrites.delete(commandId);
  const contact = Contact.safeParse(answer);
  if (write.kind === 'wrap-up' && contact.success) await applyContactAnswer(contact.data);
  const agent = Agent.safeParse(answer);
  if (write.kind === 'agent-state' && agent.success) await applyAgentAnswer(agent.data);
  const kase = CaseSummary.safeParse(answer);
  if (write.kind === 'case-status' && kase.success) await applyCaseAnswer(kase.data);
}

/** The latest write waiting for this target, if any (for the "pending" marker). */
export async function latestPendingWrite(
  kind: PendingKind,
  targetId: string,
): Promise<PendingWrite | undefined> {
  return (await pendingWritesFor(kind, targetId)).at(-1);
}
