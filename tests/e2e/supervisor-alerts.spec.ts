import { expect, test } from '@playwright/test';
import { AlertsResponse } from '../../src-shared/protocol/supervisor-entities';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { createContact } from './console/contact-helpers';

// Development escalation: its team is not signed in during the e2e run, so new work stays waiting.
const QUEUE_ID = 'q_dev_escalation';

test('a queue with nobody signed in raises an alert on the board within 5 s of its first contact', async ({
  page,
  request,
}) => {
  await signInThroughForm(page, 'sofia');
  await expectOnline(page);
  const alerts = page.getByRole('alert', { name: 'Queue alerts' });
  await expect(alerts).toBeVisible();

  await createContact(request, 'sofia', { channel: 'email', queueId: QUEUE_ID, from: 'ops@example.com' });
  const alert = alerts.locator(`[data-queue="${QUEUE_ID}"][data-alert="nobody_logged_in"]`);
  // The promise under test: within five seconds of the contact, not the usual e2e allowance.
  await expect(alert).toBeVisible({ timeout: 5_000 });
  await screenshot(page, 'supervisor-alert');

  // Development has no supervisor of its own (Sofia's team is Support EN), so the admin acknowledges
  // it through the API; Sofia's board shows who did, live.
  const admin = await apiToken(request, 'admin');
  const { alerts: open } = await apiGet(request, admin, '/api/v1/alerts', AlertsResponse);
  const raised = open.find((a) => a.queueId === QUEUE_ID && a.kind === 'nobody_logged_in');
  expect(raised, 'the open alert over the API').toBeTruthy();
  const ack = await request.post(`/api/v1/alerts/${raised!.id}/acknowledge`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(ack.status()).toBe(200);
  await expect(alert).toContainText('Acknowledged by Admin', { timeout: 10_000 });
});
