import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { and, eq } from 'drizzle-orm';
import { evaluations } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { Answer } from '../../../src-shared/protocol/coaching';
import { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import type { EvaluationKind } from '../../../src-shared/protocol/coaching-evaluations';
import { countsInAgentScores } from '../../../src-shared/domain/coaching/workflow';
import type { Actor } from '../auth/actor';
import {
  checkVersion,
  type CommandContext,
  type CommandDefinition,
  type CommandOutcome,
} from '../sync/command-bus';
import {
  COACHING_ROLES,
  EVERYONE,
  anyone,
  contactPlace,
  evaluationParties,
  isSelf,
} from '../access/command-scopes';
import { calibrationForScoring } from './calibration.repository';
import { evaluationAudience, evaluationEvent } from './coaching-events';
import { coachesOfTeam, coachTeamIds, inScope, isCoaching, teamOf } from './coaching-scope';
import { checkAnswers, contactToScore, scorableVersion, type ScoredContact } from './evaluation-checks';
import {
  changeEvaluation,
  evaluationOf,
  insertEvaluation,
  lockEvaluation,
  replaceScoreRows,
  saveRevision,
  scoresOf,
  type EvaluationRow,
} from './evaluations.repository';

/**
 * Scoring a contact: drafts saved as the coach types, submitting, an agent's self-assessment
 * and a calibration coach's scoring. Every save checks the answers against the pinned version
 * and stores nothing when one is wrong.
 */

interface Draft {
  evaluationId: string;
  versionId: string;
  contactId: string;
  answers: Answer[];
  submit?: boolean | undefined;
}

export async function outcomeOf(
  ctx: CommandContext,
  row: EvaluationRow,
): Promise<CommandOutcome<Evaluation>> {
  const evaluation = await evaluationOf(ctx.tx, row);
  const coaches = await coachesOfTeam(ctx.tx, row.teamId);
  return {
    entity: evaluation,
    events: [evaluationEvent(evaluation, evaluationAudience(evaluation, coaches))],
  };
}

/** Who a kind of evaluation may be written by, for this contact. */
async function checkAuthor(
  ctx: CommandContext,
  kind: EvaluationKind,
  contact: ScoredContact,
): Promise<string> {
  const { actor, tx } = ctx;
  if (!contact.agentId) throw new AppError('invalid', `Contact ${contact.id} was not handled by an agent`);
  if (kind === 'self') {
    if (contact.agentId !== actor.id)
      throw new AppError('forbidden', 'A self-assessment is of your own contact');
    return contact.agentId;
  }
  if (kind === 'calibration') return contact.agentId;
  if (!isCoaching(actor)) {
    throw new AppError(
      'forbidden',
      'Only coaches, supervisors and admins evaluate; agents write a self-assessment',
    );
  }
  if (contact.agentId === actor.id) throw new AppError('forbidden', 'Nobody evaluates their own contact');
  const teams = await coachTeamIds(tx, actor);
  if (!inScope(teams, await teamOf(tx, contact.agentId))) {
    throw new AppError('forbidden', `Contact ${contact.id} was handled by an agent outside your teams`);
  }
  return contact.agentId;
}

/** Creates or updates a draft (submitting it too when asked). */
async function saveDraft(
  ctx: CommandContext,
  kind: EvaluationKind,
  draft: Draft,
  expectedVersion: number | undefined,
  calibrationId: string | null,
): Promise<CommandOutcome<Evaluation>> {
  const { tx, actor, now } = ctx;
  const existing = await lockEvaluation(tx, draft.evaluationId);
  if (existing) return updateDraft(ctx, existing, draft, expectedVersion);
  const contact = await contactToScore(tx, draft.contactId);
  const agentId = await checkAuthor(ctx, kind, contact);
  const version = await scorableVersion(tx, draft.versionId);
  const submit = draft.submit === true || kind === 'calibration';
  await checkAnswers(tx, version, contact, draft.answers, submit);
  const scores = scoresOf(version, draft.answers, contact.channel);
  const row = await insertEvaluation(tx, {
    id: draft.evaluationId,
    kind,
    versionId: version.id,
    contactId: contact.id,
    channel: contact.channel,
    agentId,
    teamId: await teamOf(tx, agentId),
    authorId: actor.id,
    calibrationId,
    state: submit ? 'submitted' : 'draft',
    answers: draft.answers,
    rawScore: scores.rawScore,
    finalScore: scores.finalScore,
    maxScore: scores.maxScore,
    sections: scores.sections,
    criticalFailures: scores.criticalFailures,
    submittedAt: submit ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  await saveRevision(tx, {
    evaluationId: row.id,
    revision: 1,
    answers: draft.answers,
    scores,
    authorId: actor.id,
    reason: '',
    at: now,
  });
  if (submit && countsInAgentScores(row.kind as EvaluationKind, row.state as 'submitted')) {
    await replaceScoreRows(tx, row, version, now);
  }
  return outcomeOf(ctx, row);
}

function checkSameDraft(row: EvaluationRow, draft: Pick<Draft, 'versionId' | 'contactId'>): void {
  if (row.versionId !== draft.versionId || row.contactId !== draft.contactId) {
    throw new AppError('invalid', `Evaluation ${row.id} is of another contact or version`);
  }
}

function checkAuthorOf(actor: Actor, row: EvaluationRow): void {
  if (row.authorId !== actor.id) throw new AppError('forbidden', 'Only its author changes a draft');
}

async function updateDraft(
  ctx: CommandContext,
  row: EvaluationRow,
  draft: Draft,
  expectedVersion: number | undefined,
): Promise<CommandOutcome<Evaluation>> {
  checkAuthorOf(ctx.actor, row);
  checkSameDraft(row, draft);
  const isCalibration = row.kind === 'calibration';
  if (row.state !== 'draft' && !(isCalibration && row.state === 'submitted')) {
    throw new AppError(
      'conflict',
      `Evaluation ${row.id} is ${row.state}: re-score it instead`,
      await evaluationOf(ctx.tx, row),
    );
  }
  checkVersion(expectedVersion, row, await evaluationOf(ctx.tx, row));
  return writeAnswers(ctx, row, draft.answers, draft.submit === true || isCalibration);
}

/** New answers on a draft (or a calibration evaluation), optionally submitting. */
async function writeAnswers(
  ctx: CommandContext,
  row: EvaluationRow,
  answers: Answer[],
  submit: boolean,
): Promise<CommandOutcome<Evaluation>> {
  const { tx, actor, now } = ctx;
  const version = await scorableVersion(tx, row.versionId);
  const contact = await contactToScore(tx, row.contactId);
  await checkAnswers(tx, version, contact, answers, submit);
  const scores = scoresOf(version, answers, contact.channel);
  const changed = await changeEvaluation(
    tx,
    row,
    {
      answers,
      rawScore: scores.rawScore,
      finalScore: scores.finalScore,
      maxScore: scores.maxScore,
      sections: scores.sections,
      criticalFailures: scores.criticalFailures,
      ...(submit ? { state: 'submitted', submittedAt: row.submittedAt ?? now } : {}),
    },
    now,
  );
  await saveRevision(tx, {
    evaluationId: row.id,
    revision: row.revision,
    answers,
    scores,
    authorId: actor.id,
    reason: '',
    at: now,
  });
  if (submit && countsInAgentScores(changed.kind as EvaluationKind, 'submitted')) {
    await replaceScoreRows(tx, changed, version, now);
  }
  return outcomeOf(ctx, changed);
}

export const saveEvaluationDraftCommand: CommandDefinition<typeof T.saveEvaluationDraft> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle(ctx, command) {
    const { calibrationId, ...draft } = command.payload;
    if (calibrationId) {
      return submitCalibrationCommand.handle(ctx, {
        ...command,
        type: T.submitCalibration,
        payload: {
          calibrationId,
          evaluationId: draft.evaluationId,
          contactId: draft.contactId,
          answers: draft.answers,
        },
      });
    }
    return saveDraft(ctx, 'coach', draft, command.expectedVersion, null);
  },
};

export const selfAssessCommand: CommandDefinition<typeof T.selfAssess> = {
  who: ['agent'],
  scope: isSelf(
    async ({ tx }, { payload }) => (await contactPlace(tx, payload.contactId))?.agentId ?? undefined,
    'A self-assessment is of your own contact',
  ),
  async handle(ctx, command) {
    return saveDraft(ctx, 'self', command.payload, command.expectedVersion, null);
  },
};

export const submitEvaluationCommand: CommandDefinition<typeof T.submitEvaluation> = {
  who: EVERYONE,
  scope: isSelf(
    async ({ tx }, { payload }) => (await evaluationParties(tx, payload.evaluationId))?.authorId,
    'Only its author changes a draft',
  ),
  async handle(ctx, command) {
    const row = await lockEvaluation(ctx.tx, command.payload.evaluationId);
    if (!row) throw new AppError('not_found', `No evaluation ${command.payload.evaluationId}`);
    checkAuthorOf(ctx.actor, row);
    if (row.state !== 'draft') throw new AppError('conflict', `Evaluation ${row.id} is already ${row.state}`);
    checkVersion(command.expectedVersion, row, await evaluationOf(ctx.tx, row));
    const answers = command.payload.answers ?? (row.answers as Answer[]);
    return writeAnswers(ctx, row, answers, true);
  },
};

/**
 * A session coach's (or its expert's) scoring of one of its contacts, blind: its events go to
 * the author alone until the session closes. Re-sent answers replace the earlier ones.
 */
export const submitCalibrationCommand: CommandDefinition<typeof T.submitCalibration> = {
  who: COACHING_ROLES,
  scope: anyone,
  async handle(ctx, command) {
    const { calibrationId, evaluationId, contactId, answers } = command.payload;
    const session = await calibrationForScoring(ctx.tx, calibrationId, ctx.actor.id, contactId);
    const [other] = await ctx.tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.calibrationId, calibrationId),
          eq(evaluations.authorId, ctx.actor.id),
          eq(evaluations.contactId, contactId),
        ),
      );
    if (other && other.id !== evaluationId) {
      throw new AppError(
        'conflict',
        `You scored contact ${contactId} in this session already (evaluation ${other.id})`,
      );
    }
    const draft = { evaluationId, versionId: session.versionId, contactId, answers, submit: true };
    return saveDraft(ctx, 'calibration', draft, command.expectedVersion, calibrationId);
  },
};
