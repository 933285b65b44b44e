import { expect, test } from '@playwright/test';
import { expectOnline, openScreen, screenshot, signInThroughForm } from './console/console-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('ana', 'ben');

// Ben signs in here and is disabled here: in order, in one worker, whatever the config's parallelism.
test.describe.configure({ mode: 'default' });

const NAVIGATION: Record<string, string[]> = {
  ana: ['Queue', 'My evaluations'],
  ben: ['Queue', 'My evaluations'],
  carl: ['Coaching', 'Reports'],
  sofia: ['Supervisor', 'Coaching', 'Reports'],
  admin: ['Coaching', 'Reports', 'Admin'],
};

test.describe('sign-in and navigation by role', () => {
  for (const [username, expected] of Object.entries(NAVIGATION)) {
    test(`${username} sees exactly the navigation of their role`, async ({ page }) => {
      await signInThroughForm(page, username);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await expect(nav.getByRole('button')).toHaveText(expected);
      await expectOnline(page);
      for (const screen of expected) {
        await nav.getByRole('button', { name: screen }).click();
        await expect(nav.getByRole('button', { name: screen })).toHaveAttribute('aria-current', 'page');
        await page.waitForTimeout(500);
        await screenshot(page, `${username}-${screen.toLowerCase().replace(' ', '-')}`);
      }
    });
  }

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    await screenshot(page, 'sign-in-wrong-password');
  });

  test('an unreachable server says so', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Server').fill('http://127.0.0.1:9');
    await page.getByLabel('Username').fill('ana');
    await page.getByLabel('Password', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('cannot be reached');
  });

  test('the sign-in screen switches to Spanish', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('ES').click();
    await expect(page.getByRole('button', { name: 'Iniciar sesión' })).toBeVisible();
    await expect(page.getByLabel('Usuario')).toBeVisible();
    await screenshot(page, 'sign-in-spanish');
  });
});

test("disabling ben ends ben's live session, with the reason shown", async ({ browser }) => {
  // Slow, not stuck: two browser contexts and three full console starts (each page load, sign-in
  // and catch-up a few seconds on a loaded machine); a trace of the 30 s timeout showed every step
  // moving and the default budget spent before the admin's console was online, ahead of the disable.
  test.setTimeout(90_000);
  const benContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const ben = await benContext.newPage();
    const admin = await adminContext.newPage();
    await signInThroughForm(ben, 'ben');
    await expectOnline(ben);

    await signInThroughForm(admin, 'admin');
    await openScreen(admin, 'Admin');
    await expectOnline(admin);
    await admin.getByRole('button', { name: 'Disable ben' }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog).toContainText('Disable Ben Carter?');
    await screenshot(admin, 'admin-confirm-disable');
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await expect(admin.locator('tr[data-user="ben"]')).toContainText('Disabled');

    await expect(ben.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(ben.getByTestId('sign-out-reason')).toHaveText(
      'Your account was disabled by an administrator.',
    );
    await screenshot(ben, 'ben-signed-out-disabled');

    await admin.getByRole('button', { name: 'Enable ben' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Enable' }).click();
    await expect(admin.locator('tr[data-user="ben"]')).toContainText('Active');
    await signInThroughForm(ben, 'ben');
  } finally {
    await benContext.close();
    await adminContext.close();
  }
});
