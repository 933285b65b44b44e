import { eq } from 'drizzle-orm';
import { broadcasts } from '../db/schema';
import { AppError } from '../platform/errors';
import type { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { findQueue } from '../features/directory/directory.repository';
import type { CommandDefinition } from '../features/sync/command-bus';
import { acknowledge, broadcastEvent, insertBroadcast, teamAgentIds } from './broadcasts.repository';
import { anyone, supervisesTeam, teamOfQueue } from '../features/access/command-scopes';

/** A supervisor's message to a team's agents, or a queue's (its team's), shown until acknowledged. */
export const sendBroadcastCommand: CommandDefinition<typeof COMMAND_TYPES.sendBroadcast> = {
  who: ['supervisor', 'admin'],
  scope: supervisesTeam(({ tx }, { payload: { audience } }) =>
    audience.kind === 'team'
      ? { teamId: audience.teamId, what: `team ${audience.teamId}` }
      : teamOfQueue(tx, audience.queueId),
  ),
  async handle({ tx, actor, now }, command) {
    const { broadcastId, audience, message, severity } = command.payload;
    let teamId = audience.kind === 'team' ? audience.teamId : null;
    if (audience.kind === 'queue') {
      const queue = await findQueue(tx, audience.queueId);
      if (!queue) throw new AppError('not_found', `No queue ${audience.queueId}`);
      teamId = queue.teamId;
    }
    if (!teamId) throw new AppError('not_found', 'No team to send to');
    const [taken] = await tx
      .select({ id: broadcasts.id })
      .from(broadcasts)
      .where(eq(broadcasts.id, broadcastId));
    if (taken) throw new AppError('conflict', `Broadcast ${broadcastId} exists already`);
    const broadcast = await insertBroadcast(tx, {
      id: broadcastId,
      fromUserId: actor.id,
      fromName: actor.displayName,
      audience,
      teamId,
      message,
      severity,
      at: now,
      recipientIds: await teamAgentIds(tx, teamId),
    });
    if (!broadcast) throw new AppError('conflict', `Broadcast ${broadcastId} exists already`);
    return { entity: broadcast, events: [broadcastEvent(broadcast)] };
  },
};

/** An agent the broadcast went to says they read it; who and when is kept, once. */
export const acknowledgeBroadcastCommand: CommandDefinition<typeof COMMAND_TYPES.acknowledgeBroadcast> = {
  who: ['agent', 'coach', 'supervisor', 'admin'],
  // Whom it went to is the broadcast's own list: anyone else is told it does not exist.
  scope: anyone,
  async handle({ tx, actor, now }, command) {
    const { broadcastId } = command.payload;
    const [row] = await tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId));
    if (!row || !row.recipientIds.includes(actor.id))
      throw new AppError('not_found', `No broadcast ${broadcastId}`);
    const result = await acknowledge(tx, broadcastId, { id: actor.id, name: actor.displayName }, now);
    if (!result) throw new AppError('not_found', `No broadcast ${broadcastId}`);
    return { entity: result.broadcast, events: result.changed ? [broadcastEvent(result.broadcast)] : [] };
  },
};
