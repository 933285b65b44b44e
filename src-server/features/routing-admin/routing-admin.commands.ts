import { eq, inArray } from 'drizzle-orm';
import { agentSkills, queues, skills, users } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import { lockAgent } from '../agents/agents.repository';
import { agentStateEvent, changeAgentState } from '../agents/agent-state';
import { findQueue } from '../directory/directory.repository';
import { checkVersion, type CommandContext, type CommandDefinition } from '../sync/command-bus';
import { anyone } from '../access/command-scopes';

async function requireSkills(ctx: CommandContext, skillIds: string[]): Promise<void> {
  const unique = [...new Set(skillIds)];
  if (unique.length !== skillIds.length) throw new AppError('invalid', 'A skill is listed twice');
  if (unique.length === 0) return;
  const known = await ctx.tx.select({ id: skills.id }).from(skills).where(inArray(skills.id, unique));
  const missing = unique.filter((id) => !known.some((k) => k.id === id));
  if (missing.length > 0) throw new AppError('invalid', `Unknown skills: ${missing.join(', ')}`);
}

/** A queue's routing rules; the next routing pass uses them (no restart). */
export const saveQueueRoutingCommand: CommandDefinition<typeof COMMAND_TYPES.saveQueueRouting> = {
  who: ['admin'],
  scope: anyone,
  async handle(ctx, command) {
    const { queueId, channels, routing } = command.payload;
    const [locked] = await ctx.tx.select().from(queues).where(eq(queues.id, queueId)).for('update');
    const current = locked ? await findQueue(ctx.tx, queueId) : null;
    if (!locked || !current) throw new AppError('not_found', `No queue ${queueId}`);
    checkVersion(command.expectedVersion, current, current);
    await requireSkills(
      ctx,
      routing.requiredSkills.map((s) => s.skillId),
    );
    const version = current.version + 1;
    await ctx.tx.update(queues).set({ channels, routing, version }).where(eq(queues.id, queueId));
    const next = { ...current, channels: [...new Set(channels)], routing, version };
    return {
      entity: next,
      events: [
        {
          type: EVENT_TYPES.queueUpdated,
          entityKind: 'queue',
          entityId: queueId,
          entityVersion: version,
          payload: next,
          audience: { queues: [queueId], teams: [next.teamId], roles: ['supervisor', 'admin'] },
        },
      ],
      afterCommit: (effects) => effects.kickRouting(),
    };
  },
};

/** An agent's skills, capacity, languages and tier; routing uses them from the next pass. */
export const saveAgentRoutingCommand: CommandDefinition<typeof COMMAND_TYPES.saveAgentRouting> = {
  who: ['admin'],
  scope: anyone,
  async handle(ctx, command) {
    const { agentId, languages, tier, routing } = command.payload;
    const current = await lockAgent(ctx.tx, agentId);
    if (!current) throw new AppError('not_found', `No agent ${agentId}`);
    checkVersion(command.expectedVersion, current, current);
    await requireSkills(
      ctx,
      routing.skills.map((s) => s.skillId),
    );
    await ctx.tx
      .update(users)
      .set({ languages: [...new Set(languages)], tier, capacity: routing.capacity })
      .where(eq(users.id, agentId));
    await ctx.tx.delete(agentSkills).where(eq(agentSkills.userId, agentId));
    if (routing.skills.length > 0) {
      await ctx.tx
        .insert(agentSkills)
        .values(
          routing.skills.map((s) => ({ userId: agentId, skillId: s.skillId, proficiency: s.proficiency })),
        );
    }
    // The agent's version is its state row's: bump it so consoles take the new profile.
    const next = await changeAgentState(
      ctx.tx,
      { ...current, languages: [...new Set(languages)], tier, routing },
      { state: current.state, reasonCode: current.reasonCode },
      ctx.now,
    );
    return {
      entity: next,
      events: [agentStateEvent(next, EVENT_TYPES.agentUpdated)],
      afterCommit: (effects) => effects.kickRouting(),
    };
  },
};
