import { z } from 'zod';
import { COMMAND_TYPES, type CommandType } from '../../src-shared/protocol/commands';
import { Note } from '../../src-shared/protocol/entities';
import { db } from './db';
import { settlePendingWrite } from './pending-writes';
import { putServerNote } from './sync-repository';

/** What the outbox hands a kind: the entry as stored. */
interface Written {
  commandId: string;
  type: string;
  payload: unknown;
}

/**
 * What one kind of command wrote beside its outbox entry (its optimistic row), and what becomes
 * of that row when the server accepts the command or the person gives it up. Each runs inside
 * the outbox's transaction, whose scope is `OPTIMISTIC_TABLES`.
 */
interface OptimisticRow {
  /** The server accepted the command and answered with its entity. */
  accepted(entry: Written, answer: unknown): Promise<void>;
  /** The person gave the write up: its optimistic row goes. */
  discarded(entry: Written): Promise<void>;
}

const MessageIdPayload = z.object({ messageId: z.string() });

/** The optimistic message an outbound message command wrote (the id is the payload's). */
function messageIdIn(entry: Written): string | null {
  const parsed = MessageIdPayload.safeParse(entry.payload);
  return parsed.success ? parsed.data.messageId : null;
}

/** A note, shown "unsent" until accepted; the server's note replaces it. */
const note: OptimisticRow = {
  async accepted(entry, answer) {
    const parsed = Note.safeParse(answer);
    if (parsed.success) await putServerNote(parsed.data);
    else await db.notes.where('pendingCommandId').equals(entry.commandId).modify({ pending: 0 });
  },
  async discarded(entry) {
    await db.notes.where('pendingCommandId').equals(entry.commandId).delete();
  },
};

/** An outbound message (email reply, chat line), shown "Queued"; the server's message.added replaces it. */
const outboundMessage: OptimisticRow = {
  async accepted() {},
  async discarded(entry) {
    const messageId = messageIdIn(entry);
    if (messageId) await db.messages.delete(messageId);
  },
};

/** A pending write (wrap-up, agent state, case status): the marker goes, the server's answer replaces the entity. */
const pendingWrite: OptimisticRow = {
  accepted: (entry, answer) => settlePendingWrite(entry.commandId, answer),
  async discarded(entry) {
    await db.pendingWrites.delete(entry.commandId);
  },
};

/** Every command a console queues with an optimistic row; the others (coaching drafts) keep theirs as they are. */
const OPTIMISTIC_ROWS: Partial<Record<string, OptimisticRow>> = {
  [COMMAND_TYPES.addNote]: note,
  [COMMAND_TYPES.reply]: outboundMessage,
  [COMMAND_TYPES.chatSend]: outboundMessage,
  [COMMAND_TYPES.completeWrapUp]: pendingWrite,
  [COMMAND_TYPES.setAgentState]: pendingWrite,
  [COMMAND_TYPES.setCaseStatus]: pendingWrite,
} satisfies { readonly [K in CommandType]?: OptimisticRow };

/** The tables an optimistic row may touch: the outbox's transactions take them all. */
export const OPTIMISTIC_TABLES = [db.notes, db.messages, db.pendingWrites, db.contacts, db.agents, db.cases];

const rowOf = (entry: Written): OptimisticRow | undefined => OPTIMISTIC_ROWS[entry.type];

/** The server accepted `entry`: its kind's optimistic row takes the answer (call in the outbox's transaction). */
export async function optimisticRowAccepted(entry: Written, answer: unknown): Promise<void> {
  await rowOf(entry)?.accepted(entry, answer);
}

/** The person gave `entry` up: its kind's optimistic row goes (call in the outbox's transaction). */
export async function optimisticRowDiscarded(entry: Written): Promise<void> {
  await rowOf(entry)?.discarded(entry);
}

/** The optimistic message an outbox entry wrote, if it sends one (to show its problem beside it). */
export function outboundMessageIdOf(entry: Written): string | null {
  return rowOf(entry) === outboundMessage ? messageIdIn(entry) : null;
}
