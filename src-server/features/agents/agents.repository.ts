import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { agentSkills, agentStates, contacts, users } from '../../db/schema';
import type { AgentSkill } from '../../../src-shared/protocol/routing-config';
import { agentRoutingOf, proficiencyOf, StoredSkillPairs } from '../../db/stored-routing';
import { AgentState, type Agent } from '../../../src-shared/protocol/entities';
import { accountOf } from '../../db/account-row';

/** Users who hold the agent role. */
export const isAgent = sql`'agent' = any(${users.roles})`;

const agentColumns = {
  user: users,
  state: agentStates.state,
  reasonCode: agentStates.reasonCode,
  since: agentStates.since,
  stateVersion: agentStates.version,
  missedOffers: agentStates.missedOffers,
  idleSince: agentStates.idleSince,
};

type AgentRow = {
  user: typeof users.$inferSelect;
  state: string | null;
  reasonCode: string | null;
  since: Date | null;
  stateVersion: number | null;
  missedOffers: number | null;
  idleSince: Date | null;
};

function toAgent(row: AgentRow, skills: AgentSkill[]): Agent {
  const u = row.user;
  return {
    ...accountOf(u),
    languages: u.languages,
    state: AgentState.catch('offline').parse(row.state ?? 'offline'),
    reasonCode: row.reasonCode,
    stateSince: (row.since ?? u.createdAt).toISOString(),
    version: row.stateVersion ?? 0,
    routing: agentRoutingOf(skills, u.capacity),
    missedOffers: row.missedOffers ?? 0,
    idleSince: (row.idleSince ?? u.createdAt).toISOString(),
  };
}

/** Skills per agent, for the given agents, in one query. */
export async function skillsOf(db: Db | Tx, agentIds: string[]): Promise<Map<string, AgentSkill[]>> {
  const bySkill = new Map<string, AgentSkill[]>();
  if (agentIds.length === 0) return bySkill;
  const rows = await db.select().from(agentSkills).where(inArray(agentSkills.userId, agentIds));
  for (const row of rows) {
    const list = bySkill.get(row.userId) ?? [];
    list.push({ skillId: row.skillId, proficiency: proficiencyOf(row.proficiency) });
    bySkill.set(row.userId, list);
  }
  return bySkill;
}

async function withSkills(db: Db | Tx, rows: AgentRow[]): Promise<Agent[]> {
  const skills = await skillsOf(
    db,
    rows.map((r) => r.user.id),
  );
  return rows.map((row) => toAgent(row, skills.get(row.user.id) ?? []));
}

/** Agents with live state; `teamIds` narrows to those teams (null: all teams). */
export async function listAgents(db: Db | Tx, teamIds: readonly string[] | null): Promise<Agent[]> {
  if (teamIds !== null && teamIds.length === 0) return [];
  const rows = await db
    .select(agentColumns)
    .from(users)
    .leftJoin(agentStates, eq(agentStates.userId, users.id))
    .where(teamIds === null ? isAgent : and(isAgent, inArray(users.teamId, [...teamIds])))
    .orderBy(asc(users.displayName));
  return withSkills(db, rows);
}

/** An agent whose state row this transaction holds, and the statuses of the work they have. */
export interface LockedAgent {
  agent: Agent;
  /** offered, active or wrap_up, once per contact they are offered, handle or wrap up. */
  openWork: string[];
}

/** Locks the agent's state row for the rest of the transaction (created on first use). */
export async function lockAgent(tx: Tx, agentId: string): Promise<Agent | null> {
  return (await lockAgentAtWork(tx, agentId))?.agent ?? null;
}

/** `lockAgent`, with the agent's open work read in the same statement. */
export async function lockAgentAtWork(tx: Tx, agentId: string): Promise<LockedAgent | null> {
  const row = (await lockedAgentRow(tx, agentId)) ?? (await withStateRow(tx, agentId));
  if (!row) return null;
  const { skills, openWork, ...agentRow } = row;
  const parsedSkills = StoredSkillPairs.safeParse(skills);
  return {
    agent: toAgent(agentRow, parsedSkills.success ? parsedSkills.data : []),
    openWork: Array.isArray(openWork) ? openWork.filter((s): s is string => typeof s === 'string') : [],
  };
}

/**
 * The agent with their state row locked, their skills and their open work, or null (not an
 * agent, or no state row yet). One statement: every accept, end and wrap-up runs it.
 */
async function lockedAgentRow(tx: Tx, agentId: string) {
  const [row] = await tx
    .select({
      ...agentColumns,
      skills: sql<unknown>`(select coalesce(json_agg(json_build_array(${agentSkills.skillId}, ${agentSkills.proficiency})), '[]')
        from ${agentSkills} where ${agentSkills.userId} = ${users.id})`,
      openWork: sql<unknown>`(select coalesce(array_agg(${contacts.status}), '{}') from ${contacts}
        where ${contacts.agentId} = ${users.id} and ${contacts.status} in ('offered', 'active', 'wrap_up'))`,
    })
    .from(users)
    .innerJoin(agentStates, eq(agentStates.userId, users.id))
    .where(and(eq(users.id, agentId), isAgent))
    .for('update', { of: agentStates })
    .limit(1);
  return row ?? null;
}

/** An agent seen for the first time gets their state row (Offline), then it is locked. */
async function withStateRow(tx: Tx, agentId: string): ReturnType<typeof lockedAgentRow> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, agentId), isAgent))
    .limit(1);
  if (!user) return null;
  await tx.insert(agentStates).values({ userId: agentId, version: 0 }).onConflictDoNothing();
  return lockedAgentRow(tx, agentId);
}

export async function saveAgentState(
  tx: Tx,
  agentId: string,
  change: {
    state: AgentState;
    reasonCode: string | null;
    since: Date;
    version: number;
    missedOffers: number;
    idleSince: Date;
  },
): Promise<void> {
  await tx.update(agentStates).set(change).where(eq(agentStates.userId, agentId));
}
