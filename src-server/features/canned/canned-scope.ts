import type { COMMAND_TYPES, CommandOf } from '../../../src-shared/protocol/commands';
import { hasRole, type Actor } from '../auth/actor';
import { supervisesTeamId, teamOfQueue } from '../access/command-scopes';
import type { Scope, ScopeContext, ScopeVerdict } from '../sync/command-bus';
import { findCannedRow, type CannedPlace } from './canned-responses.repository';

type SaveCanned = CommandOf<typeof COMMAND_TYPES.saveCannedResponse>;

const ALLOWED: ScopeVerdict = { allowed: true };

/**
 * Who may put a canned response in a place: a personal one only its owner; a shared one an
 * admin anywhere, a supervisor for their own team or its queues. Agents share nothing.
 */
async function mayPlace({ tx, actor }: ScopeContext, place: CannedPlace): Promise<ScopeVerdict> {
  if (!place.shared) {
    return place.ownerId === actor.id
      ? ALLOWED
      : { allowed: false, reason: 'No such canned response', as: 'not_found' };
  }
  if (hasRole(actor, 'admin')) return ALLOWED;
  if (!hasRole(actor, 'supervisor')) {
    return {
      allowed: false,
      reason: 'Only supervisors and admins share canned responses; save it as personal',
    };
  }
  const teamId = place.queueId ? (await teamOfQueue(tx, place.queueId))?.teamId : place.teamId;
  // An unknown queue is the handler's to answer (it names the field).
  if (place.queueId && teamId === undefined) return ALLOWED;
  if (!teamId) return { allowed: false, reason: 'Only an admin shares a canned response with every queue' };
  return supervisesTeamId(actor, teamId)
    ? ALLOWED
    : {
        allowed: false,
        reason: 'Only a supervisor of that team or an admin may share canned responses there',
      };
}

/** Where the saved response will be: a personal one becomes the saver's own. */
export const placeAfterSave = (
  actor: Pick<Actor, 'id'>,
  payload: SaveCanned['payload'],
  ownerId?: string,
): CannedPlace => ({
  shared: payload.shared,
  ownerId: payload.shared ? (ownerId ?? actor.id) : actor.id,
  queueId: payload.queueId ?? null,
  teamId: payload.teamId ?? null,
});

/** The actor may manage the response where it is now (when it exists) and where the save puts it. */
export const managesCannedResponse: Scope<SaveCanned> = async (ctx, command) => {
  const existing = await findCannedRow(ctx.tx, command.payload.cannedId);
  if (existing) {
    const now = await mayPlace(ctx, existing);
    if (!now.allowed) return now;
  }
  return mayPlace(ctx, placeAfterSave(ctx.actor, command.payload, existing?.ownerId));
};
