import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { useDemoAgents } from './console/agent-lock';
import { expectOnline, openScreen, screenshot, signInThroughForm } from './console/console-helpers';

useDemoAgents('diego');

// axe reads the whole page: seconds on a loaded machine, the supervisor board most of all.
test.describe.configure({ timeout: 120_000 });

/** Serious and critical axe-core violations on the page as it is, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the agent screen has no serious or critical accessibility violation', async ({ page }) => {
  await signInThroughForm(page, 'diego');
  await expectOnline(page);
  await expect(page.getByLabel('Agent state')).toBeVisible();
  await expect(page.getByLabel('Find a customer')).toBeVisible();
  await screenshot(page, 'a11y-agent');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the supervisor screen has no serious or critical accessibility violation', async ({ page }) => {
  await signInThroughForm(page, 'sofia');
  await expectOnline(page);
  await openScreen(page, 'Supervisor');
  await expect(page.getByRole('tab', { name: 'Canned responses' })).toBeVisible();
  await screenshot(page, 'a11y-supervisor');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the coach screen has no serious or critical accessibility violation', async ({ page }) => {
  await signInThroughForm(page, 'carl');
  await expectOnline(page);
  await openScreen(page, 'Coaching');
  await expect(page.getByRole('tab', { name: 'Worklist' })).toBeVisible();
  await screenshot(page, 'a11y-coach');
  expect(await seriousViolations(page)).toEqual([]);
});
