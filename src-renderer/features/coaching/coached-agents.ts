import type { Agent } from '../../../src-shared/protocol/entities';

/**
 * The agents a coach's team list shows: the agents the server put in this person's scope (a coach
 * gets their team's, supervisors and admins everyone's), never themselves. A coach is not an agent,
 * so their own team cannot be read from an agent row of theirs; one who is also an agent (a team
 * lead who coaches) sees their own team.
 */
export function coachedAgents(people: readonly Agent[], userId: string | undefined): Agent[] {
  const me = people.find((a) => a.id === userId);
  return people.filter(
    (a) => a.roles.includes('agent') && a.id !== userId && (!me?.teamId || a.teamId === me.teamId),
  );
}
