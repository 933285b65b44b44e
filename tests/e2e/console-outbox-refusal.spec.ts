import { expect, test } from '@playwright/test';
import { CaseResponse } from '../../src-shared/protocol/http';
import { createContacts } from './console/bulk-contacts';
import {
  apiGet,
  apiToken,
  expectOnline,
  findCaseInQueue,
  openCase,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';

// Olivia (Inside Sales) is used by no other spec. An email about a Tier 2 case lands in her queue
// (email, because Inside Sales may be closed at the hour the tests run, and email is offered at any
// hour): having taken it she may read the case and its customer, but notes on it belong to Tier 2,
// so the server refuses hers — after the console has already shown it as written (the outbox sends
// it later).
test('a note the server refuses is shown with the reason until the person discards it', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const token = await apiToken(request, 'olivia');
  const { customer, kase } = await findCaseInQueue(request, await apiToken(request, 'sofia'), 'q_tier2');
  // Before she takes a contact on it, the Tier 2 case is not hers to read.
  const before = await request.get(`/api/v1/cases/${kase.id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(before.status()).toBe(404);
  const body = `Refused note ${Date.now()}`;

  await signInThroughForm(page, 'olivia');
  await expectOnline(page);
  const state = page.getByLabel('Agent state');
  const [call] = await createContacts(request, 'sofia', [
    { channel: 'email', queueId: 'q_inside_sales', from: customer.email, caseId: kase.id, subject: body },
  ]);
  const offer = page.locator(`[data-testid="offer-card"][data-contact="${call!.id}"]`);
  try {
    for (let attempt = 1; ; attempt++) {
      if ((await state.inputValue()) !== 'available')
        await state.selectOption({ label: 'Available' }, { timeout: 10_000 });
      // Work other specs route to Inside Sales (expired contracts) is declined, not taken.
      for (const other of await page.locator('[data-testid="offer-card"]').all()) {
        if ((await other.getAttribute('data-contact')) === call!.id) continue;
        await other
          .getByRole('button', { name: 'Decline' })
          .click()
          .catch(() => undefined);
      }
      try {
        await expect(offer).toBeVisible({ timeout: 10_000 });
        await offer.getByRole('button', { name: 'Accept' }).click();
        break;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }

    await openCase(page, customer, kase);
    await page.getByLabel('Note', { exact: true }).fill(body);
    await page.getByRole('button', { name: 'Save note' }).click();

    const note = page.getByTestId('note').filter({ hasText: body });
    await expect(note.getByRole('alert')).toContainText('Not saved:');
    await expect(page.getByTestId('outbox-problems')).toHaveText('1 needs attention');
    await expect(page.getByTestId('unsent-count')).toHaveCount(0);
    await page.getByTestId('outbox-problems').click();
    await screenshot(page, 'olivia-note-refused');
    await page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();

    await expect(note).toHaveCount(0);
    await expect(page.getByTestId('outbox-problems')).toHaveCount(0);
    await expect(page.getByTestId('unsent-count')).toHaveCount(0);
    const { case: detail } = await apiGet(request, token, `/api/v1/cases/${kase.id}`, CaseResponse);
    expect(detail.notes.filter((n) => n.body === body)).toHaveLength(0);
  } finally {
    await state.selectOption({ label: 'Offline' }, { timeout: 5_000 }).catch(() => undefined);
  }
});
