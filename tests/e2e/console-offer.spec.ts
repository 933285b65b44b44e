import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { ContactResponse } from '../../src-shared/protocol/contacts';
import { CustomerSearchResponse } from '../../src-shared/protocol/http';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { createContact, type NewContact } from './console/contact-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('ana');

const QUEUE_ID = 'q_support_en';

test('ana is offered a call, accepts, sees the customer pop, ends it and wraps up with a disposition', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const sofiaToken = await apiToken(request, 'sofia');
  const { customers } = await apiGet(request, sofiaToken, '/api/v1/customers?q=a', CustomerSearchResponse);
  const customer = customers[0];
  if (!customer) throw new Error('The demo data has no customer matching "a"');

  await signInThroughForm(page, 'ana');
  await expectOnline(page);
  const state = page.getByLabel('Agent state');
  try {
    // Other specs share the server and ana: follow this contact only, by its id.
    const subject = `Offer e2e ${randomUUID().slice(0, 8)}`;
    const call: NewContact & { customerId: string } = {
      channel: 'phone',
      queueId: QUEUE_ID,
      from: customer.phone,
      subject,
      customerId: customer.id,
    };
    const contact = await createContact(request, 'sofia', call);

    const offer = page.locator(`[data-testid="offer-card"][data-contact="${contact.id}"]`);
    const active = page.locator(`[data-testid="active-card"][data-contact="${contact.id}"]`);
    // Other specs set ana Away or Offline now and then, which withdraws the offer (it goes back
    // to the queue): go Available again and wait for this contact to be offered once more.
    for (let attempt = 1; ; attempt++) {
      try {
        if ((await state.inputValue()) !== 'available')
          await state.selectOption({ label: 'Available' }, { timeout: 10_000 });
        await expect(offer).toBeVisible({ timeout: 10_000 });
        await expect(offer).toContainText(subject);
        await expect(offer).toContainText('Support EN');
        await expect(offer.getByLabel('Time left to accept')).toBeVisible();
        const seconds = offer.getByTestId('offer-seconds');
        await expect(seconds).toHaveText(/^\d+ s$/);
        const firstReading = await seconds.textContent();
        await expect(seconds).not.toHaveText(firstReading ?? '', { timeout: 3_000 });
        await offer.getByRole('button', { name: 'Why me?' }).click();
        await expect(offer).toContainText('You were the best match');
        await screenshot(page, 'offer-card');

        await offer.getByRole('button', { name: 'Accept' }).click();
        await expect(active).toBeVisible();
        break;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }

    const pop = page.getByRole('region', { name: 'Screen pop' });
    await expect(pop).toContainText(customer.name);
    await expect(state).toHaveValue('busy');
    await expect(active.getByTestId('handle-time')).toBeVisible();
    await screenshot(page, 'offer-accepted-pop');

    await active.getByRole('button', { name: 'End' }).click();
    const wrapUp = page.locator(`[data-testid="wrap-up-card"][data-contact="${contact.id}"]`);
    await expect(wrapUp).toBeVisible();
    await expect(state).toHaveValue('wrap_up');
    await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
    await expect(wrapUp).toContainText('Pick a disposition first.');
    await wrapUp.getByLabel('Disposition').selectOption('resolved');
    await screenshot(page, 'offer-wrap-up');
    await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
    await expect(wrapUp).toBeHidden();

    const closed = await apiGet(request, sofiaToken, `/api/v1/contacts/${contact.id}`, ContactResponse);
    expect(closed.contact.status).toBe('closed');
    expect(closed.contact.disposition).toBe('resolved');
    expect(closed.contact.agentId).toBe('usr_ana');
  } finally {
    // Leave ana out of routing for the specs that follow.
    await state.selectOption({ label: 'Offline' }, { timeout: 5_000 }).catch(() => undefined);
  }
});
