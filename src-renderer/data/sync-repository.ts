import { inLogOrder, shouldReplace, type IncomingSource } from '../../src-shared/domain/apply-event';
import type { Contact, QueueAlert } from '../../src-shared/protocol/contacts';
import type { AdminUser, Agent, CaseSummary, Note, Queue } from '../../src-shared/protocol/entities';
import type { SinceResponse, Snapshot, SyncEvent } from '../../src-shared/protocol/sync';
import type {
  Broadcast,
  ConsoleNotification,
  Reassignment,
} from '../../src-shared/protocol/supervisor-entities';
import { db } from './db';
import { writeLastSyncId, writeLiveUntil } from './meta-repository';
import { applyCoachingEvent, COACHING_TABLES } from './coaching-repository';

const EVENT: IncomingSource = { kind: 'event' };

/**
 * One page of `sync:since`, applied in one transaction: a snapshot (when the server sent one)
 * replaces the directory, the events apply in log order, and the position moves to the page's
 * end — all or nothing, so a crash mid-page replays the page rather than skipping it.
 */
export async function applySincePage(page: SinceResponse): Promise<void> {
  await db.transaction('rw', [...LIVE_TABLES(), db.teams, db.skills, db.meta], async () => {
    if (page.snapshot) await replaceDirectory(page.snapshot);
    for (const event of inLogOrder(page.events)) await applyEvent(event);
    await writeLastSyncId(page.lastSyncId);
    if (!page.hasMore) await writeLiveUntil(Date.now());
  });
}

/** A pushed event, shown at once; the position moves only through catch-up. */
export async function applyLiveEvent(event: SyncEvent): Promise<void> {
  await db.transaction('rw', LIVE_TABLES(), () => applyEvent(event));
}

/** The answer to this console's own agent-state command. */
export async function applyAgentAnswer(agent: Agent): Promise<void> {
  await db.transaction('rw', db.agents, () => putAgent(agent));
}

/** The answer to this console's own enable/disable command. */
export async function applyUserAnswer(user: AdminUser): Promise<void> {
  await db.transaction('rw', db.users, () => putUser(user));
}

/** The tables events write to. */
const LIVE_TABLES = () => [
  db.agents,
  db.users,
  db.notes,
  db.queues,
  db.contacts,
  db.alerts,
  db.messages,
  db.cases,
  db.reassignments,
  db.broadcasts,
  db.notifications,
  ...COACHING_TABLES(),
];

/**
 * A snapshot replaces everything it covers. Contacts it does not list are gone from this
 * person's scope (closed, or moved where they may not see them).
 */
async function replaceDirectory(snapshot: Snapshot): Promise<void> {
  const tables = [db.agents, db.teams, db.queues, db.skills, db.contacts, db.alerts];
  await Promise.all(tables.map((table) => table.clear()));
  await Promise.all([
    db.agents.bulkPut(snapshot.agents),
    db.teams.bulkPut(snapshot.teams),
    db.queues.bulkPut(snapshot.queues),
    db.skills.bulkPut(snapshot.skills),
    db.contacts.bulkPut(snapshot.contacts),
    db.alerts.bulkPut(snapshot.alerts),
  ]);
}

async function applyEvent(event: SyncEvent): Promise<void> {
  switch (event.type) {
    case 'agent.state-changed':
    case 'agent.updated':
      return putAgent(event.payload);
    case 'contact.changed':
      return putContact(event.payload);
    case 'queue.updated':
      return putQueue(event.payload);
    case 'alert.changed':
      return putAlert(event.payload);
    case 'user.updated':
      return putUser(event.payload);
    case 'note.added':
      return putServerNote(event.payload);
    case 'message.added':
      // A message's delivery changes (queued → sent) arrive as the same message again.
      return void (await db.messages.put(event.payload));
    case 'case.changed':
      return putCase(event.payload);
    case 'contact.reassigned':
      return putReassignment(event.payload);
    case 'broadcast.changed':
      return putBroadcast(event.payload);
    case 'notification.changed':
      return putNotification(event.payload);
    default:
      return applyCoachingEvent(event);
  }
}

async function putAgent(agent: Agent): Promise<void> {
  if (shouldReplace(await db.agents.get(agent.id), agent.version, EVENT)) await db.agents.put(agent);
}

async function putUser(user: AdminUser): Promise<void> {
  if (shouldReplace(await db.users.get(user.id), user.version, EVENT)) await db.users.put(user);
}

/** The answer to this console's own contact command (accept, decline, end, wrap-up). */
export async function applyContactAnswer(contact: Contact): Promise<void> {
  await db.transaction('rw', db.contacts, () => putContact(contact));
}

/** The answer to this console's own case command (a status move). */
export async function applyCaseAnswer(summary: CaseSummary): Promise<void> {
  await db.transaction('rw', db.cases, () => putCase(summary));
}

/** The answer to an admin's queue edit. */
export async function applyQueueAnswer(queue: Queue): Promise<void> {
  await db.transaction('rw', db.queues, () => putQueue(queue));
}

async function putContact(contact: Contact): Promise<void> {
  if (shouldReplace(await db.contacts.get(contact.id), contact.version, EVENT))
    await db.contacts.put(contact);
}

async function putCase(summary: CaseSummary): Promise<void> {
  if (shouldReplace(await db.cases.get(summary.id), summary.version, EVENT)) await db.cases.put(summary);
}

async function putQueue(queue: Queue): Promise<void> {
  if (shouldReplace(await db.queues.get(queue.id), queue.version, EVENT)) await db.queues.put(queue);
}

async function putAlert(alert: QueueAlert): Promise<void> {
  if (shouldReplace(await db.alerts.get(alert.id), alert.version, EVENT)) await db.alerts.put(alert);
}

/** A note the server holds replaces the optimistic row with the same id: it is no longer unsent. */
export async function putServerNote(note: Note): Promise<void> {
  await db.notes.put({ ...note, pending: 0, pendingCommandId: undefined });
}

async function putReassignment(row: Reassignment): Promise<void> {
  if (shouldReplace(await db.reassignments.get(row.id), row.version, EVENT)) await db.reassignments.put(row);
}

async function putBroadcast(row: Broadcast): Promise<void> {
  if (shouldReplace(await db.broadcasts.get(row.id), row.version, EVENT)) await db.broadcasts.put(row);
}

async function putNotification(row: ConsoleNotification): Promise<void> {
  if (shouldReplace(await db.notifications.get(row.id), row.version, EVENT)) await db.notifications.put(row);
}

/** This person's notifications as the server listed them (a console that starts after they were sent). */
export async function cacheNotifications(rows: readonly ConsoleNotification[]): Promise<void> {
  await db.transaction('rw', db.notifications, async () => {
    for (const row of rows) await putNotification(row);
  });
}
