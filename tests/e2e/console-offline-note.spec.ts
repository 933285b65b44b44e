import { expect, test, type WebSocketRoute } from '@playwright/test';
import { CaseResponse } from '../../src-shared/protocol/http';
import {
  apiGet,
  apiToken,
  expectOnline,
  findCaseInQueue,
  openCase,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('ana');

test('a note written offline survives a reload and reaches the server exactly once', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'ana');
  const { customer, kase } = await findCaseInQueue(request, token, 'q_support_en');
  const body = `Offline note ${Date.now()}`;
  // The console's socket goes through here from the start, so going offline can cut the one that
  // is open (Chromium's offline mode leaves an open WebSocket alone) and refuse new ones.
  let serverReachable = true;
  const openSockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/socket\.io/, (ws) => {
    if (!serverReachable) return void ws.close();
    ws.connectToServer();
    openSockets.push(ws);
  });

  await signInThroughForm(page, 'ana');
  await expectOnline(page);
  await openCase(page, customer, kase);
  await screenshot(page, 'ana-case-view');

  serverReachable = false;
  await context.setOffline(true);
  for (const ws of openSockets.splice(0)) await ws.close();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await page.getByLabel('Note', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save note' }).click();
  const note = page.getByTestId('note').filter({ hasText: body });
  await expect(note.getByTestId('note-unsent')).toHaveText('Unsent');
  await expect(page.getByTestId('unsent-count')).toHaveText('1 unsent');
  await screenshot(page, 'ana-note-offline');

  // Reload while the server stays unreachable: the page itself loads, its API and socket do not.
  await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await openCase(page, customer, kase);
  await expect(page.getByTestId('unsent-count')).toHaveText('1 unsent');
  await expect(page.getByTestId('note').filter({ hasText: body }).getByTestId('note-unsent')).toBeVisible();
  await screenshot(page, 'ana-note-after-reload');

  // The server is reachable again: the outbox drains and the marker goes.
  serverReachable = true;
  await context.unroute('**/api/v1/**');
  await expectOnline(page);
  await expect(page.getByTestId('unsent-count')).toHaveCount(0, {
    timeout: 15_000,
  });
  await expect(page.getByTestId('note').filter({ hasText: body }).getByTestId('note-unsent')).toHaveCount(0);
  // Back online, the case is read fresh from the server again: no more 'cached copy' warning.
  await expect(page.getByText('showing the copy on this computer')).toHaveCount(0);

  const { case: detail } = await apiGet(request, token, `/api/v1/cases/${kase.id}`, CaseResponse);
  expect(detail.notes.filter((n) => n.body === body)).toHaveLength(1);
  await screenshot(page, 'ana-note-sent');
});
