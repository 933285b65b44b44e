import { expect, test } from '@playwright/test';
import { expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { gateServer } from './console/server-gate';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('nora');

const MINUTE_MS = 60_000;

test('a console started without network shows the cached state at once, marked offline with its age', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const gate = await gateServer(context);
  await signInThroughForm(page, 'nora');
  await expectOnline(page);
  const myQueues = page.getByRole('region', { name: 'My queues' });
  await expect(myQueues.getByText('Development escalation')).toBeVisible();
  await expect(page.getByTestId('connection-label')).toHaveText('Online');

  // The network goes; the console notes when its data stopped being live.
  await gate.cut();
  await expect(page.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'online');
  // Twelve and a half minutes later the app is started again, still without network.
  await page.clock.setFixedTime(Date.now() + 12.5 * MINUTE_MS);
  await context.setOffline(false); // the page loads (the desktop app's files); the server stays cut
  await page.reload();

  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('Nora Fischer');
  await expect(myQueues.getByText('Development escalation')).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await expect(page.getByTestId('connection-label')).toHaveText('Offline — data from 12 min ago');
  await screenshot(page, 'nora-offline-start');

  // The network is back: the console catches up and says Online again, without an age.
  await gate.restore();
  await expectOnline(page);
  await expect(page.getByTestId('connection-label')).toHaveText('Online');
});
