import { asc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { evaluationReleaseTimers } from '../../db/schema';
import type { NewEvent } from '../sync/event-log';
import { coachesOfTeam } from './coaching-scope';
import { evaluationAudience, evaluationEvent } from './coaching-events';
import { releaseNow } from './evaluation-workflow.commands';
import { evaluationOf, lockEvaluation } from './evaluations.repository';
import { displayNameOf, evaluationNotice } from './evaluation-notices';

/**
 * Releases evaluations whose set time has come, in the deadline sweeper's transaction. Rows are
 * claimed with SKIP LOCKED, so each fires once across nodes and none is lost to a restart.
 */
export async function releaseDueEvaluations(tx: Tx, now: Date, batch: number): Promise<NewEvent[]> {
  const due = await tx
    .select()
    .from(evaluationReleaseTimers)
    .where(lte(evaluationReleaseTimers.dueAt, now))
    .orderBy(asc(evaluationReleaseTimers.dueAt))
    .limit(batch)
    .for('update', { skipLocked: true });
  const events: NewEvent[] = [];
  for (const timer of due) {
    await tx
      .delete(evaluationReleaseTimers)
      .where(eq(evaluationReleaseTimers.evaluationId, timer.evaluationId));
    const row = await lockEvaluation(tx, timer.evaluationId);
    if (!row || row.state !== 'submitted') continue;
    const released = await releaseNow(tx, row, now);
    const evaluation = await evaluationOf(tx, released);
    events.push(
      evaluationEvent(evaluation, evaluationAudience(evaluation, await coachesOfTeam(tx, released.teamId))),
      // Released by the clock on the author's behalf, so the notice names the author.
      await evaluationNotice(
        tx,
        released,
        'released',
        { name: await displayNameOf(tx, released.authorId) },
        now,
      ),
    );
  }
  return events;
}
