import { shouldReplace, type IncomingSource } from '../../src-shared/domain/apply-event';
import type { TemplateResult, FollowUpTask } from '../../src-shared/protocol/coaching-commands';
import type { CalibrationSession } from '../../src-shared/protocol/coaching-calibration';
import type { Evaluation } from '../../src-shared/protocol/coaching-evaluations';
import type { ScorecardTemplate, ScorecardVersion } from '../../src-shared/protocol/coaching';
import type { SyncEvent } from '../../src-shared/protocol/sync';
import { db } from './db';

/**
 * The coaching part of the cache: what the server sent (events, answers, reads) lands here and
 * the screens read it through live queries. A newer entity version always replaces an older one.
 */

const SERVER: IncomingSource = { kind: 'event' };

/** The tables coaching events write to (the sync transaction opens them). */
export const COACHING_TABLES = () => [
  db.scorecardTemplates,
  db.scorecardVersions,
  db.evaluations,
  db.calibrations,
  db.coachingTasks,
];

/** Applies a pushed coaching event (inside the sync transaction). */
export async function applyCoachingEvent(event: SyncEvent): Promise<void> {
  switch (event.type) {
    case 'scorecard.changed':
      return putScorecard(event.payload);
    case 'evaluation.changed':
      return putEvaluation(event.payload);
    case 'calibration.changed':
      return putCalibration(event.payload);
    case 'coaching-task.changed':
      return putFollowUp(event.payload);
  }
}

export async function putEvaluation(evaluation: Evaluation): Promise<void> {
  if (shouldReplace(await db.evaluations.get(evaluation.id), evaluation.version, SERVER))
    await db.evaluations.put(evaluation);
}

export async function putScorecard({ template, version }: TemplateResult): Promise<void> {
  await db.scorecardTemplates.put(template);
  if (shouldReplace(await db.scorecardVersions.get(version.id), version.version, SERVER))
    await db.scorecardVersions.put(version);
}

export async function putCalibration(session: CalibrationSession): Promise<void> {
  if (shouldReplace(await db.calibrations.get(session.id), session.version, SERVER))
    await db.calibrations.put(session);
}

export async function putFollowUp(task: FollowUpTask): Promise<void> {
  if (shouldReplace(await db.coachingTasks.get(task.id), task.version, SERVER))
    await db.coachingTasks.put(task);
}

/** Evaluations read from the server, in one transaction. */
export async function cacheEvaluations(evaluations: readonly Evaluation[]): Promise<void> {
  await db.transaction('rw', db.evaluations, async () => {
    for (const evaluation of evaluations) await putEvaluation(evaluation);
  });
}

/** Templates with their version summaries; full versions arrive with `cacheScorecardVersion`. */
export async function cacheScorecardTemplates(templates: readonly ScorecardTemplate[]): Promise<void> {
  await db.scorecardTemplates.bulkPut([...templates]);
}

export async function cacheScorecardVersion(version: ScorecardVersion): Promise<void> {
  await db.transaction('rw', db.scorecardVersions, async () => {
    if (shouldReplace(await db.scorecardVersions.get(version.id), version.version, SERVER))
      await db.scorecardVersions.put(version);
  });
}

export async function cacheCalibrations(sessions: readonly CalibrationSession[]): Promise<void> {
  await db.transaction('rw', db.calibrations, async () => {
    for (const session of sessions) await putCalibration(session);
  });
}

export async function cacheFollowUps(tasks: readonly FollowUpTask[]): Promise<void> {
  await db.transaction('rw', db.coachingTasks, async () => {
    for (const task of tasks) await putFollowUp(task);
  });
}

/** A coaching command's answer, put where the screens read it. */
export const storeEvaluation = (e: Evaluation) =>
  db.transaction('rw', db.evaluations, () => putEvaluation(e));
export const storeScorecard = (r: TemplateResult) =>
  db.transaction('rw', [db.scorecardTemplates, db.scorecardVersions], () => putScorecard(r));
export const storeCalibration = (c: CalibrationSession) =>
  db.transaction('rw', db.calibrations, () => putCalibration(c));
export const storeFollowUp = (t: FollowUpTask) =>
  db.transaction('rw', db.coachingTasks, () => putFollowUp(t));
