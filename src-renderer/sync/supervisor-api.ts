import { API_ROUTES, routePath } from '../../src-shared/protocol/routes';
import type {
  ReassignContactPayload,
  SendBroadcastPayload,
} from '../../src-shared/protocol/supervisor-commands';
import {
  ReassignConflict,
  ReassignmentsResponse,
  ReassignRefusal,
  type Reassignment,
} from '../../src-shared/protocol/supervisor-entities';
import { ImpactPreview, type ImpactQuery } from '../../src-shared/protocol/supervision';
import { authorizedRequest } from './authorized-request';
import { CommandRefusedError, runOnlineCommand } from './online-command';

/**
 * The supervisor's live actions: commands through the command bus (no outbox — each needs the
 * floor as it is now), and the reads behind them (impact preview, audit), not cached.
 */

/** What a jump or a reassignment would cost the other waiting contacts, from the server's forecast. */
export async function fetchImpact(contactId: string, query: ImpactQuery): Promise<ImpactPreview> {
  const params = new URLSearchParams({ action: query.action });
  if (query.agentId) params.set('agentId', query.agentId);
  if (query.queueId) params.set('queueId', query.queueId);
  return authorizedRequest(
    `${routePath(API_ROUTES.contactImpact, { id: contactId })}?${params.toString()}`,
    ImpactPreview,
  );
}

/** Why a reassignment was refused, read from the server's answer. */
export type ReassignProblem =
  | { kind: 'refused'; reasons: string[]; overridable: boolean }
  | { kind: 'moved'; agentName: string | null; status: string }
  | { kind: 'other'; message: string };

export function reassignProblemOf(err: unknown): ReassignProblem {
  if (err instanceof CommandRefusedError) {
    const refusal = ReassignRefusal.safeParse(err.error.details);
    if (refusal.success) return { kind: 'refused', ...refusal.data };
    const moved = ReassignConflict.safeParse(err.error.details);
    if (err.error.code === 'conflict' && moved.success)
      return { kind: 'moved', agentName: moved.data.agentName, status: moved.data.status };
  }
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}

/** Moves a contact to an agent or a queue; throws CommandRefusedError (read it with reassignProblemOf). */
export async function reassignContact(payload: ReassignContactPayload): Promise<void> {
  await runOnlineCommand({ type: 'contact:reassign', payload });
}

/** Puts a waiting contact before every contact not jumped (docs/ROUTING.md). */
export async function jumpContact(contactId: string, reason?: string): Promise<void> {
  await runOnlineCommand({ type: 'contact:jump', payload: reason ? { contactId, reason } : { contactId } });
}

export async function forceAgentState(
  agentId: string,
  change:
    | { state: 'away'; reasonCode: 'break' | 'lunch' | 'training' | 'coaching' | 'meeting' }
    | { state: 'offline' },
  reason: string,
): Promise<void> {
  await runOnlineCommand({ type: 'agent:force-state', payload: { agentId, ...change, reason } });
}

export async function acknowledgeAlert(alertId: string): Promise<void> {
  await runOnlineCommand({ type: 'alert:acknowledge', payload: { alertId } });
}

export async function sendBroadcast(payload: SendBroadcastPayload): Promise<void> {
  await runOnlineCommand({ type: 'broadcast:send', payload });
}

/** The reassignment audit, newest first (supervisors and admins). */
export async function fetchReassignments(limit = 200): Promise<Reassignment[]> {
  const { reassignments } = await authorizedRequest(
    `${API_ROUTES.reassignmentAudit}?limit=${limit}`,
    ReassignmentsResponse,
  );
  return reassignments;
}
