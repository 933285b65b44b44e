import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ContactResponse } from '../../src-shared/protocol/contacts';
import { useDemoAgents } from './console/agent-lock';
import {
  apiGet,
  apiToken,
  expectOnline,
  findCaseInQueue,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';
import { createContact } from './console/contact-helpers';

useDemoAgents('diego');

const QUEUE_ID = 'q_support_es';

test('diego works a call from the keyboard: shortcut list, state, accept, note, wrap-up, palette', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const adminToken = await apiToken(request, 'admin');
  const { customer, kase } = await findCaseInQueue(request, adminToken, QUEUE_ID);

  await signInThroughForm(page, 'diego');
  await expectOnline(page);
  const state = page.getByLabel('Agent state');
  try {
    // Ctrl+/ lists the shortcuts; Escape closes the list.
    await page.keyboard.press('Control+Slash');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Accept the first offer');
    await expect(help.getByRole('table', { name: 'Your state' })).toContainText('Go Away – Lunch');
    await screenshot(page, 'diego-keyboard-help');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Alt+2 Away – Break, Alt+1 Available.
    await page.keyboard.press('Alt+Digit2');
    await expect(state).toHaveValue('away:break');
    await page.keyboard.press('Alt+Digit1');
    await expect(state).toHaveValue('available');

    const subject = `Keyboard e2e ${randomUUID().slice(0, 8)}`;
    const contact = await createContact(request, 'admin', {
      channel: 'phone',
      queueId: QUEUE_ID,
      from: customer.phone,
      subject,
      customerId: customer.id,
      caseId: kase.id,
    });
    const offer = page.locator(`[data-testid="offer-card"][data-contact="${contact.id}"]`);
    await expect(offer).toBeVisible({ timeout: 20_000 });
    await expect(offer.getByRole('button', { name: 'Accept' })).toHaveAttribute('aria-keyshortcuts', 'Alt+A');
    await page.keyboard.press('Alt+KeyA');
    const active = page.locator(`[data-testid="active-card"][data-contact="${contact.id}"]`);
    await expect(active).toBeVisible();
    const pop = page.getByRole('region', { name: 'Screen pop' });
    await expect(pop.getByTestId('case-subject')).toHaveText(kase.subject);

    // Alt+N: the cursor goes to the note; Ctrl+Enter there saves it.
    const note = `Noted from the keyboard ${randomUUID().slice(0, 8)}`;
    await page.keyboard.press('Alt+KeyN');
    await expect(pop.getByLabel('Note', { exact: true })).toBeFocused();
    await page.keyboard.type(note);
    await page.keyboard.press('Control+Enter');
    await expect(pop.getByText(note)).toBeVisible();
    await expect(pop.getByLabel('Note', { exact: true })).toHaveValue('');

    // Alt+R: the cursor goes to the reply.
    await page.keyboard.press('Alt+KeyR');
    await expect(pop.getByLabel('Reply', { exact: true })).toBeFocused();

    await active.getByRole('button', { name: 'End' }).click();
    const wrapUp = page.locator(`[data-testid="wrap-up-card"][data-contact="${contact.id}"]`);
    await expect(wrapUp).toBeVisible();
    await wrapUp.getByLabel('Disposition').selectOption('resolved');
    await page.keyboard.press('Alt+KeyW');
    await expect(wrapUp).toBeHidden();
    const closed = await apiGet(request, adminToken, `/api/v1/contacts/${contact.id}`, ContactResponse);
    expect(closed.contact).toMatchObject({ status: 'closed', disposition: 'resolved', agentId: 'usr_diego' });

    // Ctrl+K finds the case by its number and opens it in the pop; and actions by name.
    await page.keyboard.press('Control+KeyK');
    const search = page.getByRole('textbox', { name: 'Search actions, customers and cases' });
    await expect(search).toBeFocused();
    await search.fill(`#${kase.number}`);
    const found = page.getByRole('button', { name: new RegExp(`Case #${kase.number}:`) });
    await expect(found).toBeVisible();
    await screenshot(page, 'diego-command-palette');
    await found.click();
    await expect(search).toBeHidden();
    await expect(pop.getByTestId('case-subject')).toHaveText(kase.subject);

    await page.keyboard.press('Control+KeyK');
    await search.fill('offline');
    await page.getByRole('button', { name: /Go Offline/ }).click();
    await expect(state).toHaveValue('offline');
  } finally {
    await state.selectOption({ label: 'Offline' }, { timeout: 5_000 }).catch(() => undefined);
  }
});
