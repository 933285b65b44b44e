import type { Db } from '../../db/database';
import { kpiDays, kpiFacts, kpiIntervals, kpiPosition } from '../../db/schema';
import { latestSyncId } from '../sync/event-log';
import { createKpiProjection } from './kpi-projection';
import type { KpiSettings } from './kpi-settings';
import { recountSurveyAnswers } from '../surveys/survey-kpi';

/**
 * Recomputes the KPI projection from the whole event log: empties its rows and facts, then folds
 * the log from the start with the same consumer the server runs (so the numbers are the same by
 * construction). Reports read partial figures until it is done.
 */
export async function rebuildKpis(
  db: Db,
  settings: KpiSettings['projection'],
  onProgress?: (position: number, last: number) => void,
): Promise<{ events: number }> {
  const last = await latestSyncId(db);
  await db.transaction(async (tx) => {
    await tx.update(kpiPosition).set({ syncId: 0 });
    await tx.delete(kpiIntervals);
    await tx.delete(kpiDays);
    await tx.delete(kpiFacts);
  });
  const projection = createKpiProjection({ db, settings, batchSize: 2000 });
  const events = await projection.catchUp((position) => onProgress?.(position, last));
  // Survey answers are not log events: counted from their own rows (features/surveys/survey-kpi.ts).
  await recountSurveyAnswers(db);
  return { events };
}
