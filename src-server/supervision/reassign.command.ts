import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { users } from '../db/schema';
import { AppError } from '../platform/errors';
import { lockAgent } from '../features/agents/agents.repository';
import { findQueue } from '../features/directory/directory.repository';
import { contactOf, type ContactRow } from '../features/contacts/contact-row';
import { lockContact } from '../features/contacts/contacts.repository';
import { checkVersion, type CommandDefinition, type CommitEffects } from '../features/sync/command-bus';
import type { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import type { Agent, Queue } from '../../src-shared/protocol/entities';
import type { ReassignConflict } from '../../src-shared/protocol/supervisor-entities';
import { judgeTarget } from './reassign-check';
import { moveContact } from './move-contact';
import { notify } from '../features/notices/notifications.repository';
import { reassignmentEvent, recordReassignment } from './reassignments.repository';
import { allOf, supervisesTeam, teamOfContactQueue, teamOfQueue } from '../features/access/command-scopes';

/** Contacts a supervisor may move: waiting, offered, or being handled (not in wrap-up or over). */
const MOVABLE = new Set(['queued', 'offered', 'active']);

async function nameOf(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

/** 409: the contact is not where the caller thought, or no longer movable; names its holder. */
async function notWhereYouThought(tx: Tx, row: ContactRow, why: string): Promise<AppError> {
  const agentName = await nameOf(tx, row.agentId);
  const details: ReassignConflict = {
    contactId: row.id,
    status: row.status,
    agentId: row.agentId,
    agentName,
    queueId: row.queueId,
  };
  const where = agentName
    ? `with ${agentName} (${row.status.replace('_', '-')})`
    : row.status.replace('_', '-');
  return new AppError('conflict', `${why}: the contact is ${where} in queue ${row.queueId}`, details);
}

async function queueOrThrow(tx: Tx, queueId: string): Promise<Queue> {
  const queue = await findQueue(tx, queueId);
  if (!queue) throw new AppError('not_found', `No queue ${queueId}`);
  return queue;
}

/** Locks the agents' state rows in id order, so two moves between the same agents cannot deadlock. */
async function lockAgents(tx: Tx, ids: (string | null | undefined)[]): Promise<Map<string, Agent>> {
  const locked = new Map<string, Agent>();
  for (const id of [...new Set(ids.filter((x): x is string => !!x))].sort()) {
    const agent = await lockAgent(tx, id);
    if (agent) locked.set(id, agent);
  }
  return locked;
}

/**
 * A supervisor moves a contact (issue 14): from agent A to agent B, from an agent back to a
 * queue, or from a queue to a named agent. The contact row lock makes it one holder, always —
 * an accept, an end or a routing pass at the same instant either commits first (then this sees
 * where the contact is now) or waits for this move.
 */
export function createReassignCommand(deps: {
  kickOutbound(): void;
}): CommandDefinition<typeof COMMAND_TYPES.reassignContact> {
  return {
    who: ['supervisor', 'admin'],
    // The team of the queue it leaves, of the queue it goes to, and of the fallback queue.
    scope: allOf(
      supervisesTeam(({ tx }, { payload }) => teamOfContactQueue(tx, payload.contactId)),
      supervisesTeam(({ tx }, { payload }) =>
        payload.queueId ? teamOfQueue(tx, payload.queueId) : undefined,
      ),
      supervisesTeam(({ tx }, { payload }) =>
        payload.fallback?.queueId ? teamOfQueue(tx, payload.fallback.queueId) : undefined,
      ),
    ),
    async handle({ tx, actor, now }, command) {
      const p = command.payload;
      const row = await lockContact(tx, p.contactId);
      if (!row) throw new AppError('not_found', `No contact ${p.contactId}`);
      const fromQueue = await queueOrThrow(tx, row.queueId);
      if (p.expectedAgentId !== undefined && p.expectedAgentId !== row.agentId) {
        throw await notWhereYouThought(tx, row, 'It moved');
      }
      checkVersion(command.expectedVersion, row, contactOf(row));
      if (!MOVABLE.has(row.status)) throw await notWhereYouThought(tx, row, 'It cannot be moved now');
      const toQueue = p.queueId ? await queueOrThrow(tx, p.queueId) : fromQueue;
      const channel = contactOf(row).channel;
      if (!toQueue.channels.includes(channel)) {
        throw new AppError('unprocessable', `Queue ${toQueue.name} does not take ${channel} contacts`, {
          reasons: ['channel_not_served'],
          overridable: false,
        });
      }
      if (p.agentId && p.agentId === row.agentId) throw new AppError('invalid', 'That agent has it already');
      if (p.queueId && p.queueId === row.queueId && row.status === 'queued') {
        throw new AppError('invalid', 'It waits in that queue already');
      }
      const agents = await lockAgents(tx, [row.agentId, p.agentId, p.fallback?.agentId]);
      const toAgent = p.agentId ? agents.get(p.agentId) : undefined;
      if (p.agentId && !toAgent) throw new AppError('not_found', `No agent ${p.agentId}`);
      const check = toAgent ? await judgeTarget(tx, toAgent, row, toQueue, { now, force: p.force }) : null;
      if (p.fallback?.agentId && !agents.has(p.fallback.agentId)) {
        throw new AppError('not_found', `No agent ${p.fallback.agentId} to fall back to`);
      }
      if (p.fallback?.queueId) await queueOrThrow(tx, p.fallback.queueId);

      const responseDueAt = p.responseTimerMin ? new Date(now.getTime() + p.responseTimerMin * 60_000) : null;
      const moved = await moveContact(tx, { row, toQueue, toAgent: toAgent ?? null, now, responseDueAt });
      const overridden = check && p.force ? check.overridable : [];
      const reassignment = await recordReassignment(tx, {
        contactId: row.id,
        channel,
        fromAgentId: row.agentId,
        fromQueueId: row.queueId,
        toAgentId: toAgent?.id ?? null,
        toQueueId: toQueue.id,
        reason: p.reason ?? null,
        kind: 'supervisor',
        forced: overridden.length > 0,
        overridden,
        warnings: check?.warnings ?? [],
        byUserId: actor.id,
        byName: actor.displayName,
        at: now,
        responseDueAt,
        fallback: p.fallback ?? null,
      });
      const params = {
        by: actor.displayName,
        reason: p.reason ?? '',
        to: toAgent?.displayName ?? toQueue.name,
        from: agents.get(row.agentId ?? '')?.displayName ?? fromQueue.name,
      };
      const told = [
        ...(row.agentId ? [{ userId: row.agentId, kind: 'contact_reassigned_away' as const }] : []),
        ...(toAgent ? [{ userId: toAgent.id, kind: 'contact_reassigned_to_you' as const }] : []),
      ];
      const notices = [];
      for (const t of told) {
        notices.push(await notify(tx, { ...t, params, contactId: row.id, caseId: row.caseId, now }));
      }
      return {
        entity: reassignment,
        events: [...moved.events, reassignmentEvent(reassignment), ...notices],
        afterCommit: (effects: CommitEffects) => {
          effects.kickRouting();
          if (moved.toldPhoneSystem) deps.kickOutbound();
        },
      };
    },
  };
}
