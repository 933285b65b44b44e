import type { Role } from '../../protocol/auth';

/** Who may act live on a team's floor: admins anywhere, supervisors within their own team. */
export interface FloorActor {
  roles: readonly Role[];
  teamId: string | null;
}

/** True when `actor` may act on work of `teamId` (reassign, force states, acknowledge alerts). */
export function supervisesTeam(actor: FloorActor, teamId: string | null): boolean {
  if (actor.roles.includes('admin')) return true;
  return actor.roles.includes('supervisor') && teamId !== null && actor.teamId === teamId;
}

/** The team an alert belongs to: its queue's team, or for an agent alert the agent's team. */
export function teamOfAlert(
  alert: { queueId: string | null; agentId: string | null },
  queues: readonly { id: string; teamId: string }[],
  agents: readonly { id: string; teamId: string | null }[],
): string | null {
  if (alert.queueId !== null) return queues.find((q) => q.id === alert.queueId)?.teamId ?? null;
  return agents.find((a) => a.id === alert.agentId)?.teamId ?? null;
}
