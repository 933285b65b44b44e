import { expect, test, type Page } from '@playwright/test';
import {
  apiToken,
  expectOnline,
  findCaseInQueue,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';
import { createContact, type NewContact } from './console/contact-helpers';

// Priya (Tier 2) is signed in by no other spec: the Tier 2 contacts made here ring for her.
const TIER2 = 'q_tier2';

/** Accepts the contact ringing for me, ends it and completes its wrap-up as resolved. */
async function handle(page: Page, contactId: string): Promise<void> {
  const offer = page.locator(`[data-testid="offer-card"][data-contact="${contactId}"]`);
  await offer.getByRole('button', { name: 'Accept' }).click();
  const active = page.locator(`[data-testid="active-card"][data-contact="${contactId}"]`);
  await active.getByRole('button', { name: 'End' }).click();
  const wrapUp = page.locator(`[data-testid="wrap-up-card"][data-contact="${contactId}"]`);
  await wrapUp.getByLabel('Disposition').selectOption('resolved');
  await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
}

test('the Screen pop lists the caller’s last interactions on every channel while it rings', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000); // three contacts through offer, work and wrap-up on two shared cores
  const admin = await apiToken(request, 'admin');
  const { customer } = await findCaseInQueue(request, admin, TIER2);
  await signInThroughForm(page, 'priya');
  await expectOnline(page);
  await page.getByLabel('Agent state').selectOption({ label: 'Available' });

  const pop = page.getByRole('region', { name: 'Screen pop' });
  const channels: NewContact['channel'][] = ['phone', 'email', 'web'];
  for (const [index, channel] of channels.entries()) {
    const contact = await createContact(request, 'admin', {
      channel,
      queueId: TIER2,
      from: channel === 'phone' ? customer.phone : customer.email,
      customerId: customer.id,
      subject: `Last interactions e2e (${channel})`,
    });
    await expect(page.locator(`[data-testid="offer-card"][data-contact="${contact.id}"]`)).toBeVisible({
      timeout: 15_000,
    });
    // While it rings: the customer, and this contact on top of the ones handled a moment ago.
    await expect(pop.getByRole('heading', { name: customer.name })).toBeVisible();
    const rows = pop.getByRole('group', { name: 'Last interactions' }).getByTestId('interaction');
    await expect(rows.first()).toHaveAttribute('data-channel', channel);
    await expect(rows.first().getByTestId('interaction-outcome')).toHaveText('Ringing');
    for (const [earlier, earlierChannel] of channels.slice(0, index).reverse().entries()) {
      const row = rows.nth(earlier + 1);
      await expect(row).toHaveAttribute('data-channel', earlierChannel);
      await expect(row).toContainText('Tier 2');
      await expect(row.getByTestId('interaction-outcome')).toHaveText('Resolved');
    }
    if (channel === 'web') await screenshot(page, 'last-interactions');
    await handle(page, contact.id);
  }
  await page.getByLabel('Agent state').selectOption({ label: 'Offline' });
});
