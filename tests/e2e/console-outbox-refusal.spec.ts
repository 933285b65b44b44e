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

test('a note the server refuses is shown with the reason until the person discards it', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'ana');
  // Tier 2 work: ana (tier 1) may read the case but not write on it.
  const { customer, kase } = await findCaseInQueue(request, token, 'q_tier2');
  const body = `Refused note ${Date.now()}`;

  await signInThroughForm(page, 'ana');
  await expectOnline(page);
  await openCase(page, customer, kase);
  await page.getByLabel('Note', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Save note' }).click();

  const note = page.getByTestId('note').filter({ hasText: body });
  await expect(note.getByRole('alert')).toContainText('Not saved:');
  await expect(page.getByTestId('outbox-problems')).toHaveText('1 needs attention');
  await expect(page.getByTestId('unsent-count')).toHaveCount(0);
  await page.getByTestId('outbox-problems').click();
  await screenshot(page, 'ana-note-refused');
  await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();

  await expect(note).toHaveCount(0);
  await expect(page.getByTestId('outbox-problems')).toHaveCount(0);
  await expect(page.getByTestId('unsent-count')).toHaveCount(0);
  const { case: detail } = await apiGet(request, token, `/api/v1/cases/${kase.id}`, CaseResponse);
  expect(detail.notes.filter((n) => n.body === body)).toHaveLength(0);
});
