import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import {
  newOutboxEntry,
  nextToSend,
  outcomeOfError,
  transition,
  type OutboxEntry,
  type SendOutcome,
} from '../../../src-shared/domain/outbox';
import { ApiError } from '../../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';

/** How long a send waits for its ack before it counts as unanswered (the console waits 10 s). */
const ACK_TIMEOUT_MS = 3_000;

/** A console's outbox after time offline: `count` notes on one case, in the order they were written. */
export function offlineNotes(caseId: string, count: number, createdFrom = 1_000): OutboxEntry[] {
  return Array.from({ length: count }, (_, i) =>
    newOutboxEntry(
      {
        commandId: randomUUID(),
        type: 'case:add-note',
        payload: { caseId, noteId: randomUUID(), body: `Offline note ${i + 1}`, visibility: 'internal' },
      },
      createdFrom + i,
    ),
  );
}

export const noteIdOf = (entry: OutboxEntry) => (entry.payload as { noteId: string }).noteId;

/**
 * Drains an in-memory outbox over a real socket with the console's own rules
 * (`src-shared/domain/outbox`): one entry at a time, in order, a silent attempt retried later
 * under the same command id, refusals and conflicts left for the person. Stops when nothing is
 * left to send or the link is gone; `onAcknowledged` hears each entry the server accepted.
 */
export async function drainOutbox(
  socket: Socket,
  outbox: OutboxEntry[],
  onAcknowledged: (entry: OutboxEntry) => void,
): Promise<void> {
  while (socket.connected) {
    const next = nextToSend(outbox, Date.now());
    if (!next) return;
    if (next.waitMs > 0) await new Promise((r) => setTimeout(r, next.waitMs));
    const { entry } = next;
    const step = transition(entry, await send(socket, entry), Date.now());
    const at = outbox.findIndex((e) => e.commandId === entry.commandId);
    if (step.action === 'update') {
      outbox[at] = step.entry;
      continue;
    }
    outbox.splice(at, 1);
    onAcknowledged(entry);
  }
}

async function send(socket: Socket, entry: OutboxEntry): Promise<SendOutcome> {
  let ack: unknown;
  try {
    ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(SOCKET_EVENTS.command, {
      commandId: entry.commandId,
      type: entry.type,
      payload: entry.payload,
      ...(entry.expectedVersion === undefined ? {} : { expectedVersion: entry.expectedVersion }),
    });
  } catch {
    return { kind: 'no-answer' };
  }
  if (typeof ack === 'object' && ack !== null && 'ok' in ack && ack.ok === true) return { kind: 'accepted' };
  const error = ApiError.safeParse((ack as { error?: unknown } | null)?.error);
  return outcomeOfError(error.success ? error.data : undefined);
}
