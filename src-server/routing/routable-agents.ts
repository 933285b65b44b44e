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
 * answers one JSON value of positional arrays: a pass runs many times a second, and reading 200
 * agents, their skills and their holdings as three result sets of rows cost far more (on the
 * embedded database most of all) than building the same thing in PostgreSQL; skills and holdings
 * are joined as grouped sets rather than looked up agent by agent, which halved the statement.
 */
const ROUTABLE_AGENTS = {
  name: 'routable_agents',
  text: `with routable as materialized (
      select s.user_id, s.state, s.idle_since
      from agent_states s join users u on u.id = s.user_id
      where s.state in ('available', 'busy') and 'agent' = any(u.roles) and not u.disabled
      for update of s
    ),
    skills as (
      select k.user_id, json_agg(json_build_array(k.skill_id, k.proficiency)) as list
      from agent_skills k join routable r using (user_id) group by k.user_id
    ),
    held as (
      select c.agent_id as user_id, c.channel, c.status, count(*)::int as n
      from contacts c join routable r on r.user_id = c.agent_id
      where c.status in ('offered', 'active', 'wrap_up')
      group by c.agent_id, c.channel, c.status
    ),
    holdings as (
      select user_id, json_agg(json_build_array(channel, status, n)) as list from held group by user_id
    )
    select coalesce(json_agg(json_build_array(
      u.id, u.display_name, u.team_id, u.tier, u.languages, u.capacity, r.state,
      floor(extract(epoch from r.idle_since) * 1000), k.list, h.list
    )), '[]') as agents
    from routable r join users u on u.id = r.user_id
      left join skills k on k.user_id = r.user_id
      left join holdings h on h.user_id = r.user_id`,
};

/** One agent as the statement builds it: stored rows, so checked (a bad one is left out). */
const RoutableAgentRow = z.tuple([
  z.string(),
  z.string(),
  z.string().nullable(),
  z.number().int(),
  z.array(z.string()),
  z.unknown(),
  AgentState,
  z.number(),
  z.array(z.tuple([z.string(), z.number().transform((p) => Math.min(5, Math.max(1, p)))])).nullable(),
  z.array(z.tuple([Channel, z.enum(['offered', 'active', 'wrap_up']), z.number().int()])).nullable(),
]);

export async function loadRoutableAgents(tx: Tx): Promise<RoutingAgent[]> {
  const [row] = (await runRaw(tx, ROUTABLE_AGENTS, [])) as { agents?: unknown }[];
  const agents = Array.isArray(row?.agents) ? row.agents : [];
  return agents.flatMap((raw) => {
    const parsed = RoutableAgentRow.safeParse(raw);
    if (!parsed.success) return [];
    const [id, displayName, teamId, tier, languages, capacity, state, idleSince, skills, holdings] =
      parsed.data;
    const agent: RoutingAgent = {
      id,
      displayName,
      teamId,
      tier,
      languages,
      state,
      idleSince,
      holdings: (holdings ?? []).map(([channel, status, count]) => ({ channel, status, count })),
      routing: agentRoutingOf(
        (skills ?? []).map(([skillId, proficiency]) => ({ skillId, proficiency })),
        capacity,
      ),
    };
    return [agent];
  });
}
