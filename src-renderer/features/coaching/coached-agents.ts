import type { Agent } from '../../../src-shared/protocol/entities';

/**
 * The agents a coach's team list shows: the agents the server put in this person's scope (a coach
 * gets every team they coach — their own and those on their coach profile —, supervisors and
 * admins everyone's), never themselves. The server decides the scope; the list does not narrow it.
 */
export function coachedAgents(people: readonly Agent[], userId: string | undefined): Agent[] {
  return people.filter((a) => a.roles.includes('agent') && a.id !== userId);
}
