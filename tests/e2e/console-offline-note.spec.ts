import { expect, test } from '@playwright/test';
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

test('a note written offline survives a reload and reaches the server exactly once', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'ana');
  const { customer, kase } = await findCaseInQueue(request, token, 'q_support_en');
  const body = `Offline note ${Date.now()}`;

  await signInThroughForm(page, 'ana');
  await expectOnline(page);
  await openCase(page, customer, kase);
  await screenshot(page, 'ana-case-view');

  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await page.getByLabel('Note', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save note' }).click();
  const note = page.getByTestId('note').filter({ hasText: body });
  await expect(note.getByTestId('note-unsent')).toHaveText('Unsent');
  await expect(page.getByTestId('unsent-count')).toHaveText('1 unsent');
  await screenshot(page, 'ana-note-offline');

  // Reload while the server stays unreachable: the page itself loads, its API and socket do not.
  let serverReachable = false;
  await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await context.routeWebSocket(/socket\.io/, (ws) => (serverReachable ? ws.connectToServer() : ws.close()));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await openCase(page, customer, kase);
  await expect(page.getByTestId('unsent-count')).toHaveText('1 unsent');
  await expect(page.getByTestId('note').filter({ hasText: body }).getByTestId('note-unsent')).toBeVisible();
  await screenshot(page, 'ana-note-after-reload');

  // The server is reachable again: the outbox drains and the marker goes.
  serverReachable = true;
  await context.unrouteAll({ behavior: 'ignoreErrors' });
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
