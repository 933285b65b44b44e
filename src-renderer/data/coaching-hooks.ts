import { useLiveQuery } from 'dexie-react-hooks';
import type { ScorecardTemplate, ScorecardVersion } from '../../src-shared/protocol/coaching';
import type { FollowUpTask } from '../../src-shared/protocol/coaching-commands';
import type { CalibrationSession } from '../../src-shared/protocol/coaching-calibration';
import type { Evaluation } from '../../src-shared/protocol/coaching-evaluations';
import type { EvaluationDraft } from './coaching-drafts';
import { db } from './db';

/** Live reads of the coaching cache; `undefined` while loading. */

export function useScorecardTemplates(): ScorecardTemplate[] | undefined {
  return useLiveQuery(
    () => db.scorecardTemplates.toArray().then((t) => t.sort((a, b) => a.name.localeCompare(b.name))),
    [],
  );
}

export function useScorecardVersion(versionId: string | null | undefined): ScorecardVersion | undefined {
  return useLiveQuery(() => (versionId ? db.scorecardVersions.get(versionId) : undefined), [versionId]);
}

/** Published versions, the newest of each template first: what a coach may score with. */
export function usePublishedVersions(): ScorecardVersion[] | undefined {
  return useLiveQuery(async () => {
    const versions = await db.scorecardVersions.toArray();
    return versions
      .filter((v) => v.status === 'published')
      .sort((a, b) => a.name.localeCompare(b.name) || b.number - a.number);
  }, []);
}

export function useEvaluation(id: string | null): Evaluation | undefined {
  return useLiveQuery(() => (id ? db.evaluations.get(id) : undefined), [id]);
}

/** Evaluations, newest first; `agentId` limits them to one agent's. */
export function useEvaluations(agentId?: string): Evaluation[] | undefined {
  return useLiveQuery(async () => {
    const rows = agentId
      ? await db.evaluations.where('agentId').equals(agentId).toArray()
      : await db.evaluations.toArray();
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }, [agentId]);
}

export function useEvaluationDraft(evaluationId: string | null): EvaluationDraft | undefined {
  return useLiveQuery(
    () => (evaluationId ? db.evaluationDrafts.get(evaluationId) : undefined),
    [evaluationId],
  );
}

export function useCalibrations(): CalibrationSession[] | undefined {
  return useLiveQuery(
    () =>
      db.calibrations.toArray().then((rows) => rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
    [],
  );
}

export function useCalibration(id: string | null): CalibrationSession | undefined {
  return useLiveQuery(() => (id ? db.calibrations.get(id) : undefined), [id]);
}

export function useFollowUps(agentId?: string): FollowUpTask[] | undefined {
  return useLiveQuery(async () => {
    const rows = agentId
      ? await db.coachingTasks.where('agentId').equals(agentId).toArray()
      : await db.coachingTasks.toArray();
    return rows.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }, [agentId]);
}
