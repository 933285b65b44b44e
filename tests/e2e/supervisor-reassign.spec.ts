import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { createContact } from './console/contact-helpers';

// Emily and Jamal (Support EN) are used by no other spec, so their work is this spec's alone.
const QUEUE_ID = 'q_support_en';

async function goAvailable(page: Page) {
  const state = page.getByLabel('Agent state');
  if ((await state.inputValue()) !== 'available') await state.selectOption({ label: 'Available' });
  await expect(state).toHaveValue('available', { timeout: 10_000 });
}

test('sofia moves an email from emily to jamal with a reason, after seeing what it costs; both consoles and the audit follow', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [sofia, emily, jamal] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!sofia || !emily || !jamal) throw new Error('three pages');
  try {
    await signInThroughForm(sofia, 'sofia');
    await signInThroughForm(emily, 'emily');
    await expectOnline(emily);
    await goAvailable(emily);

    const subject = `Reassign e2e ${randomUUID().slice(0, 8)}`;
    const contact = await createContact(request, 'sofia', {
      channel: 'email',
      queueId: QUEUE_ID,
      from: 'cto@example.com',
      subject,
    });
    const offer = emily.locator(`[data-testid="offer-card"][data-contact="${contact.id}"]`);
    await expect(offer).toBeVisible({ timeout: 15_000 });
    await offer.getByRole('button', { name: 'Accept' }).click();
    const emilyCard = emily.locator(`[data-testid="active-card"][data-contact="${contact.id}"]`);
    await expect(emilyCard).toBeVisible({ timeout: 10_000 });

    await signInThroughForm(jamal, 'jamal');
    await expectOnline(jamal);
    await goAvailable(jamal);

    // The supervisor finds the email on Emily's line and opens her drill-down.
    await expectOnline(sofia);
    const emilyRow = sofia.getByRole('table', { name: 'Agents' }).locator('tr[data-agent="emily"]');
    await expect(emilyRow.getByTestId('work')).not.toContainText('—', { timeout: 10_000 });
    await emilyRow.getByRole('button', { name: 'Emily Brooks' }).click();
    const line = sofia.locator(`[data-contact="${contact.id}"]`);
    await expect(line).toContainText(subject, { timeout: 10_000 });
    await screenshot(sofia, 'supervisor-agent-drill-down');
    await line.getByRole('button', { name: 'Reassign' }).click();

    const dialog = sofia.getByRole('dialog', { name: /^Reassign / });
    await dialog.getByRole('combobox', { name: 'Agent' }).click();
    await sofia.getByRole('option', { name: /Jamal Reed/ }).click();
    await expect(dialog.getByRole('region', { name: 'Impact on the other customers' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Confirm reassignment' })).toBeEnabled({
      timeout: 15_000,
    });
    await dialog.getByLabel('Reason').fill('Jamal owns the Data Bridge account');
    await screenshot(sofia, 'supervisor-reassign-dialog');
    await dialog.getByRole('button', { name: 'Confirm reassignment' }).click();
    await expect(dialog).toBeHidden({ timeout: 15_000 });

    // Jamal is offered it; Emily no longer has it and is told why.
    await expect(jamal.locator(`[data-contact="${contact.id}"]`).first()).toContainText(subject, {
      timeout: 15_000,
    });
    await expect(emilyCard).toBeHidden({ timeout: 15_000 });
    const notice = emily.locator('[data-notification="contact_reassigned_away"]').first();
    await expect(notice).toContainText('Jamal owns the Data Bridge account', { timeout: 15_000 });
    await expect(notice).toContainText('Sofia Lindqvist');
    await screenshot(emily, 'agent-told-why');
    await screenshot(jamal, 'agent-given-contact');

    // The audit shows the move.
    await sofia.keyboard.press('Escape');
    await sofia.getByRole('tab', { name: 'Reassignment audit' }).click();
    const audit = sofia
      .getByRole('table', { name: 'Reassignment audit' })
      .locator(`tr[data-contact="${contact.id}"]`);
    await expect(audit).toContainText('Emily Brooks', { timeout: 15_000 });
    await expect(audit).toContainText('Jamal Reed');
    await expect(audit).toContainText('Jamal owns the Data Bridge account');
    await screenshot(sofia, 'supervisor-audit');
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("a forced Away shows on the agent's console at once, with the supervisor's words", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [sofia, chloe] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!sofia || !chloe) throw new Error('two pages');
  try {
    await signInThroughForm(chloe, 'chloe');
    await expectOnline(chloe);
    await goAvailable(chloe);
    await signInThroughForm(sofia, 'sofia');
    await expectOnline(sofia);

    const row = sofia.getByRole('table', { name: 'Agents' }).locator('tr[data-agent="chloe"]');
    await expect(row).toContainText('Available', { timeout: 10_000 });
    await row.getByRole('button', { name: 'Chloé Martin' }).click();
    const drawer = sofia.getByRole('dialog', { name: 'Chloé Martin' });
    await drawer.getByLabel('Why (shown to the agent)').fill('Team huddle in room 4');
    await drawer.getByRole('button', { name: 'Put Away' }).click();

    // The state menu names Away with its reason code (away:meeting …).
    await expect(chloe.getByLabel('Agent state')).toHaveValue(/^away/, { timeout: 10_000 });
    await expect(chloe.locator('[data-notification="state_forced"]').first()).toBeVisible({
      timeout: 10_000,
    });
    await expect(row).toContainText('Away');
    await screenshot(chloe, 'agent-forced-away');
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
