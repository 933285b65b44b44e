import { expect, test, type Page } from '@playwright/test';
import { apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { createContact } from './console/contact-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('marcus');

// Marcus is an Inside Sales agent. Inside Sales has no supervisor of its own: Sofia (Support EN)
// sees every alert on her board, and the admin is the one who may act on Marcus's work.
const QUEUE_ID = 'q_inside_sales';
const MARCUS_ID = 'usr_marcus';

async function goAvailable(page: Page) {
  const state = page.getByLabel('Agent state');
  if ((await state.inputValue()) !== 'available') await state.selectOption({ label: 'Available' });
}

test('the board names an agent whose console is gone during a call, and the caller; it clears when they are back', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const [sofiaContext, marcusContext] = await Promise.all([browser.newContext(), browser.newContext()]);
  const sofia = await sofiaContext.newPage();
  const marcus = await marcusContext.newPage();
  await signInThroughForm(sofia, 'sofia');
  await expectOnline(sofia);
  await signInThroughForm(marcus, 'marcus');
  await expectOnline(marcus);
  await goAvailable(marcus);
  await expect(marcus.getByLabel('Agent state')).toHaveValue('available', { timeout: 10_000 });

  // A call for Inside Sales, handed to Marcus by the admin (the queue may be outside its business
  // hours, when routing would leave it waiting). Should routing have offered it to him first, the
  // admin's move is refused as already done, and Marcus has it all the same.
  const caller = `+1415555${String(Date.now() % 10_000).padStart(4, '0')}`;
  const contact = await createContact(request, 'admin', {
    channel: 'phone',
    queueId: QUEUE_ID,
    from: caller,
    subject: 'Renewal question',
  });
  const admin = await apiToken(request, 'admin');
  const handed = await request.post(`/api/v1/contacts/${contact.id}/reassign`, {
    headers: { authorization: `Bearer ${admin}` },
    data: { agentId: MARCUS_ID, reason: 'Marcus owns this renewal' },
  });
  expect([200, 400, 409], await handed.text()).toContain(handed.status());
  const offer = marcus.locator(`[data-testid="offer-card"][data-contact="${contact.id}"]`);
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(marcus.locator(`[data-testid="active-card"][data-contact="${contact.id}"]`)).toBeVisible({
    timeout: 10_000,
  });

  // Marcus's console is gone (the laptop closed); the call stays on his phone.
  await marcusContext.close();
  const alert = sofia
    .getByRole('alert', { name: 'Queue alerts' })
    .locator(`[data-alert="disconnected_on_call"][data-agent="${MARCUS_ID}"]`);
  // The grace period (6 s on the e2e server) and then the deadline sweep.
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('Disconnected on a call');
  await expect(alert).toContainText('Marcus Hill');
  await expect(alert).toContainText(caller);
  // Not Sofia's team: she sees it, the admin acknowledges it.
  await expect(alert.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await screenshot(sofia, 'supervisor-disconnected-on-call');

  // Marcus is back and picks Available: with the call still his, he is Busy and the alert clears.
  const backContext = await browser.newContext();
  const back = await backContext.newPage();
  await signInThroughForm(back, 'marcus');
  await expectOnline(back);
  await goAvailable(back);
  await expect(back.getByLabel('Agent state')).toHaveValue('busy', { timeout: 10_000 });
  await expect(alert).toBeHidden({ timeout: 15_000 });

  // Leave Marcus as found: the call ended, signed out.
  const card = back.locator(`[data-testid="active-card"][data-contact="${contact.id}"]`);
  await card.getByRole('button', { name: 'End', exact: true }).click();
  await expect(card).toBeHidden({ timeout: 10_000 });
  await back.getByLabel('Agent state').selectOption({ label: 'Offline' });
  await expect(back.getByLabel('Agent state')).toHaveValue('offline', { timeout: 10_000 });
});
