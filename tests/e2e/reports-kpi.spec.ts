import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { KpiReportResponse } from '../../src-shared/protocol/kpi-report';
import {
  apiGet,
  apiToken,
  expectOnline,
  openScreen,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';

/** The local date `days` from today (negative: before), as the report's date fields hold it. */
function localDate(days: number): string {
  const at = new Date();
  at.setDate(at.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A supervisor's weekly review on the demo history: figures, charts, a split, CSV and the printout. */
test('a supervisor reviews the week: measures with sample sizes, charts, a split by agent, CSV and print', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await signInThroughForm(page, 'sofia');
  await expectOnline(page);
  await openScreen(page, 'Reports');
  // The screen's first render fetches its directory: seconds on a loaded machine.
  await expect(page.getByRole('heading', { name: 'Service measures' })).toBeVisible({ timeout: 15_000 });

  // It opens on the last seven days, today included.
  const serviceLevel = page.getByRole('group', { name: 'Service level %' });
  await expect(serviceLevel.getByText(/^n = \d+/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/^Weekly summary /)).toHaveText(
    `Weekly summary ${localDate(-6)} – ${localDate(0)}`,
  );

  // A closed week (ending two days ago, so in every queue's zone it is over and the contacts other
  // specs add meanwhile are not in it): the headline figures are the API's for the same range.
  const [from, to] = [localDate(-8), localDate(-2)];
  await page.getByRole('textbox', { name: 'From', exact: true }).fill(from);
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(to);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText(/^Weekly summary /)).toHaveText(`Weekly summary ${from} – ${to}`);
  const token = await apiToken(request, 'sofia');
  const api = await apiGet(
    request,
    token,
    `/api/v1/reports/kpis?from=${from}&to=${to}&interval=day`,
    KpiReportResponse,
  );
  expect(api.total.offered.value).toBeGreaterThan(0);
  const expected = api.total.serviceLevelPercent;
  await expect(page.getByTestId('kpi-serviceLevelPercent')).toHaveText(
    expected.value === null ? '—' : String(Math.round(expected.value * 10) / 10),
    { timeout: 15_000 },
  );
  await expect(serviceLevel.getByText(/^n = \d+/)).toHaveText(new RegExp(`^n = ${expected.n}\\b`));
  for (const chart of [
    'Average handle time trend (s)',
    'CSAT and QA trend (%)',
    'Backlog aging: open cases by days pending',
  ])
    await expect(page.getByRole('figure', { name: chart })).toBeVisible();
  await screenshot(page, 'reports-kpi-week');

  // Split by agent, then sort by handle time, longest first.
  await page.getByRole('combobox', { name: 'Split by' }).click();
  await page.getByRole('option', { name: 'Agent' }).click();
  await page.getByRole('button', { name: 'Show' }).click();
  const table = page.getByRole('table', { name: 'Service measures' });
  await expect(table.getByRole('row')).not.toHaveCount(1, { timeout: 15_000 });
  const aht = table.getByRole('columnheader', { name: 'AHT (s)' });
  await aht.getByRole('button').click();
  await aht.getByRole('button').click();
  await expect(aht).toHaveAttribute('aria-sort', 'descending');
  await screenshot(page, 'reports-kpi-by-agent');

  // The CSV holds the table: one line per row, names quoted where they need it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download table as CSV' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  const lines = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;
  expect(lines[0]?.slice(0, 3)).toEqual(['period', 'group', 'offered']);
  expect(lines.length - 1).toBe((await table.getByRole('row').count()) - 1);

  // On paper the filters and buttons are gone; the summary, charts and table remain.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Show' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Service measures' })).toBeVisible();
  await screenshot(page, 'reports-kpi-print');
});
