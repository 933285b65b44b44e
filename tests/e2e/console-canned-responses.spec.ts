import { expect, test } from '@playwright/test';
import { useDemoAgents } from './console/agent-lock';
import {
  apiToken,
  expectOnline,
  findCaseInQueue,
  openCase,
  openScreen,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';

useDemoAgents('diego');

test('a supervisor shares a canned response with the team; an agent inserts it, filled in, into a reply', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const title = `Seguimiento ${Date.now()}`;

  // Javier (supervisor of Support ES) writes one for his team.
  const supervisor = await (await browser.newContext()).newPage();
  await signInThroughForm(supervisor, 'javier');
  await expectOnline(supervisor);
  await openScreen(supervisor, 'Supervisor');
  await supervisor.getByRole('tab', { name: 'Canned responses' }).click();
  await expect(supervisor.getByRole('table', { name: 'Canned responses' })).toContainText('Caso resuelto');
  await supervisor.getByRole('button', { name: 'New canned response' }).click();
  const editor = supervisor.getByTestId('canned-editor');
  await editor.getByLabel('Title').fill(title);
  await editor.getByRole('combobox', { name: 'Language' }).click();
  await supervisor.getByRole('option', { name: 'es', exact: true }).click();
  await editor
    .getByLabel('Text')
    .fill('Hola {{customer.name}}: seguimos con el caso {{case.number}} y le escribimos mañana.');
  await screenshot(supervisor, 'javier-canned-editor');
  await supervisor.getByRole('button', { name: 'Save canned response' }).click();
  await expect(supervisor.getByTestId('canned-status')).toContainText(`Saved “${title}”`);
  await expect(supervisor.getByRole('table', { name: 'Canned responses' })).toContainText(title);
  await screenshot(supervisor, 'javier-canned-responses');

  // Diego opens a case of his queue and inserts it into the email reply.
  const { customer, kase } = await findCaseInQueue(request, await apiToken(request, 'diego'), 'q_support_es');
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, 'diego');
  await expectOnline(page);
  await openCase(page, customer, kase);
  const pop = page.getByRole('region', { name: 'Screen pop' });
  const picker = pop.getByRole('combobox', { name: 'Canned response' });
  await picker.click();
  await picker.fill('Seguimiento');
  await page.getByRole('option', { name: title }).click();
  await expect(pop.getByLabel('Reply', { exact: true })).toHaveValue(
    `Hola ${customer.name}: seguimos con el caso ${kase.number} y le escribimos mañana.`,
  );
  // A second one goes after the first, a blank line between.
  await picker.click();
  await page.getByRole('option', { name: 'Restablecer la contraseña' }).click();
  await expect(pop.getByLabel('Reply', { exact: true })).toHaveValue(
    new RegExp(`mañana\\.\\n\\nHola ${customer.name}:\\n\\nPara restablecer .* Caso ${kase.number}\\.$`),
  );
  await screenshot(page, 'diego-canned-reply');
});
