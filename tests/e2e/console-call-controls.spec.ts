import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { ContactResponse } from '../../src-shared/protocol/contacts';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { postCti } from './console/cti-helpers';

test('maya takes a call from the phone system, holds it, resumes it and ends it', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const sofiaToken = await apiToken(request, 'sofia');
  await signInThroughForm(page, 'maya');
  await expectOnline(page);
  const state = page.getByLabel('Agent state');
  if ((await state.inputValue()) !== 'available') await state.selectOption({ label: 'Available' });

  const callIds: string[] = [];
  try {
    let contactId = '';
    // Another spec's agent may be idle longer and get this call first: then a new call, up to 3.
    for (let attempt = 1; ; attempt++) {
      const callId = `e2e-call-${randomUUID()}`;
      callIds.push(callId);
      const offered = await postCti(request, {
        callId,
        event: 'call.offered',
        from: '+1 (202) 555-0147',
        to: '+18005550100',
        ivr: { language: 'en' },
      });
      const offer = page.locator(`[data-testid="offer-card"][data-contact="${offered.contactId}"]`);
      try {
        await expect(offer).toBeVisible({ timeout: 10_000 });
        await offer.getByRole('button', { name: 'Accept' }).click();
        contactId = offered.contactId;
        break;
      } catch (err) {
        await postCti(request, { callId, event: 'call.abandoned', from: '', to: '' });
        if (attempt === 3) throw err;
      }
    }

    const active = page.locator(`[data-testid="active-card"][data-contact="${contactId}"]`);
    await expect(active).toBeVisible();
    await expect(active).toContainText('+12025550147');
    await expect(state).toHaveValue('busy');

    await active.getByRole('button', { name: 'Hold' }).click();
    const onHold = active.getByTestId('on-hold');
    await expect(onHold).toContainText('On hold');
    await expect(active.getByRole('button', { name: 'Resume' })).toBeVisible();
    await screenshot(page, 'call-on-hold');
    const held = await apiGet(request, sofiaToken, `/api/v1/contacts/${contactId}`, ContactResponse);
    expect(held.contact.heldAt).not.toBeNull();

    await active.getByRole('button', { name: 'Transfer' }).click();
    await expect(page.getByRole('menuitem', { name: 'Support ES' })).toBeVisible();
    await screenshot(page, 'call-transfer-menu');
    await page.keyboard.press('Escape');

    await active.getByRole('button', { name: 'Resume' }).click();
    await expect(onHold).toBeHidden();
    await expect(active.getByRole('button', { name: 'Hold' })).toBeVisible();

    await active.getByRole('button', { name: 'End' }).click();
    const wrapUp = page.locator(`[data-testid="wrap-up-card"][data-contact="${contactId}"]`);
    await expect(wrapUp).toBeVisible();
    await expect(state).toHaveValue('wrap_up');
    await wrapUp.getByLabel('Disposition').selectOption('resolved');
    await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
    await expect(wrapUp).toBeHidden();

    const closed = await apiGet(request, sofiaToken, `/api/v1/contacts/${contactId}`, ContactResponse);
    expect(closed.contact).toMatchObject({ status: 'closed', provider: 'cti', heldAt: null });
  } finally {
    // Nothing of this spec keeps waiting for other specs' agents.
    for (const callId of callIds) await postCti(request, { callId, event: 'call.ended', from: '', to: '' });
    await state.selectOption({ label: 'Offline' }).catch(() => undefined);
  }
});
