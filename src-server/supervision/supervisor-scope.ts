import { AppError } from '../platform/errors';
import type { Actor } from '../features/auth/actor';
import { supervisesTeamId } from '../features/access/command-scopes';
import type { Queue } from '../../src-shared/protocol/entities';

/**
 * For routes that are not commands: refuses unless the actor supervises the team the queue
 * belongs to (or is an admin). Commands declare the same rule as their scope (`supervisesTeam`).
 */
export function requireSupervisorOf(actor: Actor, queue: Pick<Queue, 'teamId' | 'name'>): void {
  if (!supervisesTeamId(actor, queue.teamId)) {
    throw new AppError(
      'forbidden',
      `Only a supervisor of the team of queue ${queue.name} or an admin may do this`,
    );
  }
}
