import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { CustomerSearchResponse } from '../../src-shared/protocol/http';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { createContact } from './console/contact-helpers';

/**
 * Issue 11, finding 4: a reload in the middle of a contact brings the workspace back as it was —
 * the Screen pop on the contact's customer (or case) without a click, and a chat's lines.
 * emily is left to this spec (other specs use ana, ben, david).
 */
const AGENT = 'emily';

async function goAvailable(page: Page): Promise<void> {
  const state = page.getByLabel('Agent state');
  if ((await state.inputValue()) !== 'available') await state.selectOption({ label: 'Available' });
}

/** Ends the contact and completes its wrap-up, leaving the agent free for the next test. */
async function finish(page: Page, contactId: string): Promise<void> {
  await page
    .locator(`[data-testid="active-card"][data-contact="${contactId}"]`)
    .getByRole('button', { name: 'End', exact: true })
    .click();
  const wrapUp = page.locator(`[data-testid="wrap-up-card"][data-contact="${contactId}"]`);
  await wrapUp.getByLabel('Disposition').selectOption('resolved');
  await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
}

async function reloadConsole(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 15_000 });
  await expectOnline(page);
}

test.afterEach(async ({ page }) => {
  await page
    .getByLabel('Agent state')
    .selectOption({ label: 'Offline' }, { timeout: 5_000 })
    .catch(() => undefined);
});

test('a reload mid-call shows the caller in the Screen pop at once', async ({ page, request }) => {
  test.setTimeout(90_000);
  const sofia = await apiToken(request, 'sofia');
  const { customers } = await apiGet(request, sofia, '/api/v1/customers?q=a', CustomerSearchResponse);
  const customer = customers[0];
  if (!customer) throw new Error('The demo data has no customer matching "a"');

  await signInThroughForm(page, AGENT);
  await expectOnline(page);
  await goAvailable(page);
  const call = await createContact(request, 'sofia', {
    channel: 'phone',
    queueId: 'q_support_en',
    from: customer.phone,
    subject: `Reload mid-call ${randomUUID().slice(0, 6)}`,
    ...{ customerId: customer.id },
  });
  const offer = page.locator(`[data-testid="offer-card"][data-contact="${call.id}"]`);
  await offer.getByRole('button', { name: 'Accept' }).click({ timeout: 20_000 });
  const pop = page.getByRole('region', { name: 'Screen pop' });
  await expect(pop).toContainText(customer.name);

  await reloadConsole(page);
  await expect(page.locator(`[data-testid="active-card"][data-contact="${call.id}"]`)).toBeVisible();
  await expect(pop).toContainText(customer.name);
  await screenshot(page, 'reload-mid-call');
  await finish(page, call.id);
});

test('a reload mid-chat keeps the conversation and its case in view', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const visitorEmail = `reload-${randomUUID().slice(0, 8)}@example.org`;
  const question = `Where is my parcel ${randomUUID().slice(0, 6)}?`;
  await signInThroughForm(page, AGENT);
  await expectOnline(page);
  await goAvailable(page);

  const visitorContext = await browser.newContext();
  try {
    const widget = await visitorContext.newPage();
    await widget.goto('/widget/');
    await widget.getByLabel('Your name').fill('Robin Reload');
    await widget.getByLabel('Email').fill(visitorEmail);
    await widget.getByLabel('How can we help?').fill(question);
    await widget.getByRole('button', { name: 'Start chat' }).click();

    const offer = page.locator('[data-testid="offer-card"]', { hasText: visitorEmail });
    await offer.getByRole('button', { name: 'Accept' }).click({ timeout: 20_000 });
    const chat = page.getByRole('region', { name: 'Chat' });
    await expect(chat.getByTestId('chat-transcript')).toContainText(question);
    await widget.getByLabel('Your message').fill('Anyone there?');
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect(chat.getByTestId('chat-transcript')).toContainText('Anyone there?');
    const pop = page.getByRole('region', { name: 'Screen pop' });
    const subject = await pop.getByTestId('case-subject').textContent();

    await reloadConsole(page);
    await expect(chat.getByTestId('chat-transcript')).toContainText(question);
    await expect(chat.getByTestId('chat-transcript')).toContainText('Anyone there?');
    await expect(chat.getByText('No messages yet')).toHaveCount(0);
    await expect(pop.getByTestId('case-subject')).toHaveText(subject ?? '');
    await screenshot(page, 'reload-mid-chat');
    const contactId = await page.getByTestId('active-card').getAttribute('data-contact');
    await finish(page, contactId ?? '');
  } finally {
    await visitorContext.close();
  }
});
