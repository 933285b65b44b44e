import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { eq } from 'drizzle-orm';
import { evaluationReleaseTimers } from '../../db/schema';
import type { Tx } from '../../db/database';
import { AppError } from '../../platform/errors';
import type { Answer } from '../../../src-shared/protocol/coaching';
import type { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import type {
  EvaluationAction,
  EvaluationKind,
  EvaluationState,
} from '../../../src-shared/protocol/coaching-evaluations';
import {
  checkResolution,
  countsInAgentScores,
  nextEvaluationState,
  resolutionOutcome,
} from '../../../src-shared/domain/coaching/workflow';
import {
  checkVersion,
  type CommandContext,
  type CommandDefinition,
  type CommandOutcome,
} from '../sync/command-bus';
import type { NewEvent } from '../sync/event-log';
import {
  COACHING_ROLES,
  allOf,
  anyOf,
  coachesAgent,
  evaluationParties,
  hasAnyRole,
  isSelf,
} from '../access/command-scopes';
import { checkAnswers, contactToScore } from './evaluation-checks';
import { maySeeEvaluation } from './evaluation-visibility';
import { outcomeOf } from './evaluation-draft.commands';
import {
  changeEvaluation,
  decideDispute,
  disputesOf,
  evaluationOf,
  insertDisputes,
  lockEvaluation,
  replaceScoreRows,
  saveRevision,
  scoresOf,
  type EvaluationRow,
} from './evaluations.repository';
import { findVersion } from './scorecards.repository';
import { evaluationNotice } from './evaluation-notices';

/**
 * An evaluation's way to the agent: release (now or at a set time), acknowledge, dispute per
 * criterion, resolve, and re-score. Which step may come next is the domain's workflow; who may
 * take it is checked here.
 */

const DAY_MS = 86_400_000;

/** The step's outcome with the console notice it sends, in the same transaction. */
async function told(
  outcome: Promise<CommandOutcome<Evaluation>>,
  notice: () => Promise<NewEvent>,
): Promise<CommandOutcome<Evaluation>> {
  const done = await outcome;
  return { ...done, events: [...done.events, await notice()] };
}

async function loadFor(
  ctx: CommandContext,
  command: { payload: { evaluationId: string }; expectedVersion?: number | undefined },
  action: EvaluationAction,
): Promise<{ row: EvaluationRow; next: EvaluationState }> {
  const row = await lockEvaluation(ctx.tx, command.payload.evaluationId);
  if (!row || !(await maySeeEvaluation(ctx.tx, ctx.actor, row)))
    throw new AppError('not_found', `No evaluation ${command.payload.evaluationId}`);
  checkVersion(command.expectedVersion, row, await evaluationOf(ctx.tx, row));
  const step = nextEvaluationState(row.kind as EvaluationKind, row.state as EvaluationState, action);
  if (!step.ok)
    throw new AppError('conflict', `Evaluation ${row.id}: ${step.message}`, await evaluationOf(ctx.tx, row));
  return { row, next: step.state };
}

/** A coach outside the agent's teams may not see the evaluation, so is told it does not exist. */
const HIDDEN_OUTSIDE_TEAMS = { reason: 'No such evaluation of your teams', as: 'not_found' } as const;

/** Releases now: the agent sees it from this moment, and may dispute it for the dispute window. */
export async function releaseNow(tx: Tx, row: EvaluationRow, now: Date): Promise<EvaluationRow> {
  await tx.delete(evaluationReleaseTimers).where(eq(evaluationReleaseTimers.evaluationId, row.id));
  return changeEvaluation(tx, row, { state: 'released', releasedAt: now, releaseAt: null }, now);
}

export const releaseEvaluationCommand: CommandDefinition<typeof T.releaseEvaluation> = {
  who: COACHING_ROLES,
  scope: coachesAgent(
    async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.teamId,
    HIDDEN_OUTSIDE_TEAMS,
  ),
  async handle(ctx, command) {
    const { row } = await loadFor(ctx, command, 'release');
    const at = command.payload.at ? new Date(command.payload.at) : null;
    if (at === null || at.getTime() <= ctx.now.getTime()) {
      const released = await releaseNow(ctx.tx, row, ctx.now);
      return told(outcomeOf(ctx, released), () =>
        evaluationNotice(ctx.tx, released, 'released', { name: ctx.actor.displayName }, ctx.now),
      );
    }
    // At a set time: a deadline row, fired by the sweeper (release-timers.ts) on whichever node.
    await ctx.tx
      .insert(evaluationReleaseTimers)
      .values({ evaluationId: row.id, dueAt: at })
      .onConflictDoUpdate({ target: evaluationReleaseTimers.evaluationId, set: { dueAt: at } });
    return outcomeOf(ctx, await changeEvaluation(ctx.tx, row, { releaseAt: at }, ctx.now));
  },
};

export const acknowledgeEvaluationCommand: CommandDefinition<typeof T.acknowledgeEvaluation> = {
  who: ['agent'],
  scope: isSelf(async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.agentId, {
    reason: 'No such evaluation of yours',
    as: 'not_found',
  }),
  async handle(ctx, command) {
    const { row, next } = await loadFor(ctx, command, 'acknowledge');
    const changed = await changeEvaluation(ctx.tx, row, { state: next, acknowledgedAt: ctx.now }, ctx.now);
    return told(outcomeOf(ctx, changed), () =>
      evaluationNotice(ctx.tx, changed, 'acknowledged', { name: ctx.actor.displayName }, ctx.now),
    );
  },
};

export const disputeEvaluationCommand: CommandDefinition<typeof T.disputeEvaluation> = {
  who: ['agent'],
  scope: isSelf(async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.agentId, {
    reason: 'No such evaluation of yours',
    as: 'not_found',
  }),
  async handle(ctx, command) {
    const { row, next } = await loadFor(ctx, command, 'dispute');
    const days = ctx.settings.coachingDisputeDays;
    if (row.releasedAt && ctx.now.getTime() > row.releasedAt.getTime() + days * DAY_MS) {
      throw new AppError('conflict', `The dispute window closed ${days} days after the release`);
    }
    const version = await findVersion(ctx.tx, row.versionId);
    const keys = new Set(version?.sections.flatMap((s) => s.criteria.map((c) => c.key)));
    const unknown = command.payload.items.filter((i) => !keys.has(i.key));
    if (unknown.length > 0) {
      const problems = unknown.map((i) => ({
        key: i.key,
        code: 'unknown_key',
        message: `${i.key}: not a criterion of this version`,
      }));
      throw new AppError('invalid', problems.map((p) => p.message).join('; '), problems);
    }
    await insertDisputes(
      ctx.tx,
      command.payload.items.map((i) => ({
        evaluationId: row.id,
        key: i.key,
        reason: i.reason,
        raisedBy: ctx.actor.id,
        at: ctx.now,
      })),
    );
    const changed = await changeEvaluation(ctx.tx, row, { state: next }, ctx.now);
    const labels = new Map(
      version?.sections.flatMap((s) => s.criteria.map((c): [string, string] => [c.key, c.label])),
    );
    const criteria = command.payload.items.map((i) => labels.get(i.key) ?? i.key).join(', ');
    return told(outcomeOf(ctx, changed), () =>
      evaluationNotice(ctx.tx, changed, 'disputed', { name: ctx.actor.displayName }, ctx.now, { criteria }),
    );
  },
};

/** A new revision with re-scored answers (the old one stays in the history). */
async function newRevision(
  ctx: CommandContext,
  row: EvaluationRow,
  answers: Answer[],
  reason: string,
  change: Parameters<typeof changeEvaluation>[2],
): Promise<EvaluationRow> {
  const { tx, actor, now } = ctx;
  const version = await findVersion(tx, row.versionId);
  if (!version) throw new Error(`evaluation ${row.id} pins a missing version`);
  const contact = await contactToScore(tx, row.contactId);
  await checkAnswers(tx, version, contact, answers, true);
  const scores = scoresOf(version, answers, contact.channel);
  const revision = row.revision + 1;
  await saveRevision(tx, {
    evaluationId: row.id,
    revision,
    answers,
    scores,
    authorId: actor.id,
    reason,
    at: now,
  });
  const changed = await changeEvaluation(
    tx,
    row,
    {
      ...change,
      revision,
      answers,
      rawScore: scores.rawScore,
      finalScore: scores.finalScore,
      maxScore: scores.maxScore,
      sections: scores.sections,
      criticalFailures: scores.criticalFailures,
    },
    now,
  );
  if (countsInAgentScores(changed.kind as EvaluationKind, changed.state as EvaluationState)) {
    await replaceScoreRows(tx, changed, version, changed.submittedAt ?? now);
  }
  return changed;
}

export const resolveEvaluationCommand: CommandDefinition<typeof T.resolveEvaluation> = {
  who: COACHING_ROLES,
  scope: coachesAgent(
    async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.teamId,
    HIDDEN_OUTSIDE_TEAMS,
  ),
  async handle(ctx, command): Promise<CommandOutcome<Evaluation>> {
    const { row, next } = await loadFor(ctx, command, 'resolve');
    const disputes = await disputesOf(ctx.tx, row.id);
    if (disputes.some((d) => d.raisedBy === ctx.actor.id)) {
      throw new AppError('forbidden', 'A dispute is resolved by someone other than who raised it');
    }
    const { decisions, answers, note } = command.payload;
    const problems = checkResolution(
      disputes.map((d) => d.key),
      { decisions, ...(answers ? { answers } : {}) },
    );
    if (problems.length > 0)
      throw new AppError('invalid', problems.map((p) => p.message).join('; '), problems);
    for (const d of decisions) {
      await decideDispute(ctx.tx, row.id, {
        key: d.key,
        decision: d.decision,
        note: d.note ?? null,
        decidedBy: ctx.actor.id,
      });
    }
    const resolution = {
      outcome: resolutionOutcome(decisions),
      resolvedBy: ctx.actor.id,
      at: ctx.now.toISOString(),
      note: note ?? '',
      revision: answers ? row.revision + 1 : null,
    };
    const changed = answers
      ? await newRevision(ctx, row, answers, `Dispute resolved (${resolution.outcome})`, {
          state: next,
          resolution,
        })
      : await changeEvaluation(ctx.tx, row, { state: next, resolution }, ctx.now);
    return told(outcomeOf(ctx, changed), () =>
      evaluationNotice(ctx.tx, changed, 'resolved', { name: ctx.actor.displayName }, ctx.now, {
        outcome: resolution.outcome,
        // The note to the agent, else what was said on each criterion.
        note: resolution.note || decisions.flatMap((d) => (d.note ? [d.note] : [])).join('; '),
      }),
    );
  },
};

export const rescoreEvaluationCommand: CommandDefinition<typeof T.rescoreEvaluation> = {
  who: COACHING_ROLES,
  scope: allOf(
    coachesAgent(
      async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.teamId,
      HIDDEN_OUTSIDE_TEAMS,
    ),
    anyOf(
      hasAnyRole(['supervisor', 'admin'], 'Only the author or a supervisor re-scores an evaluation'),
      isSelf(
        async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.authorId,
        'Only the author or a supervisor re-scores an evaluation',
      ),
    ),
  ),
  async handle(ctx, command) {
    const { row, next } = await loadFor(ctx, command, 'rescore');
    if (row.kind === 'calibration') {
      throw new AppError(
        'conflict',
        'A calibration evaluation changes only by scoring it again while its session is open',
      );
    }
    const { answers, reason } = command.payload;
    const changed = await newRevision(ctx, row, answers, reason, {
      state: next,
      ...(next === 'released' && row.state === 'acknowledged' ? { acknowledgedAt: null } : {}),
    });
    return outcomeOf(ctx, changed);
  },
};
