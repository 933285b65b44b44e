import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import {
  calibrations,
  cases,
  coachingTasks,
  contacts,
  evaluations,
  queueAlerts,
  queues,
  users,
} from '../../db/schema';
import { ROLES, type Role } from '../../../src-shared/protocol/auth';
import { hasRole, seesEverything, type Actor } from '../auth/actor';
import type { Scope, ScopeContext, ScopeVerdict } from '../sync/command-bus';
import { coachTeamIds, inScope } from '../coaching/coaching-scope';
import { supervisesTeam as actorSupervisesTeam } from '../../../src-shared/domain/supervision/team-scope';

/**
 * The scopes a command declares (`CommandDefinition.scope`), one set for every command. Each
 * names what it guards through a resolver that reads the command's transaction; a resolver that
 * finds nothing (no such case, contact …) lets the command through, so its handler answers
 * `not_found` as before.
 */

/** Every role: a command any signed-in person may send (its scope says on what). */
export const EVERYONE: readonly Role[] = ROLES;
/** The roles that coach: coaches, and supervisors and admins over every team. */
export const COACHING_ROLES: readonly Role[] = ['coach', 'supervisor', 'admin'];

const ALLOWED: ScopeVerdict = { allowed: true };
/** Why a scope refuses: a reason (`forbidden`), or one answered as `not_found` to hide the thing. */
type Refusal = string | { reason: string; as: 'not_found' };
const refused = (refusal: Refusal): ScopeVerdict =>
  typeof refusal === 'string' ? { allowed: false, reason: refusal } : { allowed: false, ...refusal };

/** A value the scope reads from the command, possibly through the database; undefined: nothing found. */
type Resolver<C, V> = (ctx: ScopeContext, command: C) => Promise<V | undefined> | V | undefined;

/** No scope beyond the roles in `who`: the command's own rules decide the rest. */
export const anyone: Scope<unknown> = () => ALLOWED;

/** The actor holds one of the roles (a scope for commands whose reach depends on the role). */
export const hasAnyRole =
  <C>(roles: readonly Role[], reason: Refusal): Scope<C> =>
  ({ actor }) =>
    hasRole(actor, ...roles) ? ALLOWED : refused(reason);

/** Whether the actor serves the queue: its work is theirs to see and touch (supervisors and admins every queue). */
export const servesQueueId = (actor: Actor, queueId: string): boolean =>
  seesEverything(actor) || actor.queueIds.includes(queueId);

/** Whether the actor supervises the team: a supervisor of that team, or an admin (the rule the board shares). */
export const supervisesTeamId = (actor: Actor, teamId: string | null): boolean =>
  actorSupervisesTeam(actor, teamId);

/** The actor serves the queue the command names or reaches (the queue of its case or contact). */
export function servesQueue<C>(
  queueOf: Resolver<C, string>,
  reason: Refusal = 'This belongs to a queue you do not serve',
): Scope<C> {
  return async (ctx, command) => {
    const queueId = await queueOf(ctx, command);
    return queueId === undefined || servesQueueId(ctx.actor, queueId) ? ALLOWED : refused(reason);
  };
}

/** The actor supervises the team the command reaches (its queue's, its agent's); admins every team. */
export function supervisesTeam<C>(teamOf: Resolver<C, { teamId: string | null; what: string }>): Scope<C> {
  return async (ctx, command) => {
    const team = await teamOf(ctx, command);
    if (team === undefined || supervisesTeamId(ctx.actor, team.teamId)) return ALLOWED;
    return refused(`Only a supervisor of the team of ${team.what} or an admin may do this`);
  };
}

/** The actor coaches the team of the agent the command reaches (supervisors and admins every team). */
export function coachesAgent<C>(
  teamOf: Resolver<C, string | null>,
  reason: Refusal = "Only a coach of the agent's team or a supervisor may do this",
): Scope<C> {
  return async (ctx, command) => {
    const teamId = await teamOf(ctx, command);
    if (teamId === undefined) return ALLOWED;
    return inScope(await coachTeamIds(ctx.tx, ctx.actor), teamId) ? ALLOWED : refused(reason);
  };
}

/** The command is about the actor themself (their own state, their own evaluation …). */
export function isSelf<C>(
  userOf: Resolver<C, string>,
  reason: Refusal | ((actor: Actor) => Refusal) = 'Only the person concerned may do this',
): Scope<C> {
  return async (ctx, command) => {
    const userId = await userOf(ctx, command);
    if (userId === undefined || userId === ctx.actor.id) return ALLOWED;
    return refused(typeof reason === 'function' ? reason(ctx.actor) : reason);
  };
}

/** The first scope that allows wins; refused with the last one's reason. */
export function anyOf<C>(...scopes: Scope<C>[]): Scope<C> {
  return async (ctx, command) => {
    let verdict: ScopeVerdict = refused('Not allowed');
    for (const scope of scopes) {
      verdict = await scope(ctx, command);
      if (verdict.allowed) return verdict;
    }
    return verdict;
  };
}

/** Every scope must allow; refused with the first refusal. */
export function allOf<C>(...scopes: Scope<C>[]): Scope<C> {
  return async (ctx, command) => {
    for (const scope of scopes) {
      const verdict = await scope(ctx, command);
      if (!verdict.allowed) return verdict;
    }
    return ALLOWED;
  };
}

/** The actor can see the contact: they hold it or serve its queue (supervisors and admins all). */
export function seesContact<C>(contactIdOf: (command: C) => string): Scope<C> {
  return async ({ tx, actor }, command) => {
    const contactId = contactIdOf(command);
    const place = await contactPlace(tx, contactId);
    const visible = place && (place.agentId === actor.id || servesQueueId(actor, place.queueId));
    return visible ? ALLOWED : refused({ reason: `No contact ${contactId}`, as: 'not_found' });
  };
}

/** The actor holds the contact (it is offered to them or theirs). */
export function holdsContact<C>(contactIdOf: (command: C) => string, reason: Refusal): Scope<C> {
  return isSelf(
    async ({ tx }, command) => (await contactPlace(tx, contactIdOf(command)))?.agentId ?? '',
    reason,
  );
}

// ── Resolvers: what a command reaches ─────────────────────────────────────────────────────

const first = <R>(rows: R[]): R | undefined => rows[0];

export async function queueOfCase(tx: Tx, caseId: string): Promise<string | undefined> {
  return first(await tx.select({ queueId: cases.queueId }).from(cases).where(eq(cases.id, caseId)))?.queueId;
}

export async function contactPlace(
  tx: Tx,
  contactId: string,
): Promise<{ queueId: string; agentId: string | null } | undefined> {
  return first(
    await tx
      .select({ queueId: contacts.queueId, agentId: contacts.agentId })
      .from(contacts)
      .where(eq(contacts.id, contactId)),
  );
}

export async function teamOfQueue(
  tx: Tx,
  queueId: string,
): Promise<{ teamId: string | null; what: string } | undefined> {
  const row = first(
    await tx.select({ teamId: queues.teamId, name: queues.name }).from(queues).where(eq(queues.id, queueId)),
  );
  return row && { teamId: row.teamId, what: `queue ${row.name}` };
}

export async function teamOfContactQueue(tx: Tx, contactId: string) {
  const place = await contactPlace(tx, contactId);
  return place && teamOfQueue(tx, place.queueId);
}

export async function teamOfUser(
  tx: Tx,
  userId: string,
): Promise<{ teamId: string | null; what: string } | undefined> {
  const row = first(
    await tx
      .select({ teamId: users.teamId, name: users.displayName })
      .from(users)
      .where(eq(users.id, userId)),
  );
  return row && { teamId: row.teamId, what: `agent ${row.name}` };
}

/** An alert's team: its queue's, or its agent's for an agent alert. */
export async function teamOfAlert(tx: Tx, alertId: string) {
  const alert = first(
    await tx
      .select({ queueId: queueAlerts.queueId, agentId: queueAlerts.agentId })
      .from(queueAlerts)
      .where(eq(queueAlerts.id, alertId)),
  );
  if (!alert) return undefined;
  const team = alert.queueId
    ? await teamOfQueue(tx, alert.queueId)
    : await teamOfUser(tx, alert.agentId ?? '');
  return { teamId: team?.teamId ?? null, what: `alert ${alertId}` };
}

export async function evaluationParties(
  tx: Tx,
  evaluationId: string,
): Promise<{ agentId: string; teamId: string | null; authorId: string } | undefined> {
  return first(
    await tx
      .select({ agentId: evaluations.agentId, teamId: evaluations.teamId, authorId: evaluations.authorId })
      .from(evaluations)
      .where(eq(evaluations.id, evaluationId)),
  );
}

export async function teamOfContactAgent(tx: Tx, contactId: string): Promise<string | null | undefined> {
  const place = await contactPlace(tx, contactId);
  if (!place) return undefined;
  if (!place.agentId) return null;
  return (await teamOfUser(tx, place.agentId))?.teamId ?? null;
}

export async function creatorOfCalibration(tx: Tx, calibrationId: string): Promise<string | undefined> {
  return first(
    await tx
      .select({ createdBy: calibrations.createdBy })
      .from(calibrations)
      .where(eq(calibrations.id, calibrationId)),
  )?.createdBy;
}

export async function agentOfFollowUp(tx: Tx, taskId: string): Promise<string | undefined> {
  return first(
    await tx
      .select({ agentId: coachingTasks.agentId })
      .from(coachingTasks)
      .where(eq(coachingTasks.id, taskId)),
  )?.agentId;
}
