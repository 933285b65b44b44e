import { expect, test, type Page } from '@playwright/test';
import { AgentsResponse, QueuesResponse } from '../../src-shared/protocol/http';
import {
  apiGet,
  apiToken,
  expectOnline,
  openScreen,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('ana');

test('an admin changes a queue’s routing and an agent’s capacity; the server holds both', async ({
  page,
  request,
}) => {
  // Values this run has not used before, so a rerun against the same server still sees a change.
  const stamp = Date.now() % 1_000;
  const wrapUpMax = 600 + stamp;
  const disposition = `e2e_refund_${stamp}`;

  await signInThroughForm(page, 'admin');
  await openAdminTab(page, 'Queues');
  await page.getByRole('combobox', { name: 'Queue' }).click();
  await page.getByRole('option', { name: 'Support EN' }).click();
  const editor = page.getByRole('form', { name: 'Support EN' });
  await expect(editor).toBeVisible();
  await atTop(page);
  await screenshot(page, 'routing-admin-queue');

  await editor.getByLabel('Wrap-up maximum').fill(String(wrapUpMax));
  const dispositions = editor.getByRole('combobox', { name: 'Disposition codes' });
  await dispositions.fill(disposition);
  await dispositions.press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByTestId('save-status')).toHaveText(
    'Support EN saved. Routing uses the new rules from now on.',
  );
  await atTop(page);
  await screenshot(page, 'routing-admin-queue-saved');

  const token = await apiToken(request, 'admin');
  const { queues } = await apiGet(request, token, '/api/v1/queues', QueuesResponse);
  const supportEn = queues.find((q) => q.name === 'Support EN');
  expect(supportEn?.routing.wrapUpMaxSeconds).toBe(wrapUpMax);
  expect(supportEn?.routing.dispositions).toContain(disposition);
  expect(supportEn?.routing.dispositions).toContain('resolved');

  // After a reload the console shows what the server holds.
  await page.reload();
  await openAdminTab(page, 'Queues');
  await page.getByRole('combobox', { name: 'Queue' }).click();
  await page.getByRole('option', { name: 'Support EN' }).click();
  await expect(page.getByRole('form', { name: 'Support EN' }).getByLabel('Wrap-up maximum')).toHaveValue(
    `${wrapUpMax} s`,
  );

  // Ana takes one more chat at a time.
  const before = (await apiGet(request, token, '/api/v1/agents', AgentsResponse)).agents.find(
    (a) => a.username === 'ana',
  );
  const chats = before!.routing.capacity.chat >= 10 ? 1 : before!.routing.capacity.chat + 1;
  await page.getByRole('tab', { name: 'Agents' }).click();
  await page.getByRole('button', { name: 'Edit routing for ana' }).click();
  const drawer = page.getByRole('dialog');
  const capacity = drawer.getByRole('group', { name: 'Capacity per channel' });
  await capacity.getByLabel('Chat').fill(String(chats));
  await capacity.scrollIntoViewIfNeeded();
  await screenshot(page, 'routing-admin-agent');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByTestId('save-status')).toContainText('Routing profile of Ana');
  await expect(page.locator('tr[data-agent="ana"]').getByTestId('capacity')).toContainText(`Chat ${chats}`);

  const after = (await apiGet(request, token, '/api/v1/agents', AgentsResponse)).agents.find(
    (a) => a.username === 'ana',
  );
  expect(after?.routing.capacity).toEqual({ ...before!.routing.capacity, chat: chats });
  expect(after?.routing.skills).toEqual(before!.routing.skills);
});

test('an interval that closes before it opens is refused on the spot', async ({ page }) => {
  await signInThroughForm(page, 'admin');
  await openAdminTab(page, 'Queues');
  await page.getByRole('combobox', { name: 'Queue' }).click();
  await page.getByRole('option', { name: 'Inside Sales' }).click();
  const editor = page.getByRole('form', { name: 'Inside Sales' });
  await editor.getByRole('button', { name: 'Add hours on Saturday' }).click();
  await editor.getByLabel('Saturday, interval 1: closes at').fill('08:00');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('Must close after it opens')).toBeVisible();
  await expect(editor.getByTestId('save-status')).toHaveText('Nothing was sent: fix the highlighted field.');
  await atTop(page);
  await screenshot(page, 'routing-admin-invalid-interval');
});

async function openAdminTab(page: Page, tab: 'Queues' | 'Agents'): Promise<void> {
  await openScreen(page, 'Admin');
  await expectOnline(page);
  await page.getByRole('tab', { name: tab }).click();
}

/** Full-page screenshots show the fixed header where the page is scrolled to: start at the top. */
async function atTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}
