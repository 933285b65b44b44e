import { expect, test } from '@playwright/test';
import { expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('ana');

test("ana's state change shows live on sofia's board", async ({ browser }) => {
  const anaContext = await browser.newContext();
  const sofiaContext = await browser.newContext();
  try {
    const ana = await anaContext.newPage();
    const sofia = await sofiaContext.newPage();
    await signInThroughForm(sofia, 'sofia');
    await expectOnline(sofia);
    const anaRow = sofia.getByRole('table', { name: 'Agents' }).locator('tr[data-agent="ana"]');
    await expect(anaRow).toBeVisible();

    await signInThroughForm(ana, 'ana');
    await expectOnline(ana);
    // Her console is counted on the board as it connects (pushed, not polled).
    await expect(anaRow.getByTestId('devices')).toHaveText('1');
    await ana.getByLabel('Agent state').selectOption({ label: 'Away – Lunch' });
    await expect(anaRow).toContainText('Away');
    await expect(anaRow).toContainText('Lunch');

    await ana.getByLabel('Agent state').selectOption({ label: 'Available' });
    await expect(ana.getByLabel('Agent state')).toHaveValue('available');
    await expect(anaRow).toContainText('Available', { timeout: 2_000 });
    await expect(anaRow).not.toContainText('Lunch');
    await screenshot(ana, 'ana-available');
    await screenshot(sofia, 'sofia-board-live');

    // (A state picked while the link is down is queued and applied on reconnect:
    // console-offline-state.spec.ts.) Signing off shows on the board too.
    await ana.getByLabel('Agent state').selectOption({ label: 'Offline' });
    await expect(anaRow).toContainText('Offline');
  } finally {
    await anaContext.close();
    await sofiaContext.close();
  }
});
