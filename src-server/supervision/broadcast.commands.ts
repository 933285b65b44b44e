import { eq } from 'drizzle-orm';
import { broadcasts } from '../db/schema';
import { AppError } from '../platform/errors';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { findQueue } from '../features/directory/directory.repository';
import type { CommandHandler } from '../features/sync/command-bus';
import { acknowledge, broadcastEvent, insertBroadcast, teamAgentIds } from './broadcasts.repository';
import { requireSupervisorOfTeam } from './supervisor-scope';

/** A supervisor's message to a team's agents, or a queue's (its team's), shown until acknowledged. */
export const sendBroadcastHandler: CommandHandler<typeof COMMAND_TYPES.sendBroadcast> = {
  type: COMMAND_TYPES.sendBroadcast,
  async handle({ tx, actor, now }, command) {
    const { broadcastId, audience, message, severity } = command.payload;
    let teamId = audience.kind === 'team' ? audience.teamId : null;
    if (audience.kind === 'queue') {
      const queue = await findQueue(tx, audience.queueId);
      if (!queue) throw new AppError('not_found', `No queue ${audience.queueId}`);
      teamId = queue.teamId;
    }
    requireSupervisorOfTeam(
      actor,
      teamId,
      audience.kind === 'team' ? `team ${audience.teamId}` : `queue ${audience.queueId}`,
    );
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
export const acknowledgeBroadcastHandler: CommandHandler<typeof COMMAND_TYPES.acknowledgeBroadcast> = {
  type: COMMAND_TYPES.acknowledgeBroadcast,
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
