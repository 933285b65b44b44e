import type { Db } from '../../db/database';
import { teams, users } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { hasRole, type Actor } from '../auth/actor';
import type { Channel } from '../../../src-shared/protocol/channels';
import type { KpiQuery } from '../../../src-shared/protocol/kpi-report';
import type { QueueFacts } from './kpi-context';

/** Which rows a report sums: every part given narrows it. */
export interface KpiScope {
  queueId?: string;
  /** Agents' work while on these teams, and the queue rows of these teams' queues. */
  teamId?: string;
  agentId?: string;
  channel?: Channel;
}

/**
 * The rows `actor` may read for `query`: admins any; supervisors and coaches their own team's
 * (queues, agents; the team when nothing narrower is asked); agents their own figures only.
 * An unknown queue, team or agent is a 400 naming it; asking beyond one's scope a 403.
 */
export async function scopeFor(
  db: Db,
  actor: Actor,
  query: KpiQuery,
  queueFacts: Map<string, QueueFacts>,
): Promise<KpiScope> {
  if (query.queue !== undefined && !queueFacts.has(query.queue))
    throw new AppError('invalid', `Unknown queue "${query.queue}"`, [
      { path: '/queue', message: 'no such queue' },
    ]);
  const teamIds = new Set((await db.select({ id: teams.id }).from(teams)).map((t) => t.id));
  if (query.team !== undefined && !teamIds.has(query.team))
    throw new AppError('invalid', `Unknown team "${query.team}"`, [
      { path: '/team', message: 'no such team' },
    ]);
  const agentTeams = new Map(
    (await db.select({ id: users.id, teamId: users.teamId }).from(users)).map((u) => [u.id, u.teamId]),
  );
  if (query.agent !== undefined && !agentTeams.has(query.agent))
    throw new AppError('invalid', `Unknown agent "${query.agent}"`, [
      { path: '/agent', message: 'no such agent' },
    ]);
  const asked: KpiScope = {
    queueId: query.queue,
    teamId: query.team,
    agentId: query.agent,
    channel: query.channel,
  };
  if (hasRole(actor, 'admin')) return asked;
  if (hasRole(actor, 'supervisor', 'coach')) {
    const own = actor.teamId;
    const refuse = (what: string) =>
      new AppError('forbidden', `Supervisors see their own team's figures, not ${what}`);
    if (!own) throw new AppError('forbidden', 'You are on no team: there are no figures for you to see');
    if (asked.teamId !== undefined && asked.teamId !== own) throw refuse(`team "${asked.teamId}"`);
    if (asked.queueId !== undefined && queueFacts.get(asked.queueId)?.teamId !== own)
      throw refuse(`queue "${asked.queueId}"`);
    if (asked.agentId !== undefined && agentTeams.get(asked.agentId) !== own)
      throw refuse(`agent "${asked.agentId}"`);
    return asked.agentId === undefined ? { ...asked, teamId: own } : asked;
  }
  if (asked.teamId !== undefined || asked.queueId !== undefined)
    throw new AppError('forbidden', 'Agents see their own figures, not a team’s or a queue’s');
  if (asked.agentId !== undefined && asked.agentId !== actor.id)
    throw new AppError('forbidden', 'Agents see their own figures, not another agent’s');
  return { ...asked, agentId: actor.id };
}
