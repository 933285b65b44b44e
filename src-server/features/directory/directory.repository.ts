import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { queues, skills, teams } from '../../db/schema';
import { Channel, type Queue, type Team } from '../../../src-shared/protocol/entities';
import { Skill } from '../../../src-shared/protocol/routing-config';
import { queueRoutingOf } from '../../db/stored-routing';

export function queueOf(q: typeof queues.$inferSelect): Queue {
  return {
    id: q.id,
    name: q.name,
    teamId: q.teamId,
    language: q.language,
    tier: q.tier,
    channels: q.channels.flatMap((c) => {
      const channel = Channel.safeParse(c);
      return channel.success ? [channel.data] : [];
    }),
    routing: queueRoutingOf(q.routing),
    version: q.version,
  };
}

export async function listQueues(db: Db | Tx): Promise<Queue[]> {
  const rows = await db.select().from(queues).orderBy(asc(queues.name));
  return rows.map(queueOf);
}

export async function findQueue(db: Db | Tx, id: string): Promise<Queue | null> {
  const [row] = await db.select().from(queues).where(eq(queues.id, id)).limit(1);
  return row ? queueOf(row) : null;
}

/** The skill catalogue (rows of an unknown kind are left out). */
export async function listSkills(db: Db | Tx): Promise<Skill[]> {
  const rows = await db.select().from(skills).orderBy(asc(skills.name));
  return rows.flatMap((row) => {
    const skill = Skill.safeParse(row);
    return skill.success ? [skill.data] : [];
  });
}

export async function listTeams(db: Db | Tx): Promise<Team[]> {
  return db
    .select({ id: teams.id, name: teams.name, version: teams.version })
    .from(teams)
    .orderBy(asc(teams.name));
}
