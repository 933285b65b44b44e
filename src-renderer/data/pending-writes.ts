import {
  COMMAND_TYPES,
  CompleteWrapUpPayload,
  SetAgentStatePayload,
} from '../../src-shared/protocol/commands';
import { newOutboxEntry } from '../../src-shared/domain/outbox';
import { Contact } from '../../src-shared/protocol/contacts';
import { Agent } from '../../src-shared/protocol/entities';
import { db } from './db';
import { newId } from './new-id';
import { applyAgentAnswer, applyContactAnswer } from './sync-repository';

/**
 * A write made while offline that is not a row of its own (a wrap-up, an agent state request):
 * what the console shows as "pending" until the outbox entry of the same command id is sent.
 */
export type PendingWrite =
  | { commandId: string; kind: 'wrap-up'; targetId: string; payload: CompleteWrapUpPayload; at: number }
  | { commandId: string; kind: 'agent-state'; targetId: string; payload: SetAgentStatePayload; at: number };

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

async function queue(write: PendingWrite, type: string): Promise<PendingWrite> {
  await db.transaction('rw', [db.pendingWrites, db.outbox], async () => {
    const earlier = await pendingWritesFor(write.kind, write.targetId);
    for (const old of earlier) {
      // Only a request that has not been sent yet may be replaced; a sent one stays in order.
      const entry = await db.outbox.get(old.commandId);
      if (entry && entry.attempts === 0 && write.kind === 'agent-state') {
        await db.outbox.delete(old.commandId);
        await db.pendingWrites.delete(old.commandId);
      }
    }
    await db.pendingWrites.add(write);
    await db.outbox.add(
      newOutboxEntry({ commandId: write.commandId, type, payload: write.payload }, write.at),
    );
  });
  return write;
}

function pendingWritesFor(kind: PendingKind, targetId: string): Promise<PendingWrite[]> {
  return db.pendingWrites.where('[kind+targetId]').equals([kind, targetId]).sortBy('at');
}

/**
 * The server accepted the command: its pending row goes, its answer replaces the cached entity.
 * Call inside the transaction that removes the outbox entry (tables: pendingWrites, contacts, agents).
 */
export async function settlePendingWrite(commandId: string, answer: unknown): Promise<void> {
  const write = await db.pendingWrites.get(commandId);
  if (!write) return;
  await db.pendingWrites.delete(commandId);
  const contact = Contact.safeParse(answer);
  if (write.kind === 'wrap-up' && contact.success) await applyContactAnswer(contact.data);
  const agent = Agent.safeParse(answer);
  if (write.kind === 'agent-state' && agent.success) await applyAgentAnswer(agent.data);
}

/** The latest write waiting for this target, if any (for the "pending" marker). */
export async function latestPendingWrite(
  kind: PendingKind,
  targetId: string,
): Promise<PendingWrite | undefined> {
  return (await pendingWritesFor(kind, targetId)).at(-1);
}
