import { and, eq, isNull, or, lte, sql, gt } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { coachProfiles, queues, sessions, users } from '../../db/schema';
import { accountOf } from '../../db/account-row';
import type { Actor } from './actor';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.toLowerCase())).limit(1);
  return row;
}

export async function insertSession(
  db: Db,
  row: { id: string; userId: string; refreshHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: Db, sessionId: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return row;
}

/** Replaces the refresh secret only if it still is the one presented: two racing refreshes cannot both win. */
export async function rotateSessionSecret(
  db: Db,
  sessionId: string,
  oldHash: string,
  newHash: string,
): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ refreshHash: newHash })
    .where(and(eq(sessions.id, sessionId), eq(sessions.refreshHash, oldHash), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Whether the session is open (not revoked, not expired) and its user enabled: one indexed lookup. */
export async function isSessionLive(db: Db, userId: string, sessionId: string, now = new Date()) {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(users.disabled, false),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The live actor for a token, or null when the user is disabled or the session is revoked or expired. */
export async function loadActor(
  db: Db,
  userId: string,
  sessionId: string,
  now = new Date(),
): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(users.disabled, false),
      ),
    )
    .limit(1);
  if (!row) return null;
  const u = row.user;
  const { id, username, displayName, roles, teamId, tier } = accountOf(u);
  return {
    id,
    username,
    displayName,
    roles,
    teamId,
    teamIds: await seenTeamIds(db, u.id, teamId, roles),
    tier,
    languages: u.languages,
    sessionId: row.sessionId,
    queueIds: await servedQueueIds(db, u),
  };
}

/** A person's own team and, for a coach, the teams their coach profile names (issue 11: carl coaches Tier 2 too). */
async function seenTeamIds(
  db: Db,
  userId: string,
  teamId: string | null,
  roles: Actor['roles'],
): Promise<string[]> {
  const teams = new Set(teamId ? [teamId] : []);
  if (roles.includes('coach')) {
    const [profile] = await db
      .select({ teamIds: coachProfiles.teamIds })
      .from(coachProfiles)
      .where(eq(coachProfiles.userId, userId));
    for (const id of profile?.teamIds ?? []) teams.add(id);
  }
  return [...teams];
}

/** Queues a person serves: their team's, plus those in a language they speak at or below their tier. */
async function servedQueueIds(db: Db, u: Pick<UserRow, 'teamId' | 'languages' | 'tier'>): Promise<string[]> {
  const byTeam = u.teamId ? eq(queues.teamId, u.teamId) : sql`false`;
  const byLanguage =
    u.languages.length > 0
      ? and(sql`${queues.language} = any(${sql.param(u.languages)}::text[])`, lte(queues.tier, u.tier))
      : sql`false`;
  const rows = await db
    .select({ id: queues.id })
    .from(queues)
    .where(or(byTeam, byLanguage))
    .orderBy(queues.id);
  return rows.map((r) => r.id);
}
