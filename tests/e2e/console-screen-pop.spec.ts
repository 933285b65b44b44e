import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { CommandResult } from '../../src-shared/protocol/commands';
import { ackSchema } from '../../src-shared/protocol/envelope';
import { CustomerSearchResponse } from '../../src-shared/protocol/http';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import type { Customer } from '../../src-shared/protocol/entities';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { postCti } from './console/cti-helpers';
import { createContact, E2E_SERVER_URL } from './console/contact-helpers';

// The e2e server runs with the default AGENTDECK_PHONE_REGION, US: national numbers are read in the
// North American plan.

/** A US number no demo customer has: 212 555 01xx is reserved for fiction, so a random 4-digit line in 212 7xx. */
function freshUsNumber(): { national: string; e164: string } {
  const line = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  const exchange = String(700 + Math.floor(Math.random() * 99));
  return { national: `(212) ${exchange}-${line}`, e164: `+1212${exchange}${line}` };
}

/** "+14155550134" as a person in the US writes it: "(415) 555-0134". */
function nationalUs(e164: string): string {
  const digits = e164.slice(2);
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/**
 * A call from `from` that rings for the agent signed in on `page`; other specs' agents may be
 * idle longer and get it first: then the caller hangs up and calls again, up to three times.
 */
async function callRingingHere(page: Page, request: APIRequestContext, from: string): Promise<Locator> {
  const state = page.getByLabel('Agent state');
  for (let attempt = 1; ; attempt++) {
    if ((await state.inputValue()) !== 'available') await state.selectOption({ label: 'Available' });
    const callId = `e2e-pop-${randomUUID()}`;
    const { contactId } = await postCti(request, {
      callId,
      event: 'call.offered',
      from,
      to: '+18005550100',
      ivr: { language: 'en' },
    });
    const offer = page.locator(`[data-testid="offer-card"][data-contact="${contactId}"]`);
    try {
      await expect(offer).toBeVisible({ timeout: 10_000 });
      return offer;
    } catch (err) {
      await postCti(request, { callId, event: 'call.abandoned', from: '', to: '' });
      if (attempt === 3) throw err;
    }
  }
}

/** Accepts the ringing call, then ends it and completes its wrap-up. */
async function takeAndWrapUp(page: Page, offer: Locator): Promise<void> {
  const contactId = await offer.getAttribute('data-contact');
  await offer.getByRole('button', { name: 'Accept' }).click();
  await endAndWrapUp(page, contactId ?? '');
}

/** Ends the call I am on and completes its wrap-up with the case still in view. */
async function endAndWrapUp(page: Page, contactId: string): Promise<void> {
  const active = page.locator(`[data-testid="active-card"][data-contact="${contactId}"]`);
  await active.getByRole('button', { name: 'End' }).click();
  const wrapUp = page.locator(`[data-testid="wrap-up-card"][data-contact="${contactId}"]`);
  await wrapUp.getByLabel('Disposition').selectOption('resolved');
  await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
}

/**
 * Two customers sharing one number, made through `contact:identify` by a supervisor on a contact
 * from elsewhere (so no choice is remembered for the shared number itself). The second is the
 * one last in touch: the picker lists them first.
 */
async function twoCustomersSharing(
  request: APIRequestContext,
  company: string,
  phone: string,
  names: [string, string],
): Promise<void> {
  const token = await apiToken(request, 'sofia');
  const contact = await createContact(request, 'sofia', {
    channel: 'email',
    // Development has nobody signed in during the e2e run: the contact waits there, ringing for no one.
    queueId: 'q_dev_escalation',
    from: `switchboard-${randomUUID().slice(0, 8)}@example.com`,
  });
  const socket = io(E2E_SERVER_URL, { auth: { token }, transports: ['websocket'], reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    for (const name of names) {
      const answer: unknown = await socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, {
        commandId: randomUUID(),
        type: 'contact:identify',
        payload: {
          contactId: contact.id,
          newCustomer: { customerId: randomUUID(), name, phone, company },
        },
      });
      const ack = ackSchema(CommandResult).parse(answer);
      if (!ack.ok) throw new Error(`contact:identify refused: ${ack.error.message}`);
    }
  } finally {
    socket.disconnect();
  }
}

// Lukas is signed in by no other spec.
test('screen pop: a known caller at once, an unknown one created and popped next time, a shared number picked', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const sofiaToken = await apiToken(request, 'sofia');
  const { customers } = await apiGet(request, sofiaToken, '/api/v1/customers?q=a', CustomerSearchResponse);
  // A US customer whose contract runs (an expired one is routed to Inside Sales, not to lukas).
  const known = customers.find(
    (c: Customer) =>
      c.phone.startsWith('+1') &&
      c.language === 'en' &&
      new Date(c.company.contractExpiresAt).getTime() > Date.now() + 86_400_000,
  );
  if (!known) throw new Error('The demo data has no US customer with a live contract matching "a"');

  const shared = freshUsNumber();
  const suffix = randomUUID().slice(0, 6);
  const [first, second] = [`Riley Shared ${suffix}`, `Sam Shared ${suffix}`];
  await twoCustomersSharing(request, known.company.name, shared.e164, [first, second]);

  await signInThroughForm(page, 'lukas');
  await expectOnline(page);
  const pop = page.getByRole('region', { name: 'Screen pop' });
  try {
    // 1. A known number in national format: the pop names the customer while it still rings.
    let offer = await callRingingHere(page, request, nationalUs(known.phone));
    await expect(pop.getByRole('heading', { name: known.name })).toBeVisible();
    await expect(pop.getByTestId('caller-bar')).toContainText('Ringing');
    await screenshot(page, 'pop-known-ringing');
    await takeAndWrapUp(page, offer);

    // 2. An unknown number: the search pop says so; the agent creates the caller on the spot.
    const fresh = freshUsNumber();
    const newName = `Quinn Pop ${randomUUID().slice(0, 6)}`;
    offer = await callRingingHere(page, request, fresh.national);
    await expect(pop.getByRole('alert').filter({ hasText: 'Unknown caller' })).toBeVisible();
    const unknownCall = (await offer.getAttribute('data-contact')) ?? '';
    await offer.getByRole('button', { name: 'Accept' }).click();
    await pop.getByRole('button', { name: 'Quick create' }).click();
    const form = pop.getByRole('form', { name: 'New customer' });
    await form.getByLabel('Name').fill(newName);
    // The company by its name: the new customer is under the known customer's contract.
    await form.getByLabel('Company').fill(known.company.name);
    await screenshot(page, 'pop-quick-create');
    await form.getByRole('button', { name: 'Create and link' }).click();
    await expect(pop.getByRole('heading', { name: newName })).toBeVisible();
    await endAndWrapUp(page, unknownCall);
    const created = await apiGet(
      request,
      sofiaToken,
      `/api/v1/customers?q=${encodeURIComponent(newName)}`,
      CustomerSearchResponse,
    );
    // One record by that name (no duplicate); the search may also match others (its digits, "555"…).
    const named = created.customers.filter((c) => c.name === newName);
    expect(named).toHaveLength(1);
    expect(named[0]!.phone).toBe(fresh.e164);

    // ... and the next call from that number pops the new customer at once.
    offer = await callRingingHere(page, request, fresh.e164);
    await expect(pop.getByRole('heading', { name: newName })).toBeVisible();
    await takeAndWrapUp(page, offer);

    // 3. A number two customers share: a picker, the one last in touch first; nobody is chosen for the agent.
    offer = await callRingingHere(page, request, shared.national);
    await expect(pop.getByRole('alert').filter({ hasText: 'Several customers' })).toBeVisible();
    const candidates = pop.getByTestId('caller-candidates').getByRole('button');
    await expect(candidates).toHaveCount(2);
    await expect(candidates.first()).toHaveAccessibleName(`Pick ${second}`);
    await screenshot(page, 'pop-shared-number-picker');
    await pop.getByRole('button', { name: `Pick ${first}` }).click();
    await expect(pop.getByRole('heading', { name: first })).toBeVisible();
    await takeAndWrapUp(page, offer);

    // The choice is remembered for that number.
    offer = await callRingingHere(page, request, shared.e164);
    await expect(pop.getByRole('heading', { name: first })).toBeVisible();
    await expect(pop.getByTestId('caller-candidates')).toHaveCount(0);
    await takeAndWrapUp(page, offer);
  } finally {
    await page
      .getByLabel('Agent state')
      .selectOption({ label: 'Offline' }, { timeout: 5_000 })
      .catch(() => undefined);
  }
});
