import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { signedCtiHeaders } from '../../../scripts/simulate/cti-signing';

/** scripts/e2e-server.mjs gives the server this AGENTDECK_CTI_SECRET; a phone system signs with it. */
const CTI_SECRET = 'e2e-cti-secret';

/** Sends a CTI event signed like a phone system: HMAC-SHA256 over the time and the exact bytes sent. */
export function sendCtiEvent(
  request: APIRequestContext,
  event: Record<string, unknown>,
): Promise<APIResponse> {
  const body = JSON.stringify(event);
  return request.post('/api/v1/channels/cti/events', {
    data: body,
    headers: { 'content-type': 'application/json', ...signedCtiHeaders(CTI_SECRET, body) },
  });
}

/** A signed CTI event the server must accept; its answer. */
export async function postCti(request: APIRequestContext, event: Record<string, unknown>) {
  const response = await sendCtiEvent(request, event);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { contactId: string; status: string };
}
