import { expect, test, type WebSocketRoute } from '@playwright/test';
import { AgentsResponse } from '../../src-shared/protocol/http';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('mateo');

async function serverStateOf(request: Parameters<typeof apiToken>[0], token: string) {
  const { agents } = await apiGet(request, token, '/api/v1/agents', AgentsResponse);
  const mateo = agents.find((a) => a.username === 'mateo');
  if (!mateo) throw new Error('mateo is not in the directory');
  return { state: mateo.state, reasonCode: mateo.reasonCode, version: mateo.version };
}

test('a state picked offline is pending across a reload and applied once on reconnect', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'admin');
  let serverReachable = true;
  const openSockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/socket\.io/, (ws) => {
    if (!serverReachable) return void ws.close();
    ws.connectToServer();
    openSockets.push(ws);
  });

  await signInThroughForm(page, 'mateo');
  await expectOnline(page);
  const state = page.getByLabel('Agent state');
  if ((await state.inputValue()) !== 'offline') await state.selectOption({ label: 'Offline' });
  await expect(state).toHaveValue('offline');
  const before = await serverStateOf(request, token);
  expect(before.state).toBe('offline');

  serverReachable = false;
  await context.setOffline(true);
  for (const ws of openSockets.splice(0)) await ws.close();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await state.selectOption({ label: 'Away – Lunch' });
  await expect(page.getByTestId('state-pending')).toHaveText('Pending');
  await expect(page.getByTestId('unsent-count')).toHaveText('1 unsent');
  await screenshot(page, 'mateo-state-offline');

  await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByLabel('Agent state')).toHaveValue('away:lunch');
  await expect(page.getByTestId('state-pending')).toBeVisible();
  expect((await serverStateOf(request, token)).state).toBe('offline');

  serverReachable = true;
  await context.unroute('**/api/v1/**');
  await expectOnline(page);
  await expect(page.getByTestId('unsent-count')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('state-pending')).toHaveCount(0);
  await expect(page.getByLabel('Agent state')).toHaveValue('away:lunch');
  const after = await serverStateOf(request, token);
  expect(after).toMatchObject({ state: 'away', reasonCode: 'lunch' });
  // Exactly one change applied: one version step from the state before.
  expect(after.version).toBe(before.version + 1);
  await screenshot(page, 'mateo-state-sent');

  // Leave mateo as found: offline.
  await page.getByLabel('Agent state').selectOption({ label: 'Offline' });
  await expect.poll(async () => (await serverStateOf(request, token)).state).toBe('offline');
});
