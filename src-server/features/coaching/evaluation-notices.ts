import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { users } from '../../db/schema';
import type { NotificationKind } from '../../../src-shared/protocol/supervisor-entities';
import { notify } from '../notices/notifications.repository';
import type { NewEvent } from '../sync/event-log';
import type { EvaluationRow } from './evaluations.repository';

/**
 * Console notices of the evaluation workflow, written in the step's own transaction: the agent
 * hears when an evaluation is released to them and when their dispute is resolved; the coach who
 * wrote it hears when the agent acknowledges or disputes it. Params carry names, not ids, so the
 * notice still reads right if the console has not cached the people involved.
 */

type Step = 'released' | 'acknowledged' | 'disputed' | 'resolved';

const KIND_OF: Record<Step, NotificationKind> = {
  released: 'evaluation_released',
  acknowledged: 'evaluation_acknowledged',
  disputed: 'evaluation_disputed',
  resolved: 'evaluation_dispute_resolved',
};

/** The agent hears of what the coach did; the coach of what the agent did. */
const TOLD: Record<Step, 'agent' | 'author'> = {
  released: 'agent',
  acknowledged: 'author',
  disputed: 'author',
  resolved: 'agent',
};

export async function displayNameOf(tx: Tx, userId: string): Promise<string> {
  const [row] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? userId;
}

/** One decimal, as the console shows scores; empty when the form has no score. */
function scoreText(score: number | null): string {
  return score === null ? '' : (Math.round(score * 10) / 10).toFixed(1);
}

export async function evaluationNotice(
  tx: Tx,
  row: EvaluationRow,
  step: Step,
  by: { name: string },
  now: Date,
  extra: Record<string, string> = {},
): Promise<NewEvent> {
  const userId = TOLD[step] === 'agent' ? row.agentId : row.authorId;
  return notify(tx, {
    userId,
    kind: KIND_OF[step],
    params: { evaluationId: row.id, by: by.name, score: scoreText(row.finalScore), ...extra },
    contactId: row.contactId,
    now,
  });
}
