import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { chatConversations, contacts, messages } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { ChatStart, VisitorChatLine } from '../../../src-shared/protocol/web-channel';
import { contactOf, type ContactRow } from '../../features/contacts/contact-row';
import { contactEvent } from '../../features/contacts/contact-events';
import { changeContact, lockContact } from '../../features/contacts/contacts.repository';
import { abandonWaiting } from '../../features/agents/agent-work';
import { clearTimers, setTimer } from '../../features/contacts/contact-timers';
import type { NewEvent } from '../../features/sync/event-log';
import { addMessage } from '../../features/cases/case-records';
import { commitInbound, type ChannelDeps } from '../inbound-commit';
import { isChatToken, newChatToken } from './chat-token';
import { openWebWork } from './web-intake';
import { webRequester } from './web-requester';

type Deps = Pick<ChannelDeps, 'db' | 'effects' | 'settings'>;
export type ConversationRow = typeof chatConversations.$inferSelect;

/** Contact states in which the visitor is still talking to us. */
const LIVE = new Set<string>(['queued', 'offered', 'active']);
/** Contact states in which nobody has taken the chat yet: a visitor leaving abandons it. */
const WAITING = new Set<string>(['queued', 'offered']);

/** A new conversation: case, routed chat contact, the conversation with its token's hash, the first line. */
export async function startChat(
  deps: Deps,
  start: ChatStart,
): Promise<{ conversationId: string; contactId: string; token: string; line: VisitorChatLine | null }> {
  const conversationId = `chat_${randomUUID()}`;
  const { token, hash } = newChatToken();
  return commitInbound(deps, async (tx, now) => {
    const requester = await webRequester(tx, start.email);
    const subject = start.message ? start.message.split('\n')[0]!.slice(0, 120) : 'Web chat';
    const { caseRow, contact, events } = await openWebWork(
      tx,
      {
        provider: 'web_chat',
        requester,
        name: start.name,
        email: start.email,
        subject,
        source: start.source,
        externalId: conversationId,
      },
      now,
      deps.settings,
    );
    await tx.insert(chatConversations).values({
      id: conversationId,
      caseId: caseRow.id,
      contactId: contact.id,
      visitorName: start.name,
      visitorEmail: start.email,
      tokenHash: hash,
      createdAt: now,
    });
    let line: VisitorChatLine | null = null;
    if (start.message) {
      const stored = await storeVisitorLine(tx, {
        conversation: {
          caseId: caseRow.id,
          contactId: contact.id,
          visitorName: start.name,
          visitorEmail: start.email,
        },
        queueId: contact.queueId,
        agentId: null,
        body: start.message,
        now,
      });
      events.push(stored.event);
      line = stored.line;
    }
    return { result: { conversationId, contactId: contact.id, token, line }, events, kickRouting: true };
  });
}

/** The conversation this token opens; null for an unknown id or a wrong token (same answer for both). */
export async function authorizeVisitor(
  deps: Pick<ChannelDeps, 'db'>,
  conversationId: string,
  token: string,
): Promise<ConversationRow | null> {
  const [row] = await deps.db
    .select()
    .from(chatConversations)
    .where(eq(chatConversations.id, conversationId))
    .limit(1);
  return row && isChatToken(token, row.tokenHash) ? row : null;
}

/** A visitor's line, stored on the case (the transcript is the case's messages) for queue and holder. */
export async function receiveVisitorLine(
  deps: Deps,
  conversationId: string,
  body: string,
): Promise<VisitorChatLine> {
  return commitInbound(deps, async (tx, now) => {
    const { conversation, contact } = await liveConversation(tx, conversationId);
    const stored = await storeVisitorLine(tx, {
      conversation,
      queueId: contact.queueId,
      agentId: contact.agentId,
      body,
      now,
    });
    return { result: stored.line, events: [stored.event] };
  });
}

/** The visitor leaves: one still waiting is abandoned; one in progress stays with its agent to end. */
export async function leaveChat(deps: Deps, conversationId: string): Promise<void> {
  await commitInbound(deps, async (tx, now) => {
    const [conversation] = await tx
      .select()
      .from(chatConversations)
      .where(eq(chatConversations.id, conversationId))
      .limit(1);
    if (!conversation) throw new AppError('not_found', 'No such conversation');
    if (!conversation.endedAt) {
      await tx
        .update(chatConversations)
        .set({ endedAt: now })
        .where(eq(chatConversations.id, conversationId));
    }
    const contact = await lockContact(tx, conversation.contactId);
    if (contact?.status === 'active' && !contact.endedAt) {
      // An agent has it: the conversation is over, the contact stays theirs to wrap up and end.
      const left = await changeContact(tx, contact, { endedAt: now });
      return { result: undefined, events: [contactEvent(contactOf(left))] };
    }
    if (!contact || !WAITING.has(contact.status)) return { result: undefined, events: [] };
    const abandoned = await abandonWaiting(tx, contact, now);
    return { result: undefined, events: abandoned.events, kickRouting: abandoned.kickRouting };
  });
}

/** How long a visitor whose page went away has to come back before a waiting chat is abandoned. */
export const VISITOR_GRACE_MS = 60_000;

/**
 * The visitor's last socket went away (tab closed, network gone). A chat still waiting gets a
 * grace period as a deadline row; coming back in time cancels it (`visitorBack`), else the
 * deadline sweep abandons it (`visitorGoneDue`). A chat an agent has is theirs to end.
 */
export async function visitorGone(deps: Deps, conversationId: string): Promise<void> {
  await commitInbound(deps, async (tx, now) => {
    const contact = await conversationContact(tx, conversationId);
    if (contact && WAITING.has(contact.status)) {
      await setTimer(tx, 'visitor_gone', contact.id, new Date(now.getTime() + VISITOR_GRACE_MS));
    }
    return { result: undefined, events: [] };
  });
}

/** The visitor reconnected: a pending grace deadline is dropped. */
export async function visitorBack(deps: Deps, contactId: string): Promise<void> {
  await commitInbound(deps, async (tx) => {
    await clearTimers(tx, contactId, ['visitor_gone']);
    return { result: undefined, events: [] };
  });
}

/** The grace deadline fell due (in the deadline sweep's transaction): the chat is abandoned. */
export async function visitorGoneDue(tx: Tx, contactId: string, now: Date): Promise<NewEvent[]> {
  const row = await lockContact(tx, contactId);
  if (!row || !WAITING.has(row.status)) return [];
  await tx
    .update(chatConversations)
    .set({ endedAt: now })
    .where(and(eq(chatConversations.contactId, contactId), isNull(chatConversations.endedAt)));
  return (await abandonWaiting(tx, row, now)).events;
}

async function conversationContact(tx: Tx, conversationId: string): Promise<ContactRow | null> {
  const [conversation] = await tx
    .select({ contactId: chatConversations.contactId, endedAt: chatConversations.endedAt })
    .from(chatConversations)
    .where(eq(chatConversations.id, conversationId))
    .limit(1);
  if (!conversation || conversation.endedAt) return null;
  return lockContact(tx, conversation.contactId);
}

async function liveConversation(
  tx: Tx,
  conversationId: string,
): Promise<{ conversation: ConversationRow; contact: ContactRow }> {
  const [conversation] = await tx
    .select()
    .from(chatConversations)
    .where(eq(chatConversations.id, conversationId))
    .limit(1);
  if (!conversation) throw new AppError('not_found', 'No such conversation');
  const contact = await lockContact(tx, conversation.contactId);
  if (conversation.endedAt || !contact || !LIVE.has(contact.status)) {
    throw new AppError('conflict', 'This chat has ended');
  }
  return { conversation, contact };
}

async function storeVisitorLine(
  tx: Tx,
  input: {
    conversation: Pick<ConversationRow, 'caseId' | 'contactId' | 'visitorName' | 'visitorEmail'>;
    queueId: string;
    agentId: string | null;
    body: string;
    now: Date;
  },
): Promise<{ line: VisitorChatLine; event: NewEvent }> {
  const { conversation } = input;
  const { message, event } = await addMessage(
    tx,
    {
      id: `msg_${randomUUID()}`,
      caseId: conversation.caseId,
      contactId: conversation.contactId,
      direction: 'inbound',
      channel: 'chat',
      fromAddress: conversation.visitorEmail,
      fromName: conversation.visitorName,
      subject: '',
      bodyText: input.body,
      at: input.now,
    },
    { queueId: input.queueId, agentId: input.agentId },
  );
  return {
    line: {
      id: message.id,
      from: 'visitor',
      name: conversation.visitorName,
      body: message.bodyText,
      at: message.at,
    },
    event,
  };
}

/** The conversation behind a chat contact, if it is one. */
export async function conversationOfContact(tx: Tx, contactId: string): Promise<ConversationRow | null> {
  const [row] = await tx
    .select()
    .from(chatConversations)
    .where(eq(chatConversations.contactId, contactId))
    .limit(1);
  return row ?? null;
}

/** What a returning visitor sees: the conversation's lines (agents by display name) and whether it is over. */
export async function visitorTranscript(
  deps: Pick<ChannelDeps, 'db'>,
  conversation: { id: string; contactId: string },
): Promise<{ lines: VisitorChatLine[]; isOver: boolean }> {
  const rows = await deps.db
    .select({
      id: messages.id,
      direction: messages.direction,
      fromName: messages.fromName,
      bodyText: messages.bodyText,
      at: messages.at,
    })
    .from(messages)
    .where(and(eq(messages.contactId, conversation.contactId), eq(messages.channel, 'chat')))
    .orderBy(asc(messages.at));
  const [state] = await deps.db
    .select({ status: contacts.status, endedAt: chatConversations.endedAt })
    .from(chatConversations)
    .innerJoin(contacts, eq(contacts.id, chatConversations.contactId))
    .where(eq(chatConversations.id, conversation.id))
    .limit(1);
  return {
    lines: rows.map((row) => ({
      id: row.id,
      from: row.direction === 'outbound' ? 'agent' : 'visitor',
      name: row.fromName,
      body: row.bodyText,
      at: row.at.toISOString(),
    })),
    isOver: !state || state.endedAt !== null || !LIVE.has(state.status),
  };
}
