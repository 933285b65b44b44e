import { expect, test, type Page } from '@playwright/test';
import { expectOnline, signInThroughForm } from './console/console-helpers';

/** Rows in every object store of the console's IndexedDB database (0 when the database is gone). */
function cachedRowCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('agentdeck')) return 0;
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('agentdeck');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores = Array.from(database.objectStoreNames);
    let total = 0;
    for (const store of stores) {
      total += await new Promise<number>((resolve, reject) => {
        const count = database.transaction(store).objectStore(store).count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      });
    }
    database.close();
    return total;
  });
}

test('signing out wipes the cache and the stored session', async ({ page }) => {
  await signInThroughForm(page, 'sofia');
  await expectOnline(page);
  await expect(page.getByRole('table', { name: 'Agents' }).locator('tr[data-agent="ana"]')).toBeVisible();
  expect(await cachedRowCount(page)).toBeGreaterThan(10);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await cachedRowCount(page)).toBe(0);
  expect(await page.evaluate(() => localStorage.getItem('agentdeck.refreshToken'))).toBeNull();

  // A reload does not bring the session back.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a reload keeps the session through the stored refresh token', async ({ page }) => {
  await signInThroughForm(page, 'carl');
  await expectOnline(page);
  await page.reload();
  await expect(page.getByTestId('user-name')).toHaveText('Carl Jensen');
  await expectOnline(page);
});
