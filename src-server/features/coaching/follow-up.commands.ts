import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { coachingTasks } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import { type FollowUpState, type FollowUpTask } from '../../../src-shared/protocol/coaching-commands';
import type { EvaluationKind, EvaluationState } from '../../../src-shared/protocol/coaching-evaluations';
import { isVisibleToAgent } from '../../../src-shared/domain/coaching/workflow';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import { hasRole } from '../auth/actor';
import {
  COACHING_ROLES,
  EVERYONE,
  agentOfFollowUp,
  coachesAgent,
  evaluationParties,
  isSelf,
} from '../access/command-scopes';
import { followUpEvent } from './coaching-events';
import { lockEvaluation } from './evaluations.repository';

/**
 * Coaching follow-up: from a released evaluation, a refresher on the weakest skills with a due
 * date; the agent sees it and marks it done. Analytics compare each skill before and after.
 */

type TaskRow = typeof coachingTasks.$inferSelect;

export function taskOf(row: TaskRow): FollowUpTask {
  return {
    id: row.id,
    evaluationId: row.evaluationId,
    agentId: row.agentId,
    assignedBy: row.assignedBy,
    skills: row.skills,
    title: row.title,
    note: row.note,
    dueAt: row.dueAt.toISOString(),
    state: row.state as FollowUpState,
    createdAt: row.createdAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
    version: row.version,
  };
}

export async function listTasks(db: Db | Tx, agentId: string | null): Promise<FollowUpTask[]> {
  const rows = await db
    .select()
    .from(coachingTasks)
    .where(agentId === null ? undefined : eq(coachingTasks.agentId, agentId))
    .orderBy(desc(coachingTasks.createdAt))
    .limit(1_000);
  return rows.map(taskOf);
}

export const assignFollowUpCommand: CommandDefinition<typeof T.assignFollowUp> = {
  who: COACHING_ROLES,
  scope: coachesAgent(
    async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.teamId,
    { reason: 'No such evaluation of your teams', as: 'not_found' },
  ),
  async handle({ tx, actor, now }, { payload }) {
    const evaluation = await lockEvaluation(tx, payload.evaluationId);
    if (!evaluation) {
      throw new AppError('not_found', `No evaluation ${payload.evaluationId}`);
    }
    if (!isVisibleToAgent(evaluation.kind as EvaluationKind, evaluation.state as EvaluationState)) {
      throw new AppError('conflict', 'A follow-up comes from an evaluation released to the agent');
    }
    const [existing] = await tx.select().from(coachingTasks).where(eq(coachingTasks.id, payload.taskId));
    if (existing) throw new AppError('conflict', `A follow-up ${payload.taskId} already exists`);
    const [row] = await tx
      .insert(coachingTasks)
      .values({
        id: payload.taskId,
        evaluationId: evaluation.id,
        agentId: evaluation.agentId,
        assignedBy: actor.id,
        skills: payload.skills,
        title: payload.title,
        note: payload.note,
        dueAt: new Date(payload.dueAt),
        state: 'open',
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('follow-up insert returned nothing');
    const task = taskOf(row);
    return { entity: task, events: [followUpEvent(task)] };
  },
};

export const completeFollowUpCommand: CommandDefinition<typeof T.completeFollowUp> = {
  who: EVERYONE,
  scope: isSelf(
    ({ tx }, { payload }) => agentOfFollowUp(tx, payload.taskId),
    (actor) =>
      hasRole(actor, 'coach', 'supervisor', 'admin')
        ? 'Only the agent marks their follow-up done'
        : { reason: 'No such follow-up of yours', as: 'not_found' },
  ),
  async handle({ tx, now }, command) {
    const [row] = await tx
      .select()
      .from(coachingTasks)
      .where(eq(coachingTasks.id, command.payload.taskId))
      .for('update');
    if (!row) throw new AppError('not_found', `No follow-up ${command.payload.taskId}`);
    checkVersion(command.expectedVersion, row, taskOf(row));
    if (row.state === 'done') throw new AppError('conflict', 'This follow-up is already done', taskOf(row));
    const [done] = await tx
      .update(coachingTasks)
      .set({ state: 'done', doneAt: now, version: row.version + 1 })
      .where(eq(coachingTasks.id, row.id))
      .returning();
    if (!done) throw new Error(`follow-up ${row.id} vanished`);
    const task = taskOf(done);
    return { entity: task, events: [followUpEvent(task)] };
  },
};
