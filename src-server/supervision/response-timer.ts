import { and, eq, gte, or } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { messages } from '../db/schema';
import { lockAgent } from '../features/agents/agents.repository';
import { findQueue } from '../features/directory/directory.repository';
import type { ContactRow } from '../features/contacts/contact-row';
import { lockContact } from '../features/contacts/contacts.repository';
import type { NewEvent } from '../features/sync/event-log';
import type { Reassignment } from '../../src-shared/protocol/supervisor-entities';
import { moveContact } from './move-contact';
import { notify } from '../features/notices/notifications.repository';
import { latestTimedReassignment, reassignmentEvent, recordReassignment } from './reassignments.repository';

const WRITTEN_CHANNELS = new Set(['chat', 'email', 'web']);

/** Whether the new holder answered: accepted a call, or (chat, email) wrote since the move. */
async function hasResponded(tx: Tx, row: ContactRow, moved: Reassignment): Promise<boolean> {
  if (row.status === 'offered') return false;
  if (row.status !== 'active' || !WRITTEN_CHANNELS.has(row.channel)) return true;
  const about = row.caseId
    ? or(eq(messages.contactId, row.id), eq(messages.caseId, row.caseId))
    : eq(messages.contactId, row.id);
  const [written] = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(and(about, eq(messages.authorId, moved.toAgentId ?? ''), gte(messages.at, new Date(moved.at))))
    .limit(1);
  return written !== undefined;
}

/**
 * A reassignment's response timer ran out (a persisted deadline, fired once across nodes): when
 * the new holder has not accepted — or for chat and email, not replied — the contact goes to the
 * named fallback (an agent who is signed in, else the fallback queue) or back to its queue, and
 * the supervisor who moved it is told.
 */
export async function responseTimerDue(tx: Tx, contactId: string, now: Date): Promise<NewEvent[]> {
  const row = await lockContact(tx, contactId);
  const moved = row ? await latestTimedReassignment(tx, contactId) : null;
  if (!row || !moved || row.agentId === null || row.agentId !== moved.toAgentId) return [];
  if (await hasResponded(tx, row, moved)) return [];
  const fallbackAgent = moved.fallback?.agentId ? await lockAgent(tx, moved.fallback.agentId) : null;
  const toAgent = fallbackAgent && fallbackAgent.state !== 'offline' ? fallbackAgent : null;
  const toQueue =
    (await findQueue(tx, moved.fallback?.queueId ?? row.queueId)) ?? (await findQueue(tx, row.queueId));
  if (!toQueue) return [];
  const fromAgent = await lockAgent(tx, row.agentId);
  const result = await moveContact(tx, { row, toQueue, toAgent, now, responseDueAt: null });
  const minutes = String(
    Math.round((Date.parse(moved.responseDueAt ?? moved.at) - Date.parse(moved.at)) / 60_000),
  );
  const record = await recordReassignment(tx, {
    contactId: row.id,
    channel: row.channel,
    fromAgentId: row.agentId,
    fromQueueId: row.queueId,
    toAgentId: toAgent?.id ?? null,
    toQueueId: toQueue.id,
    reason: `No response within ${minutes} min`,
    kind: 'response_timer',
    forced: false,
    overridden: [],
    warnings: [],
    byUserId: null,
    byName: 'Response timer',
    at: now,
    responseDueAt: null,
    fallback: null,
  });
  const params = {
    minutes,
    from: fromAgent?.displayName ?? row.agentId,
    to: toAgent?.displayName ?? toQueue.name,
    by: 'Response timer',
    reason: '',
  };
  const notices = [
    await notify(tx, {
      userId: row.agentId,
      kind: 'contact_reassigned_away',
      params,
      contactId: row.id,
      caseId: row.caseId,
      now,
    }),
    ...(moved.byUserId
      ? [
          await notify(tx, {
            userId: moved.byUserId,
            kind: 'response_timer_expired',
            params,
            contactId: row.id,
            caseId: row.caseId,
            now,
          }),
        ]
      : []),
  ];
  return [...result.events, reassignmentEvent(record), ...notices];
}
