import { useLiveQuery } from 'dexie-react-hooks';
import type { AdminUser, Agent, Queue, Team } from '../../src-shared/protocol/entities';
import { db } from './db';

/** Live reads of the directory (agents, teams, queues, accounts); `undefined` while loading. */

export function useAgent(agentId: string | undefined): Agent | undefined {
  return useLiveQuery(() => (agentId ? db.agents.get(agentId) : undefined), [agentId]);
}

export function useAgents(): Agent[] | undefined {
  return useLiveQuery(() => db.agents.toArray().then(byName), []);
}

export function useTeams(): Team[] | undefined {
  return useLiveQuery(() => db.teams.toArray().then((teams) => teams.sort(compareNames)), []);
}

export function useQueue(queueId: string | undefined): Queue | undefined {
  return useLiveQuery(() => (queueId ? db.queues.get(queueId) : undefined), [queueId]);
}

export function useQueues(): Queue[] | undefined {
  return useLiveQuery(() => db.queues.toArray().then((queues) => queues.sort(compareNames)), []);
}

/** The queues of a team; `teamId` null (no team) gives none, undefined (not known yet) loading. */
export function useTeamQueues(teamId: string | null | undefined): Queue[] | undefined {
  return useLiveQuery(async () => {
    if (teamId === undefined) return undefined;
    if (teamId === null) return [];
    const queues = await db.queues.where('teamId').equals(teamId).toArray();
    return queues.sort(compareNames);
  }, [teamId]);
}

export function useUsers(): AdminUser[] | undefined {
  return useLiveQuery(
    () => db.users.toArray().then((users) => users.sort((a, b) => a.username.localeCompare(b.username))),
    [],
  );
}

function byName(agents: Agent[]): Agent[] {
  return agents.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function compareNames(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}
