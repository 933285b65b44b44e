import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cases, contacts, customers } from '../../db/schema';
import { seesEverything, type Actor } from '../auth/actor';

const servedBy = (queueId: typeof cases.queueId | typeof contacts.queueId, actor: Actor) =>
  sql`${queueId} = any(${sql.param(actor.queueIds)}::text[])`;

/**
 * Which customers the actor may read, as a condition on `customers`: supervisors and admins every
 * one (undefined: no condition); agents and coaches those their work needs — a case in a queue
 * they serve, a contact in such a queue or offered to or held by them (a screen pop), a case
 * they worked on. The same rule as cases, so a customer answers 404 where its cases would.
 */
export function customerInScope(db: Db, actor: Actor): SQL | undefined {
  if (seesEverything(actor)) return undefined;
  const one = { one: sql`1` };
  return or(
    exists(
      db
        .select(one)
        .from(cases)
        .where(and(eq(cases.customerId, customers.id), servedBy(cases.queueId, actor))),
    ),
    exists(
      db
        .select(one)
        .from(contacts)
        .where(
          and(
            eq(contacts.customerId, customers.id),
            or(servedBy(contacts.queueId, actor), eq(contacts.agentId, actor.id)),
          ),
        ),
    ),
    exists(
      db
        .select(one)
        .from(contacts)
        .innerJoin(cases, eq(cases.id, contacts.caseId))
        .where(and(eq(cases.customerId, customers.id), eq(contacts.agentId, actor.id))),
    ),
  );
}

/** Which of a customer's cases the actor may read, as a condition on `cases` (see `mayReadCase`). */
export function caseInScope(db: Db, actor: Actor): SQL | undefined {
  if (seesEverything(actor)) return undefined;
  return or(
    servedBy(cases.queueId, actor),
    exists(
      db
        .select({ one: sql`1` })
        .from(contacts)
        .where(and(eq(contacts.caseId, cases.id), eq(contacts.agentId, actor.id))),
    ),
  );
}
