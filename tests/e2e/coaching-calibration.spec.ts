import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiToken, expectOnline, screenshot } from './console/console-helpers';
import {
  agentId,
  closedCalls,
  publishedDefaultScorecard,
  scoreDefaultFormForACall,
  signInAs,
} from './coaching/coaching-helpers';

/** The calibration tab of a coach's console, signed in afresh. */
async function calibrationTab(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, username);
  await expectOnline(page);
  await page.getByRole('button', { name: 'Coaching' }).click();
  await page.getByRole('tab', { name: 'Calibration' }).click();
  return page;
}

/** Opens the newest open session (the one this run created: it lists the three coaches). */
async function openSession(page: Page): Promise<void> {
  await page
    .getByRole('row', { name: /Carl.*Dana.*Eli.*Open/ })
    .first()
    .getByRole('button', { name: 'Open' })
    .click();
  await expect(page.getByRole('heading', { name: 'Calibration session' })).toBeVisible();
}

/** Scores one of the session's contacts blind and submits it. */
async function scoreBlind(page: Page, contactId: string, given: Record<string, RegExp>): Promise<void> {
  await page.getByRole('button', { name: `Score contact ${contactId}` }).click();
  await expect(page.getByRole('heading', { name: 'Calibration scoring' })).toBeVisible();
  await scoreDefaultFormForACall(page, ['hold_etiquette', 'transfer_handling'], given);
  await page.getByRole('button', { name: 'Submit evaluation' }).click();
  await expect(page.getByTestId('evaluation-state')).toHaveText('Submitted', { timeout: 15_000 });
  await page.getByRole('button', { name: /Back/ }).click();
}

test('three coaches score two calls blind; closing the session shows Krippendorff’s alpha and who deviates', async ({
  browser,
  request,
}) => {
  // Six forms of 22 criteria filled by hand on two shared cores.
  test.setTimeout(480_000);
  const carlToken = await apiToken(request, 'carl');
  await publishedDefaultScorecard(request, carlToken);
  const anaId = await agentId(request, carlToken, 'Ana Torres');
  // Not the newest call: coaching-evaluation.spec.ts scores that one.
  const contacts = (await closedCalls(request, carlToken, anaId)).slice(1, 3);
  expect(contacts).toHaveLength(2);

  const carl = await calibrationTab(browser, 'carl');
  const form = carl.getByRole('region', { name: 'New calibration session' });
  await form.getByLabel('Contact ids (comma separated)').fill(contacts.join(', '));
  // The list stays open while picking several.
  await form.getByRole('combobox', { name: 'Coaches', exact: true }).click({ force: true });
  for (const coach of ['Carl', 'Dana', 'Eli'])
    await carl.getByRole('option', { name: new RegExp(`^${coach}`) }).click({ timeout: 10_000 });
  await carl.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Create session' }).click();
  await expect(carl.getByRole('heading', { name: 'Calibration session' })).toBeVisible({ timeout: 15_000 });
  await expect(carl.getByText('Scoring is blind')).toBeVisible();

  // The coaches mostly agree; empathy is where they part.
  const [first, second] = contacts as [string, string];
  await scoreBlind(carl, first, { empathy: /^5 — / });
  await scoreBlind(carl, second, { empathy: /^4 — / });

  const dana = await calibrationTab(browser, 'dana');
  await openSession(dana);
  await scoreBlind(dana, first, { empathy: /^4 — / });
  await scoreBlind(dana, second, { empathy: /^3 — / });

  const eli = await calibrationTab(browser, 'eli');
  await openSession(eli);
  await scoreBlind(eli, first, { empathy: /^5 — /, clarity: /^4 — / });
  await scoreBlind(eli, second, { empathy: /^4 — / });

  await carl.getByRole('button', { name: 'Close session' }).click();
  const report = carl.getByRole('region', { name: 'Calibration report' });
  await expect(report).toBeVisible({ timeout: 15_000 });
  await expect(report.getByTestId('overall-alpha')).toHaveText(/^-?[01]\.\d{3}$/);
  await expect(report.getByText('metric: interval')).toBeVisible();
  await expect(report.getByTestId('verdict')).toContainText(/Coaches agree|Tentative|do not agree yet/);
  await expect(report.getByText('2 contacts, 3 raters')).toBeVisible();
  const raters = report.getByRole('table', { name: 'Deviation per coach' });
  for (const coach of ['Carl', 'Dana', 'Eli'])
    await expect(raters.getByRole('row', { name: new RegExp(`^${coach}.* points`) })).toBeVisible();
  await expect(
    report.getByRole('table', { name: 'Agreement per criterion' }).getByRole('row', { name: /^Empathy/ }),
  ).toBeVisible();
  await screenshot(carl, 'coaching-calibration-report');
});
