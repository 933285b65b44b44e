import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { coachProfiles, users } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { hasRole, seesEverything, type Actor } from '../auth/actor';

/**
 * Who a coach may evaluate: the agents of their teams (their own team and the teams on their
 * coach profile). Supervisors and admins reach every team.
 */

export const isCoaching = (actor: Actor): boolean => hasRole(actor, 'coach', 'supervisor', 'admin');

export function requireCoaching(actor: Actor, what: string): void {
  if (!isCoaching(actor)) throw new AppError('forbidden', `Only coaches, supervisors and admins ${what}`);
}

/** The teams whose agents the coach may evaluate (null: every team). */
export async function coachTeamIds(db: Db | Tx, actor: Actor): Promise<string[] | null> {
  if (seesEverything(actor)) return null;
  if (!hasRole(actor, 'coach')) return [];
  const [profile] = await db
    .select({ teamIds: coachProfiles.teamIds })
    .from(coachProfiles)
    .where(eq(coachProfiles.userId, actor.id));
  const teams = new Set(profile?.teamIds ?? []);
  if (actor.teamId) teams.add(actor.teamId);
  return [...teams];
}

export function inScope(teams: string[] | null, agentTeamId: string | null): boolean {
  return teams === null || (agentTeamId !== null && teams.includes(agentTeamId));
}

export async function teamOf(db: Db | Tx, userId: string): Promise<string | null> {
  const [row] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, userId));
  return row?.teamId ?? null;
}

/** Coaches whose scope holds `teamId`: they see that team's evaluations live. */
export async function coachesOfTeam(db: Db | Tx, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .leftJoin(coachProfiles, eq(coachProfiles.userId, users.id))
    .where(
      and(
        sql`'coach' = any(${users.roles})`,
        sql`(${users.teamId} = ${teamId} or ${teamId} = any(coalesce(${coachProfiles.teamIds}, '{}'::text[])))`,
      ),
    );
  return rows.map((r) => r.id);
}

/** The coach's number on their profile, for live monitoring. */
export async function coachPhone(db: Db | Tx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ phone: coachProfiles.phone })
    .from(coachProfiles)
    .where(eq(coachProfiles.userId, userId));
  return row?.phone ?? null;
}
