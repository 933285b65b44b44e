import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { contacts } from '../db/schema';
import { listAgents } from '../features/agents/agents.repository';
import { contactOf } from '../features/contacts/contact-row';
import { listQueues } from '../features/directory/directory.repository';
import type { Floor } from '../../src-shared/domain/supervision/floor';
import { floorOf } from '../../src-shared/domain/supervision/floor-of';

/**
 * The floor as the alert rules read it, from the rows: the same builder the console's board uses
 * on its cache, fed with the contacts that wait or are held.
 */
export async function loadAlertFloor(tx: Tx, now: Date): Promise<Floor> {
  const rows = await tx
    .select()
    .from(contacts)
    .where(inArray(contacts.status, ['queued', 'offered', 'active', 'wrap_up']));
  const [agents, queues] = [await listAgents(tx, null), await listQueues(tx)];
  return floorOf(agents, queues, rows.map(contactOf), now.getTime());
}
