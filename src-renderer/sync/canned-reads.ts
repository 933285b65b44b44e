import { CannedResponsesResponse, type CannedResponse } from '../../src-shared/protocol/canned-responses';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import { authorizedGet } from './remote-reads';

/**
 * The canned responses this person may use, read live when a picker or the management tab
 * opens (not cached: they change rarely and a stale text is worse than none offline).
 */
export async function loadCannedResponses(queueId?: string): Promise<CannedResponse[]> {
  const query = queueId ? `?queueId=${encodeURIComponent(queueId)}` : '';
  const { responses } = await authorizedGet(`${API_ROUTES.cannedResponses}${query}`, CannedResponsesResponse);
  return responses;
}
