import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { Customer } from '../../src-shared/protocol/entities';
import { CustomerSearchResponse } from '../../src-shared/protocol/http';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { createContacts } from './console/bulk-contacts';

// Support ES: no other spec uses it, and lucia (its agent) stays Offline, so new work waits. Its
// customers speak neither English nor Spanish, so when the wait widens the offer to other teams
// (overflow), ana and ben — whom other specs make Available — are never offered any of it.
const QUEUE_ID = 'q_support_es';
const COUNT = 60;
const CHANNELS = ['phone', 'email', 'web', 'chat'] as const;
const IMPACTS = ['low', 'medium', 'high', 'critical'] as const;

test('lucia sees everything waiting in her queue, why it waits, in a list that renders only what is in view', async ({
  page,
  request,
}) => {
  await signInThroughForm(page, 'lucia');
  await expectOnline(page);
  const queueCard = page.getByRole('region', { name: 'My queues' }).locator(`[data-queue="${QUEUE_ID}"]`);
  await expect(queueCard).toBeVisible();
  const before = Number(await queueCard.getByTestId('queue-waiting').textContent());

  const customers = await customersSpeakingNeither(request, ['en', 'es']);
  const run = randomUUID().slice(0, 6);
  const created = await createContacts(
    request,
    'javier',
    Array.from({ length: COUNT }, (_, i) => {
      const channel = CHANNELS[i % CHANNELS.length]!;
      const customer = customers[i % customers.length]!;
      return {
        channel,
        queueId: QUEUE_ID,
        customerId: customer.id,
        from: channel === 'phone' ? customer.phone : channel === 'chat' ? customer.name : customer.email,
        subject: `Espera ${run} #${i}`,
        impact: IMPACTS[i % IMPACTS.length]!,
      };
    }),
  );
  expect(created.every((c) => c.status === 'queued' && c.queueId === QUEUE_ID)).toBe(true);
  expect(created.filter((c) => c.language === 'en' || c.language === 'es')).toEqual([]);

  // My queues: the count and a longest wait that ticks.
  await expect(queueCard.getByTestId('queue-waiting')).toHaveText(String(before + COUNT));
  const longest = queueCard.getByTestId('queue-longest-wait');
  const firstReading = await longest.textContent();
  await expect(longest).not.toHaveText(firstReading ?? '', { timeout: 3_000 });

  // The waiting list: all of them counted, only a window of rows in the page.
  const waiting = page.getByRole('region', { name: 'Waiting in my queues' });
  await expect(waiting.getByTestId('waiting-total')).toHaveText(String(before + COUNT));
  const list = waiting.getByRole('list', { name: 'Contacts waiting in my queues' });
  const rendered = await list.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(25);
  // Why each waits, in words: nobody of the team is signed in to take it.
  await expect(list.getByTestId('waiting-why').first()).toHaveText(/\S/);
  await expect(list.getByTestId('waiting-why').first()).not.toHaveText('No reasons recorded.');
  await screenshot(page, 'waiting-list');

  // Scrolled to the end, the last rows are there and the first are gone.
  const firstRowText = await list.getByRole('listitem').first().textContent();
  await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-posinset', String(before + COUNT));
  await expect(list.getByRole('listitem').first()).not.toHaveText(firstRowText ?? '');
  expect(await list.getByRole('listitem').count()).toBeLessThan(25);

  // The same screen in Spanish.
  await page.getByRole('banner').getByText('ES', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'En espera en mis colas' })).toBeVisible();
  await screenshot(page, 'waiting-list-es');
});

/** Demo customers with a running contract (an expired one would send the contact to Inside Sales). */
async function customersSpeakingNeither(
  request: Parameters<typeof apiToken>[0],
  languages: readonly string[],
): Promise<Customer[]> {
  const token = await apiToken(request, 'javier');
  const found = new Map<string, Customer>();
  for (const q of ['.de', '.fr', '.com']) {
    const { customers } = await apiGet(request, token, `/api/v1/customers?q=${q}`, CustomerSearchResponse);
    for (const customer of customers) {
      const isRunning = Date.parse(customer.company.contractExpiresAt) > Date.now() + 86_400_000;
      if (isRunning && !languages.includes(customer.language)) found.set(customer.id, customer);
    }
  }
  if (found.size === 0)
    throw new Error(`No demo customer with a running contract speaks other than ${languages}`);
  return [...found.values()];
}
