import { AppError } from '../platform/errors';
import { hasRole, type Actor } from '../features/auth/actor';
import type { Queue } from '../../src-shared/protocol/entities';

/**
 * Who may act live (issue 14): admins anywhere, supervisors within their team's queues. Agents,
 * coaches and supervisors of another team are refused, with the reason.
 */
export function requireSupervisor(actor: Actor): void {
  if (!hasRole(actor, 'supervisor', 'admin')) {
    throw new AppError('forbidden', 'Only supervisors and admins act on the live floor');
  }
}

/** Refuses unless the actor supervises the team the queue belongs to (or is an admin). */
export function requireSupervisorOf(actor: Actor, queue: Pick<Queue, 'teamId' | 'name'>): void {
  requireSupervisorOfTeam(actor, queue.teamId, `queue ${queue.name}`);
}

export function requireSupervisorOfTeam(actor: Actor, teamId: string | null, what: string): void {
  requireSupervisor(actor);
  if (hasRole(actor, 'admin')) return;
  if (teamId === null || actor.teamId !== teamId) {
    throw new AppError('forbidden', `Only a supervisor of the team of ${what} or an admin may do this`);
  }
}
