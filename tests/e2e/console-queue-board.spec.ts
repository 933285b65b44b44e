import { expect, test } from '@playwright/test';
import { expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { createContact } from './console/contact-helpers';

// Development escalation: its team is not signed in during the e2e run, so new work stays waiting.
const QUEUE_ID = 'q_dev_escalation';

test('sofia sees a new contact waiting on the queues board, with its wait ticking', async ({
  page,
  request,
}) => {
  await signInThroughForm(page, 'sofia');
  await expectOnline(page);
  const board = page.getByRole('table', { name: 'Queues' });
  const row = board.locator(`tr[data-queue="${QUEUE_ID}"]`);
  await expect(row).toBeVisible();
  const before = Number(await row.getByTestId('waiting').textContent());

  const contact = await createContact(request, 'sofia', {
    channel: 'email',
    queueId: QUEUE_ID,
    from: 'cto@example.com',
    subject: 'Data Bridge API returns 500 on bulk export',
  });
  expect(contact.status).toBe('queued');

  await expect(row.getByTestId('waiting')).toHaveText(String(before + 1));
  // The longest wait is a clock that moves.
  const clock = row.locator('td').nth(2);
  const first = await clock.textContent();
  await expect(clock).not.toHaveText(first ?? '', { timeout: 3_000 });

  // Nobody of the team is signed in: the alert is announced.
  const alerts = page.getByRole('alert', { name: 'Queue alerts' });
  await expect(alerts.locator(`[data-queue="${QUEUE_ID}"][data-alert="nobody_logged_in"]`)).toBeVisible({
    timeout: 10_000,
  });

  // Nobody signed in takes it: no expected wait for the next email.
  await expect(row.getByTestId('expected-wait').locator('[data-channel="email"]')).toHaveText('—');

  // The agents table keeps its columns and shows current work, offers missed today and consoles.
  const agents = page.getByRole('table', { name: 'Agents' });
  await expect(agents.getByRole('columnheader', { name: 'Current work' })).toBeVisible();
  await expect(agents.getByRole('columnheader', { name: 'Missed today' })).toBeVisible();
  await expect(agents.getByRole('columnheader', { name: 'Devices' })).toBeVisible();
  await screenshot(page, 'supervisor-queue-board');
});
