import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { calibrations, contacts, evaluations, users } from '../../db/schema';
import { AppError } from '../../platform/errors';
import {
  CalibrationReport,
  type CalibrationSession,
  type CalibrationState,
} from '../../../src-shared/protocol/coaching-calibration';

export type CalibrationRow = typeof calibrations.$inferSelect;

export function sessionOf(row: CalibrationRow): CalibrationSession {
  return {
    id: row.id,
    versionId: row.versionId,
    contactIds: row.contactIds,
    coachIds: row.coachIds,
    expertId: row.expertId,
    state: row.state as CalibrationState,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export const reportOf = (row: CalibrationRow): CalibrationReport | null =>
  row.report === null ? null : CalibrationReport.parse(row.report);

/** Everyone who scores in the session: its coaches and its expert. */
export const ratersOf = (row: Pick<CalibrationRow, 'coachIds' | 'expertId'>): string[] =>
  row.expertId && !row.coachIds.includes(row.expertId) ? [...row.coachIds, row.expertId] : row.coachIds;

export async function lockCalibration(tx: Tx, id: string): Promise<CalibrationRow | null> {
  const [row] = await tx.select().from(calibrations).where(eq(calibrations.id, id)).for('update');
  return row ?? null;
}

export async function findCalibration(db: Db | Tx, id: string): Promise<CalibrationRow | null> {
  const [row] = await db.select().from(calibrations).where(eq(calibrations.id, id));
  return row ?? null;
}

/** Sessions the person rates in or created; supervisors and admins see all. */
export async function listCalibrations(db: Db, userId: string | null): Promise<CalibrationRow[]> {
  const mine =
    userId === null
      ? undefined
      : sql`(${calibrations.createdBy} = ${userId} or ${userId} = any(${calibrations.coachIds}) or ${calibrations.expertId} = ${userId})`;
  return db.select().from(calibrations).where(mine).orderBy(desc(calibrations.createdAt)).limit(500);
}

/** The open session `actorId` may score `contactId` in, or a refusal saying why not. */
export async function calibrationForScoring(
  tx: Tx,
  id: string,
  actorId: string,
  contactId: string,
): Promise<CalibrationRow> {
  const [row] = await tx.select().from(calibrations).where(eq(calibrations.id, id)).for('share');
  if (!row) throw new AppError('not_found', `No calibration session ${id}`);
  if (!ratersOf(row).includes(actorId))
    throw new AppError('forbidden', 'You are not a coach of this calibration session');
  if (row.state !== 'open') throw new AppError('conflict', 'This calibration session is closed');
  if (!row.contactIds.includes(contactId)) {
    throw new AppError('invalid', `Contact ${contactId} is not part of this calibration session`);
  }
  return row;
}

export async function insertCalibration(
  tx: Tx,
  row: typeof calibrations.$inferInsert,
): Promise<CalibrationRow> {
  const [inserted] = await tx.insert(calibrations).values(row).returning();
  if (!inserted) throw new Error('calibration insert returned nothing');
  return inserted;
}

export async function closeCalibrationRow(
  tx: Tx,
  row: CalibrationRow,
  report: CalibrationReport,
  now: Date,
): Promise<CalibrationRow> {
  const [closed] = await tx
    .update(calibrations)
    .set({ state: 'closed', closedAt: now, report, version: row.version + 1 })
    .where(eq(calibrations.id, row.id))
    .returning();
  if (!closed) throw new Error(`calibration ${row.id} vanished`);
  return closed;
}

export async function calibrationEvaluationRows(db: Db | Tx, calibrationId: string) {
  return db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.calibrationId, calibrationId), eq(evaluations.kind, 'calibration')));
}

/** Enabled users with a coaching role: who may rate in a session. */
const RATER = and(
  sql`${users.roles} && array['coach','supervisor','admin']::text[]`,
  eq(users.disabled, false),
);

/** Ids among `ids` that are not users with a coaching role. */
export async function notCoaches(tx: Tx, ids: string[]): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), RATER));
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/** Everyone who may rate in a session, by name. */
export async function listRaters(db: Db): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(RATER)
    .orderBy(users.displayName);
}

export async function missingContacts(tx: Tx, ids: string[]): Promise<string[]> {
  const rows = await tx.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, ids));
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}
