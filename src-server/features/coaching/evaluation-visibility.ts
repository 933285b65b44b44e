import type { Db, Tx } from '../../db/database';
import type { EvaluationKind, EvaluationState } from '../../../src-shared/protocol/coaching-evaluations';
import { isVisibleToAgent } from '../../../src-shared/domain/coaching/workflow';
import { seesEverything, type Actor } from '../auth/actor';
import { findCalibration, ratersOf } from './calibration.repository';
import { coachTeamIds, inScope, isCoaching } from './coaching-scope';
import type { EvaluationRow } from './evaluations.repository';

/**
 * Who may see an evaluation: its author; supervisors and admins; a coach of the agent's team
 * (past draft); the agent their released evaluations and their self-assessments. A calibration
 * evaluation is its author's alone until the session closes, then its raters' too.
 */
export async function maySeeEvaluation(db: Db | Tx, actor: Actor, row: EvaluationRow): Promise<boolean> {
  if (row.authorId === actor.id) return true;
  const kind = row.kind as EvaluationKind;
  if (kind === 'calibration') {
    const session = row.calibrationId ? await findCalibration(db, row.calibrationId) : null;
    return (
      session !== null &&
      session.state === 'closed' &&
      (seesEverything(actor) || ratersOf(session).includes(actor.id))
    );
  }
  if (row.state === 'draft') return false;
  if (seesEverything(actor)) return true;
  if (row.agentId === actor.id)
    return kind === 'self' || isVisibleToAgent(kind, row.state as EvaluationState);
  return isCoaching(actor) && inScope(await coachTeamIds(db, actor), row.teamId);
}
