import { expect, test } from '@playwright/test';
import { expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
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

  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert).toContainText('Acknowledged by Sofia Lindqvist', { timeout: 10_000 });
});
