import { desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cases, contacts, queues } from '../../db/schema';
import { Channel } from '../../../src-shared/protocol/channels';
import { ContactStatus } from '../../../src-shared/protocol/contacts';
import type { Interaction } from '../../../src-shared/protocol/interactions';

/**
 * A customer's last contacts on every channel, newest first: those linked to the customer and
 * those on one of their cases (an email or form whose sender was matched through the case).
 * The caller checks first that the actor may read the customer.
 */
export async function findInteractions(db: Db, customerId: string, limit: number): Promise<Interaction[]> {
  const rows = await db
    .select({
      contactId: contacts.id,
      channel: contacts.channel,
      at: contacts.createdAt,
      queueId: contacts.queueId,
      queueName: queues.name,
      status: contacts.status,
      disposition: contacts.disposition,
      subject: contacts.subject,
      caseNumber: cases.number,
    })
    .from(contacts)
    .innerJoin(queues, eq(queues.id, contacts.queueId))
    .leftJoin(cases, eq(cases.id, contacts.caseId))
    .where(or(eq(contacts.customerId, customerId), eq(cases.customerId, customerId)))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    channel: Channel.parse(row.channel),
    status: ContactStatus.parse(row.status),
    at: row.at.toISOString(),
  }));
}
