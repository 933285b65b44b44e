import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queueAlerts, users } from '../db/schema';
import type { QueueAlert } from '../../src-shared/protocol/contacts';
import { seesEverything, type Actor } from '../features/auth/actor';
import { alertOf } from '../routing/alerts.repository';

/** Open alerts with who acknowledged them: all for supervisors and admins, else the person's queues. */
export async function listOpenAlerts(db: Db, actor: Actor): Promise<QueueAlert[]> {
  const everything = seesEverything(actor);
  if (!everything && actor.queueIds.length === 0) return [];
  const rows = await db
    .select({ alert: queueAlerts, name: users.displayName })
    .from(queueAlerts)
    .leftJoin(users, eq(users.id, queueAlerts.acknowledgedBy))
    .where(
      and(
        eq(queueAlerts.active, true),
        everything ? undefined : inArray(queueAlerts.queueId, actor.queueIds),
      ),
    );
  return rows.flatMap(({ alert, name }) => alertOf(alert, name) ?? []);
}
