import { expect, test } from '@playwright/test';
import { EscalationRulesResponse } from '../../src-shared/protocol/supervisor-entities';
import {
  apiGet,
  apiToken,
  expectOnline,
  openScreen,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';

test('an admin edits the escalation chain the demo starts with; the server holds it', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // Hours this run has not used before, so a rerun against the same server still sees a change.
  const hours = 6 + (Date.now() % 8) / 4; // never the demo's 8

  await signInThroughForm(page, 'admin');
  await openScreen(page, 'Admin');
  await expectOnline(page);
  await page.getByRole('tab', { name: 'Escalation' }).click();
  const first = page.getByLabel('Hours before step "escalate" of Unresolved too long');
  await expect(first).toHaveValue('8');
  await expect(
    page.getByText('Does: set Escalated; notify escalation_engineer, manager by console, email'),
  ).toBeVisible();

  await first.fill(String(hours));
  await page.getByRole('button', { name: 'Save escalation rules' }).click();
  await expect(page.getByTestId('escalation-status')).toContainText('Saved (version');
  await screenshot(page, 'admin-escalation-rules');

  const token = await apiToken(request, 'admin');
  const stored = await apiGet(request, token, '/api/v1/admin/escalation-rules', EscalationRulesResponse);
  expect(stored.rules[0]?.steps[0]?.afterSeconds).toBe(Math.round(hours * 3600));

  await page.reload();
  await openScreen(page, 'Admin');
  await page.getByRole('tab', { name: 'Escalation' }).click();
  await expect(page.getByLabel('Hours before step "escalate" of Unresolved too long')).toHaveValue(
    String(hours),
  );
});
