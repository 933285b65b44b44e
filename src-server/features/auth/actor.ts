import type { Role } from '../../../src-shared/protocol/auth';

/** The signed-in person behind a request or socket, loaded fresh from the database. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
  /**
   * Teams whose agents this person sees live (directory, state changes): their own team and, for a
   * coach, every team on their coach profile. Supervisors and admins see every team anyway.
   */
  teamIds: string[];
  tier: number;
  languages: string[];
  sessionId: string;
  /** Queues whose work this person may see and touch (their team's, and those their languages and tier serve). */
  queueIds: string[];
}

export const hasRole = (actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean =>
  roles.some((r) => actor.roles.includes(r));

/** True for the roles that see every team's agents and work. */
export const seesEverything = (actor: Pick<Actor, 'roles'>): boolean => hasRole(actor, 'supervisor', 'admin');

/** socket.io rooms an actor's sockets join; event audiences map onto the same names. */
export function roomsOf(actor: Actor): string[] {
  return [
    `user:${actor.id}`,
    `session:${actor.sessionId}`,
    ...actor.teamIds.map((t) => `team:${t}`),
    ...actor.roles.map((r) => `role:${r}`),
    ...actor.queueIds.map((q) => `queue:${q}`),
  ];
}
