import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { ContactListResponse } from '../../src-shared/protocol/contacts';
import {
  apiGet,
  apiToken,
  expectOnline,
  openScreen,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';
import { mailSupport } from './core-loop/demo-day-channels';

/** A mailbox of the e2e server (AGENTDECK_SUPPORT_ADDRESSES in scripts/e2e-server.mjs) no queue takes by itself. */
const ESCALATIONS = 'escalations@agentdeck.test';

test('an admin adds an address to Tier 2’s intake rules and mail to it enters Tier 2', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await signInThroughForm(page, 'admin');
  await openScreen(page, 'Admin');
  await expectOnline(page);
  await page.getByRole('tab', { name: 'Queues' }).click();
  await page.getByRole('combobox', { name: 'Queue' }).click();
  await page.getByRole('option', { name: 'Tier 2' }).click();
  const editor = page.getByRole('form', { name: 'Tier 2' });
  const addresses = editor.getByRole('combobox', { name: 'Email addresses' });

  // A malformed address is named at its field and nothing is sent.
  await addresses.fill('escalations');
  await addresses.press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toContainText('Not in the expected format');
  await editor.getByRole('button', { name: 'Undo changes' }).click();
  await expect(editor).not.toContainText('Not in the expected format');

  if (!(await editor.getByText(ESCALATIONS, { exact: true }).count())) {
    await addresses.fill(ESCALATIONS);
    await addresses.press('Enter');
  }
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByTestId('save-status')).toHaveText(
    'Tier 2 saved. Routing uses the new rules from now on.',
  );
  await screenshot(page, 'intake-rules-saved');

  const sender = `escalate-${randomUUID().slice(0, 8)}@customer.example`;
  await mailSupport(sender, 'Please escalate', ESCALATIONS);
  const token = await apiToken(request, 'sofia');
  await expect
    .poll(
      async () =>
        (await apiGet(request, token, '/api/v1/contacts?limit=1000', ContactListResponse)).contacts.find(
          (c) => c.from === sender,
        )?.queueId,
      { timeout: 15_000 },
    )
    .toBe('q_tier2');
});

test('carl (coach of Support EN and, by his coach profile, Tier 2) sees both teams’ agents in Coaching (issue 11, finding 5)', async ({
  page,
}) => {
  await signInThroughForm(page, 'carl');
  await expectOnline(page);
  await openScreen(page, 'Coaching');
  await page.getByRole('tab', { name: 'My team' }).click();
  const team = page.getByRole('table', { name: 'My team' });
  await expect(team.locator('tr[data-agent="ana"]')).toContainText('Ana Torres');
  await expect(team.locator('tr[data-agent="ben"]')).toContainText('Ben Carter');
  await expect(team.locator('tr[data-agent="tom"]')).toContainText('Tom Gallagher'); // Tier 2
  await expect(page.getByText('No agents to show.')).toHaveCount(0);
  await screenshot(page, 'coach-team');
});
