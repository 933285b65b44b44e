import { useLiveQuery } from 'dexie-react-hooks';
import type { Broadcast, ConsoleNotification } from '../../src-shared/protocol/supervisor-entities';
import { db } from './db';

/** Live reads of what supervisors told this person; `undefined` while loading. */

/** Broadcasts sent to this person that they have not acknowledged yet, newest first. */
export function useOpenBroadcasts(userId: string | undefined): Broadcast[] | undefined {
  return useLiveQuery(async () => {
    if (!userId) return [];
    const all = await db.broadcasts.orderBy('at').reverse().toArray();
    return all.filter(
      (b) => b.recipientIds.includes(userId) && !b.acknowledgements.some((a) => a.userId === userId),
    );
  }, [userId]);
}

/** This person's console notifications not read yet, newest first. */
export function useUnreadNotifications(userId: string | undefined): ConsoleNotification[] | undefined {
  return useLiveQuery(async () => {
    if (!userId) return [];
    const all = await db.notifications.orderBy('at').reverse().toArray();
    return all.filter((n) => n.userId === userId && n.readAt === null);
  }, [userId]);
}
