import { sql, type SQL } from 'drizzle-orm';
import { contacts, users } from '../../db/schema';
import { hasRole, type Actor } from '../auth/actor';

/**
 * For a coach: "the contact was handled by an agent of a team they coach" (their own team and
 * their coach profile's), so they can review it whatever queue it came through. Undefined for
 * anyone else, which `or(...)` leaves out.
 */
export function handledByCoachedAgent(actor: Actor): SQL | undefined {
  if (!hasRole(actor, 'coach') || actor.teamIds.length === 0) return undefined;
  return sql`${contacts.agentId} in (select ${users.id} from ${users} where ${users.teamId} = any(${sql.param(actor.teamIds)}::text[]))`;
}
