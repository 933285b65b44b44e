import { z } from 'zod';
import type { Tx } from '../db/database';
import { runRaw } from '../db/raw-sql';
import type { RoutingAgent } from '../../src-shared/domain/routing/types';
import { Channel } from '../../src-shared/protocol/channels';
import { AgentState } from '../../src-shared/protocol/entities';
import { agentRoutingOf } from './routing-defaults';

/**
 * The agents a pass may offer work to (Available or Busy, not disabled), each with their skills
 * and what they hold or are offered per channel and status, with their state rows locked until
 * the pass commits (nobody leaves routing between this read and the offer). One statement that
 * answers one JSON value: a pass runs many times a second, and reading 200 agents, their skills
 * and their holdings as three result sets of rows cost far more (on the embedded database most of
 * all) than building the same thing in PostgreSQL.
 */
const ROUTABLE_AGENTS = {
  name: 'routable_agents',
  text: `with routable as materialized (
      select s.user_id, s.state, s.idle_since
      from agent_states s join users u on u.id = s.user_id
      where s.state in ('available', 'busy') and 'agent' = any(u.roles) and not u.disabled
      for update of s
    )
    select coalesce(json_agg(json_build_object(
      'id', u.id, 'displayName', u.display_name, 'teamId', u.team_id, 'tier', u.tier,
      'languages', u.languages, 'capacity', u.capacity, 'state', r.state,
      'idleSince', floor(extract(epoch from r.idle_since) * 1000),
      'skills', coalesce((
        select json_agg(json_build_object('skillId', k.skill_id, 'proficiency', k.proficiency))
        from agent_skills k where k.user_id = u.id), '[]'),
      'holdings', coalesce((
        select json_agg(json_build_object('channel', h.channel, 'status', h.status, 'count', h.n))
        from (select c.channel, c.status, count(*) as n from contacts c
          where c.agent_id = u.id and c.status in ('offered', 'active', 'wrap_up')
          group by c.channel, c.status) h), '[]')
    ) order by u.id), '[]') as agents
    from routable r join users u on u.id = r.user_id`,
};

/** One agent as the statement builds it: stored rows, so checked (a bad one is left out). */
const RoutableAgentRow = z.object({
  id: z.string(),
  displayName: z.string(),
  teamId: z.string().nullable(),
  tier: z.number().int(),
  languages: z.array(z.string()),
  capacity: z.unknown(),
  state: AgentState,
  idleSince: z.number(),
  skills: z.array(
    z.object({ skillId: z.string(), proficiency: z.number().transform((p) => Math.min(5, Math.max(1, p))) }),
  ),
  holdings: z.array(
    z.object({
      channel: Channel,
      status: z.enum(['offered', 'active', 'wrap_up']),
      count: z.number().int(),
    }),
  ),
});

export async function loadRoutableAgents(tx: Tx): Promise<RoutingAgent[]> {
  const [row] = (await runRaw(tx, ROUTABLE_AGENTS, [])) as { agents?: unknown }[];
  const agents = Array.isArray(row?.agents) ? row.agents : [];
  return agents.flatMap((raw) => {
    const parsed = RoutableAgentRow.safeParse(raw);
    if (!parsed.success) return [];
    const { capacity, skills, ...agent } = parsed.data;
    return [{ ...agent, routing: agentRoutingOf(skills, capacity) }];
  });
}
