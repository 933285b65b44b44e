import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import { contactOf } from '../contacts/contact-row';
import type { NewEvent } from '../sync/event-log';
import { commitWithEvents } from '../sync/log-append';

const CHUNK = 500;

/**
 * The demo's past contacts into the event log, as the log would hold them had they happened
 * here: one `contact.changed` per finished contact, carrying its times (queued, answered, ended,
 * wrapped up), so the KPI projection folds them like live traffic and the reports have a month
 * of sensible figures. Addressed to nobody: consoles load contacts from their own snapshot.
 */
export async function appendDemoHistory(
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const rows = await db
    .select()
    .from(contacts)
    .where(inArray(contacts.status, ['closed', 'abandoned']))
    .orderBy(contacts.queuedAt);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const events: NewEvent[] = rows.slice(start, start + CHUNK).map((row) => {
      const contact = contactOf(row);
      return {
        type: EVENT_TYPES.contactChanged,
        entityKind: 'contact',
        entityId: contact.id,
        entityVersion: contact.version,
        payload: contact,
        audience: {},
      };
    });
    await commitWithEvents(db, null, async () => ({ value: null, events }));
    onProgress?.(Math.min(rows.length, start + CHUNK), rows.length);
  }
  return rows.length;
}
