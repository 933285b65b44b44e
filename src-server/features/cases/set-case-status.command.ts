import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { CaseStatus } from '../../../src-shared/protocol/entities';
import { CASE_TRANSITIONS, isCaseSettled, mayMoveCase } from '../../../src-shared/domain/case-flow';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import { queueOfCase, servesQueue } from '../access/command-scopes';
import { toCaseSummary } from '../customers/customers.repository';
import { caseEvent, productNameOf } from './case-records';
import { lockCase } from './cases.repository';
import { hasRole } from '../auth/actor';
import { queueCaseSurvey } from '../surveys/survey-queue';

/**
 * Moves a case along its status flow. Agents move cases of the queues they serve, supervisors
 * and admins any case; a move the flow does not allow is refused and nothing changes. Reopening
 * a resolved case restarts its SLA clock. Resolving or closing it queues the customer's
 * satisfaction survey in the same transaction, as their preference allows (docs/SURVEYS.md). A
 * console that changed the case offline sends the version it saw: if the case moved on meanwhile,
 * the answer is a conflict carrying the case as it is now, and nothing changes.
 */
export const createSetCaseStatusCommand = (deps: {
  /** Sends the survey email now rather than at the outbound worker's next tick. */
  kickOutbound(): void;
}): CommandDefinition<typeof COMMAND_TYPES.setCaseStatus> => ({
  who: ['agent', 'supervisor', 'admin'],
  scope: servesQueue(
    ({ tx }, { payload }) => queueOfCase(tx, payload.caseId),
    'This case belongs to a queue you do not serve',
  ),
  async handle({ tx, actor, now }, command) {
    const { caseId, status } = command.payload;
    const row = await lockCase(tx, caseId);
    if (!row) throw new AppError('not_found', `No case ${caseId}`);
    if (command.expectedVersion !== undefined && command.expectedVersion !== row.version) {
      const current = toCaseSummary({ case: row, product: await productNameOf(tx, row) });
      checkVersion(command.expectedVersion, row, current);
    }
    const from = CaseStatus.catch('open').parse(row.status);
    if (!mayMoveCase(from, status)) {
      const allowed = CASE_TRANSITIONS[from].join(', ') || 'none';
      throw new AppError(
        'unprocessable',
        `status: a ${from} case cannot become ${status} (allowed: ${allowed})`,
      );
    }
    const reopened = isCaseSettled(from) && !isCaseSettled(status);
    const [updated] = await tx
      .update(cases)
      .set({
        status,
        version: row.version + 1,
        updatedAt: now,
        ...(reopened ? { unresolvedSince: now } : {}),
      })
      .where(eq(cases.id, caseId))
      .returning();
    if (!updated) throw new Error('case update returned nothing');
    const isSurveyQueued =
      isCaseSettled(status) &&
      (await queueCaseSurvey(tx, {
        caseId,
        now,
        fallbackAgentId: hasRole(actor, 'agent') ? actor.id : null,
      }));
    const summary = toCaseSummary({ case: updated, product: await productNameOf(tx, updated) });
    return {
      entity: summary,
      events: [caseEvent(summary, actor.id)],
      ...(isSurveyQueued ? { afterCommit: () => deps.kickOutbound() } : {}),
    };
  },
});
