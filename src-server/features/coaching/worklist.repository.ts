import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts, users } from '../../db/schema';
import type { Channel } from '../../../src-shared/protocol/channels';
import type { WorkItem } from '../../../src-shared/protocol/coaching-sampling';
import { worklist, type WorkItemInput } from '../../../src-shared/domain/coaching/worklist';
import type { Actor } from '../auth/actor';
import { coachTeamIds, inScope } from './coaching-scope';
import { draftsBy, evaluatedContactIds, recentDraws } from './sampling.repository';

/** Done items stay on the list this long after they were due, then drop off. */
const DONE_KEPT_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * What a coach has to score: every drawn contact of an agent in their teams (due, overdue or
 * done by any coach's submitted evaluation), and the contacts they picked by hand and hold a
 * draft of. Supervisors and admins see every team's.
 */
export async function coachWorklist(db: Db, actor: Actor, now: number): Promise<WorkItem[]> {
  const teams = await coachTeamIds(db, actor);
  const draws = await recentDraws(db);
  const sampled: WorkItemInput[] = draws.flatMap((draw) =>
    draw.picks.flatMap((pick) =>
      pick.contactIds.map((contactId) => ({
        contactId,
        agentId: pick.agentId,
        source: 'sample' as const,
        planId: draw.planId,
        dueAt: Date.parse(draw.dueAt),
      })),
    ),
  );
  const sampledIds = new Set(sampled.map((i) => i.contactId));
  const manual: WorkItemInput[] = (await draftsBy(db, actor.id))
    .filter((d) => !sampledIds.has(d.contactId))
    .map((d) => ({
      contactId: d.contactId,
      agentId: d.agentId,
      source: 'manual',
      planId: null,
      dueAt: null,
    }));
  const agents = await agentsOf(db, [...new Set([...sampled, ...manual].map((i) => i.agentId))]);
  const mine = [...sampled.filter((i) => inScope(teams, agents.get(i.agentId)?.teamId ?? null)), ...manual];
  const evaluated = await evaluatedContactIds(
    db,
    mine.map((i) => i.contactId),
  );
  const listed = worklist(mine, evaluated, now).filter(
    (i) => i.status !== 'done' || i.dueAt === null || now - i.dueAt < DONE_KEPT_MS,
  );
  const described = await contactsOf(
    db,
    listed.map((i) => i.contactId),
  );
  return listed.map((i) => ({
    contactId: i.contactId,
    agentId: i.agentId,
    agentName: agents.get(i.agentId)?.displayName ?? i.agentId,
    contact: described.get(i.contactId) ?? null,
    source: i.source,
    planId: i.planId,
    dueAt: i.dueAt === null ? null : new Date(i.dueAt).toISOString(),
    status: i.status,
  }));
}

async function agentsOf(
  db: Db,
  agentIds: string[],
): Promise<Map<string, { teamId: string | null; displayName: string }>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, teamId: users.teamId, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, agentIds));
  return new Map(rows.map((r) => [r.id, r]));
}

/** What each contact was (channel, subject, who from, when it ended), for the coach to recognise it. */
async function contactsOf(db: Db, ids: string[]): Promise<Map<string, NonNullable<WorkItem['contact']>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: contacts.id,
      channel: contacts.channel,
      subject: contacts.subject,
      from: contacts.from,
      endedAt: contacts.endedAt,
    })
    .from(contacts)
    .where(inArray(contacts.id, [...new Set(ids)]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        channel: r.channel as Channel,
        subject: r.subject,
        from: r.from,
        endedAt: r.endedAt?.toISOString() ?? null,
      },
    ]),
  );
}
