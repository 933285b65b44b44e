import { z } from 'zod';
import { API_ROUTES, routePath } from '../../src-shared/protocol/routes';
import { ImpactPreview, type ImpactQuery } from '../../src-shared/protocol/supervision';
import { authorizedRequest } from './authorized-request';

/** The supervisor's live actions against the server (not cached: each answer is read at once). */

/** What a jump or a reassignment would cost the other waiting contacts, from the server's forecast. */
export async function fetchImpact(contactId: string, query: ImpactQuery): Promise<ImpactPreview> {
  const params = new URLSearchParams({ action: query.action });
  if (query.agentId) params.set('agentId', query.agentId);
  if (query.queueId) params.set('queueId', query.queueId);
  return authorizedRequest(
    `${routePath(API_ROUTES.contact, { id: contactId })}/impact?${params.toString()}`,
    ImpactPreview,
  );
}

export interface ReassignRequest {
  agentId?: string;
  queueId?: string;
  reason?: string;
  force?: boolean;
  responseTimerMinutes?: number;
  fallbackQueueId?: string;
}

/** Moves a contact to an agent or a queue; refusals throw ApiRequestError (409, 422…). */
export async function reassignContact(contactId: string, request: ReassignRequest): Promise<void> {
  await authorizedRequest(`${routePath(API_ROUTES.contact, { id: contactId })}/reassign`, z.unknown(), {
    method: 'POST',
    body: request,
  });
}

/** Puts a waiting contact before every contact not jumped (docs/ROUTING.md). */
export async function jumpContact(contactId: string): Promise<void> {
  await authorizedRequest(`${routePath(API_ROUTES.contact, { id: contactId })}/jump`, z.unknown(), {
    method: 'POST',
    body: {},
  });
}
