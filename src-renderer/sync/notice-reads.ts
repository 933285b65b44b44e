import { API_ROUTES } from '../../src-shared/protocol/routes';
import { NotificationsResponse } from '../../src-shared/protocol/supervisor-entities';
import { cacheNotifications } from '../data/sync-repository';
import { authorizedGet } from './remote-reads';

/** Notices sent before this console started (pushed ones arrive as events). */
export async function loadNotifications(): Promise<void> {
  const { notifications } = await authorizedGet(API_ROUTES.notifications, NotificationsResponse);
  await cacheNotifications(notifications);
}
