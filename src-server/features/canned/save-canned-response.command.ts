import { eq } from 'drizzle-orm';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { cannedResponses, queues, teams } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import { cannedOf, findCannedRow } from './canned-responses.repository';
import { managesCannedResponse, placeAfterSave } from './canned-scope';

/**
 * Creates or edits a canned response (archiving takes it out of the pickers). Agents keep
 * personal ones; supervisors and admins also share them (canned-scope.ts says where).
 */
export const saveCannedResponseCommand: CommandDefinition<typeof COMMAND_TYPES.saveCannedResponse> = {
  who: ['agent', 'supervisor', 'admin'],
  scope: managesCannedResponse,
  async handle(ctx, command) {
    const { payload } = command;
    if (payload.queueId) {
      const [queue] = await ctx.tx
        .select({ id: queues.id })
        .from(queues)
        .where(eq(queues.id, payload.queueId));
      if (!queue) throw new AppError('invalid', `queueId: no queue ${payload.queueId}`);
    }
    if (payload.teamId) {
      const [team] = await ctx.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, payload.teamId));
      if (!team) throw new AppError('invalid', `teamId: no team ${payload.teamId}`);
    }
    const existing = await findCannedRow(ctx.tx, payload.cannedId, true);
    if (existing) checkVersion(command.expectedVersion, existing, cannedOf(existing));
    const values = {
      title: payload.title,
      body: payload.body,
      language: payload.language,
      archived: payload.archived,
      updatedAt: ctx.now,
      ...placeAfterSave(ctx.actor, payload, existing?.ownerId),
    };
    const [row] = existing
      ? await ctx.tx
          .update(cannedResponses)
          .set({ ...values, version: existing.version + 1 })
          .where(eq(cannedResponses.id, existing.id))
          .returning()
      : await ctx.tx
          .insert(cannedResponses)
          .values({ id: payload.cannedId, ...values })
          .returning();
    if (!row) throw new Error('canned response not written');
    // No event: consoles read canned responses when they open a picker or the management tab.
    return { entity: cannedOf(row), events: [] };
  },
};
