import { expect, test, type Page } from '@playwright/test';
import { screenshot, signInThroughForm } from './console/console-helpers';

// Read-only: Sofia looks at the board, narrows it and drills down; nothing on the floor changes.

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('group', { name: 'Board filters' }).getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Picking the chosen option again clears the filter (Mantine's Select deselects). */
const clear = pick;

test('sofia narrows the board by team, queue, channel and state, and drills into a queue and an agent', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInThroughForm(page, 'sofia');
  // A supervisor's first catch-up reads the whole floor: on two shared cores it can take a while.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
    timeout: 45_000,
  });
  const queues = page.getByRole('table', { name: 'Queues' });
  const agents = page.getByRole('table', { name: 'Agents' });
  await expect(queues.locator('tr[data-queue]')).toHaveCount(5, { timeout: 10_000 });
  await screenshot(page, 'board-unfiltered');

  await pick(page, 'Team', 'Support ES');
  await expect(queues.locator('tr[data-queue]')).toHaveCount(1);
  await expect(queues.locator('tr[data-queue="q_support_es"]')).toBeVisible();
  await expect(agents.locator('tr[data-agent="emily"]')).toHaveCount(0);
  await expect(agents.locator('tr[data-agent]').first()).toBeVisible();
  await screenshot(page, 'board-team-support-es');
  await clear(page, 'Team', 'Support ES');

  await pick(page, 'Queue', 'Support EN');
  await expect(queues.locator('tr[data-queue]')).toHaveCount(1);
  await expect(agents.locator('tr[data-agent="emily"]')).toBeVisible();
  await pick(page, 'State', 'Offline');
  const offline = agents.locator('tr[data-agent]');
  await expect(offline.first()).toBeVisible();
  for (const row of await offline.all()) await expect(row).toContainText('Offline');
  await screenshot(page, 'board-queue-en-offline');
  await clear(page, 'State', 'Offline');
  await clear(page, 'Queue', 'Support EN');
  await expect(queues.locator('tr[data-queue]')).toHaveCount(5);

  await pick(page, 'Channel', 'Chat');
  // Only Support EN and ES take chats.
  await expect(queues.locator('tr[data-queue]')).toHaveCount(2);
  await expect(queues.locator('tr[data-queue="q_tier2"]')).toHaveCount(0);
  await screenshot(page, 'board-channel-chat');
  await clear(page, 'Channel', 'Chat');

  // Drill down into a queue: what waits in it (as many as its line says) and what its agents hold.
  const waitingOnLine = await queues
    .locator('tr[data-queue="q_support_en"]')
    .getByTestId('waiting')
    .innerText();
  await queues.getByRole('button', { name: 'Support EN' }).click();
  const queueDrawer = page.getByRole('dialog', { name: 'Support EN' });
  await expect(
    queueDrawer.getByRole('heading', { name: `Waiting contacts (${waitingOnLine})` }),
  ).toBeVisible();
  await expect(queueDrawer.getByRole('heading', { name: /^Held contacts \(\d+\)$/ })).toBeVisible();
  await screenshot(page, 'board-queue-drill-down');
  await page.keyboard.press('Escape');
  await expect(queueDrawer).toBeHidden();

  // …and into an agent: their work and today's timeline.
  await agents.getByRole('button', { name: 'Emily Brooks' }).click();
  const agentDrawer = page.getByRole('dialog', { name: 'Emily Brooks' });
  await expect(agentDrawer.getByText('Current work')).toBeVisible();
  await expect(agentDrawer.getByText("Today's timeline")).toBeVisible();
  await screenshot(page, 'board-agent-drill-down');
});
