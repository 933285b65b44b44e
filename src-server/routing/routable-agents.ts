import { z } from 'zod';
import type { Tx } from '../db/database';
import { runRaw } from '../db/raw-sql';
import type { RoutingAgent } from '../../src-shared/domain/routing/types';
import { Channel } from '../../src-shared/protocol/channels';
import { AgentState } from '../../src-shared/protocol/entities';
import { agentRoutingOf, StoredSkillPairs } from '../db/stored-routing';

/** Who an agent is to routing: it changes with an admin's edit, not with the agent's work. */
type RoutingProfile = Pick<RoutingAgent, 'id' | 'displayName' | 'teamId' | 'tier' | 'languages' | 'routing'>;

/**
 * A node's copy of every agent's routing profile, as of one value of routing_profiles_version
 * (which triggers move on any change to users or agent_skills). Reading 200 profiles cost a pass
 * more than everything else it reads; now a pass reads them only after an edit.
 */
export interface RoutingProfiles {
  version: string | null;
  byId: Map<string, RoutingProfile>;
}

export const noRoutingProfiles = (): RoutingProfiles => ({ version: null, byId: new Map() });

/**
 * Available, Busy and Wrap-up agents' states (an agent in wrap-up takes nothing, but is why a
 * contact waits: "all in wrap-up, next free in N s", not "nobody logged in") with what they hold
 * or are offered per channel and status and when their wrap-up ends by itself, their state rows
 * locked until the pass commits (nobody leaves routing between this read and
 * the offer), and the profiles' version in the same snapshot. One JSON value of positional
 * arrays: on the embedded database a result row costs more than building it in PostgreSQL.
 * Away agents come too, unlocked (they are offered nothing): a team all Away waits "all away".
 */
const ROUTABLE_AGENTS = {
  name: 'routable_agents',
  text: `with routable as materialized (
      select user_id, state, idle_since from agent_states
      where state in ('available', 'busy', 'wrap_up')
        and not exists (select 1 from presence_deadlines p where p.user_id = agent_states.user_id)
      for update
    ),
    resting as (
      select user_id, state, idle_since from agent_states
      where state = 'away'
        and not exists (select 1 from presence_deadlines p where p.user_id = agent_states.user_id)
    ),
    held as (
      select c.agent_id as user_id, c.channel, c.status, count(*)::int as n,
        max(c.wrap_up_due_at) filter (where c.status = 'wrap_up') as wrap_up_due_at
      from contacts c join routable r on r.user_id = c.agent_id
      where c.status in ('offered', 'active', 'wrap_up')
      group by c.agent_id, c.channel, c.status
    ),
    holdings as (
      select user_id, json_agg(json_build_array(channel, status, n)) as list,
        floor(extract(epoch from max(wrap_up_due_at)) * 1000) as wrap_up_ends_at
      from held group by user_id
    )
    select (select version::text from routing_profiles_version where id = 1) as profiles_version,
      coalesce(json_agg(json_build_array(
        r.user_id, r.state, floor(extract(epoch from r.idle_since) * 1000), h.list, h.wrap_up_ends_at
      )), '[]') as agents
    from (select * from routable union all select * from resting) r
      left join holdings h on h.user_id = r.user_id`,
};

/** Every enabled agent's profile with their skills (after an edit, or on a node's first pass). */
const ROUTING_PROFILES = {
  name: 'routing_profiles',
  text: `select coalesce(json_agg(json_build_array(
      u.id, u.display_name, u.team_id, u.tier, u.languages, u.capacity,
      (select json_agg(json_build_array(k.skill_id, k.proficiency)) from agent_skills k where k.user_id = u.id)
    )), '[]') as profiles
    from users u where 'agent' = any(u.roles) and not u.disabled`,
};

// Stored rows, so checked: a bad one is left out of routing, not a failed pass.
const ProfileRow = z.tuple([
  z.string(),
  z.string(),
  z.string().nullable(),
  z.number().int(),
  z.array(z.string()),
  z.unknown(),
  StoredSkillPairs.nullable(),
]);
const RoutableRow = z.tuple([
  z.string(),
  AgentState,
  z.number(),
  z.array(z.tuple([Channel, z.enum(['offered', 'active', 'wrap_up']), z.number().int()])).nullable(),
  z.number().nullable(),
]);

/**
 * The agents a pass may offer work to (Available or Busy — or in Wrap-up, assessed but never
 * offered — enabled, with the agent role, with a
 * console connected: nothing new is offered during a disconnected console's grace period).
 */
export async function loadRoutableAgents(tx: Tx, profiles: RoutingProfiles): Promise<RoutingAgent[]> {
  const [row] = (await runRaw(tx, ROUTABLE_AGENTS, [])) as {
    profiles_version?: unknown;
    agents?: unknown;
  }[];
  const version = typeof row?.profiles_version === 'string' ? row.profiles_version : null;
  if (version === null || version !== profiles.version) {
    profiles.byId = await loadProfiles(tx);
    profiles.version = version;
  }
  return jsonArray(row?.agents).flatMap((raw) => {
    const parsed = RoutableRow.safeParse(raw);
    const profile = parsed.success ? profiles.byId.get(parsed.data[0]) : undefined;
    if (!parsed.success || !profile) return [];
    const [, state, idleSince, holdings, wrapUpEndsAt] = parsed.data;
    const held = (holdings ?? []).map(([channel, status, count]) => ({ channel, status, count }));
    return [{ ...profile, state, idleSince, holdings: held, wrapUpEndsAt }];
  });
}

async function loadProfiles(tx: Tx): Promise<Map<string, RoutingProfile>> {
  const [row] = (await runRaw(tx, ROUTING_PROFILES, [])) as { profiles?: unknown }[];
  const byId = new Map<string, RoutingProfile>();
  for (const raw of jsonArray(row?.profiles)) {
    const parsed = ProfileRow.safeParse(raw);
    if (!parsed.success) continue;
    const [id, displayName, teamId, tier, languages, capacity, skills] = parsed.data;
    byId.set(id, {
      id,
      displayName,
      teamId,
      tier,
      languages,
      routing: agentRoutingOf(skills ?? [], capacity),
    });
  }
  return byId;
}

const jsonArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
