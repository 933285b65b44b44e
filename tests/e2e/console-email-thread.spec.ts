import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createTransport } from 'nodemailer';
import { E2E_SMTP_PORT } from '../../scripts/e2e-ports.mjs';
import { CaseResponse, CustomerResponse, CustomerSearchResponse } from '../../src-shared/protocol/http';
import type { CaseSummary, Customer } from '../../src-shared/protocol/entities';
import {
  apiGet,
  apiToken,
  expectOnline,
  openCase,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';

/**
 * A case of Emily's queue whose customer wrote by email, away from the first match other specs
 * take, so specs running side by side do not write on one case.
 */
async function findEmailCase(
  request: APIRequestContext,
  token: string,
): Promise<{ customer: Customer; kase: CaseSummary; firstLine: string }> {
  const { customers } = await apiGet(request, token, '/api/v1/customers?q=o', CustomerSearchResponse);
  for (const customer of [...customers].reverse()) {
    const { customer: detail } = await apiGet(
      request,
      token,
      `/api/v1/customers/${customer.id}`,
      CustomerResponse,
    );
    for (const kase of detail.cases.filter((c) => c.queueId === 'q_support_en' && c.status !== 'closed')) {
      const { case: full } = await apiGet(request, token, `/api/v1/cases/${kase.id}`, CaseResponse);
      const message = full.messages.find((m) => m.direction === 'inbound' && m.channel === 'email');
      if (message) return { customer, kase, firstLine: message.bodyText.split('\n')[0]! };
    }
  }
  throw new Error('No email case found in q_support_en');
}

test('an agent reads the email thread and a reply written offline is queued, then sent', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'emily');
  const { customer, kase, firstLine } = await findEmailCase(request, token);
  const body = `Thanks, we have reproduced it and a fix is on its way. (${Date.now()})`;

  await signInThroughForm(page, 'emily');
  await expectOnline(page);
  await openCase(page, customer, kase);
  const pop = page.getByRole('region', { name: 'Screen pop' });
  const thread = pop.getByTestId('message-thread');
  await expect(thread.getByTestId('message').first()).toContainText(firstLine);
  await expect(pop.getByText(`To ${customer.email}`)).toBeVisible();
  await screenshot(page, 'emily-email-thread');

  // Written while offline: saved in the outbox and shown Queued.
  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
  await pop.getByLabel('Reply', { exact: true }).fill(body);
  await pop.getByRole('button', { name: 'Send reply' }).click();
  const reply = thread.getByTestId('message').filter({ hasText: body });
  await expect(reply).toHaveAttribute('data-direction', 'outbound');
  await expect(reply.getByTestId('message-delivery')).toHaveText('Queued');
  await expect(reply.getByTestId('message-subject')).toHaveText(new RegExp(`^Re: .* \\[#${kase.number}\\]$`));
  await expect(pop.getByLabel('Reply', { exact: true })).toHaveValue('');
  await screenshot(page, 'emily-reply-queued');

  // Back online: the outbox drains, the server sends it (an .eml file, no relay here), Sent shows.
  await context.setOffline(false);
  await expectOnline(page);
  await expect(reply.getByTestId('message-delivery')).toHaveText('Sent', { timeout: 20_000 });
  await expect(reply).toContainText(`To: ${customer.email}`);
  await screenshot(page, 'emily-reply-sent');

  const { case: detail } = await apiGet(request, token, `/api/v1/cases/${kase.id}`, CaseResponse);
  const sent = detail.messages.filter((m) => m.bodyText === body);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    direction: 'outbound',
    channel: 'email',
    delivery: 'sent',
    to: [customer.email],
  });
});

test('hostile HTML mailed in is shown only in a sandboxed frame, runs nothing, and its file downloads', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'emily');
  const { customer, kase } = await findEmailCase(request, token);
  const marker = randomUUID().slice(0, 8);
  const hostileName = `<img src=x onerror="window.pwned=3">Mallory ${marker}`;
  const fileBody = '<script>top.pwned = 7</script>';

  // Over the e2e server's real SMTP port. Marked auto-submitted so it lands on the case without
  // routing a new email contact to the agents other specs drive.
  const smtp = createTransport({ host: '127.0.0.1', port: E2E_SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail({
    from: { name: hostileName, address: customer.email },
    to: 'support@agentdeck.test',
    subject: `<script>window.pwned=4</script>Out of office ${marker} [#${kase.number}]`,
    headers: { 'Auto-Submitted': 'auto-replied' },
    text: 'Plain version.',
    html:
      '<p>Please check <b>this</b>.</p><img src="x" onerror="top.pwned=1;parent.pwned=1">' +
      '<script>top.pwned=2</script><a href="javascript:top.pwned=5">click</a>' +
      '<img src="https://tracker.invalid/pixel.gif">',
    attachments: [
      { filename: '"><svg onload=top.pwned=6>.html', content: fileBody, contentType: 'text/html' },
    ],
  });
  smtp.close();

  await signInThroughForm(page, 'emily');
  await expectOnline(page);
  await openCase(page, customer, kase);
  const pop = page.getByRole('region', { name: 'Screen pop' });
  const hostile = pop.getByTestId('message').filter({ hasText: `Out of office ${marker}` });
  await expect(hostile).toBeVisible({ timeout: 15_000 });

  const frame = hostile.getByTestId('message-html');
  await expect(frame).toHaveAttribute('sandbox', '');
  const inside = page.frameLocator('iframe[srcdoc*="Please check"]').last();
  await expect(inside.locator('b')).toHaveText('this');
  await inside.locator('a').click();
  // Names and subjects are shown as text, never as markup.
  await expect(hostile).toContainText('<script>window.pwned=4</script>Out of office');
  await expect(hostile).toContainText(`Mallory ${marker}`);
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();

  const attachment = hostile.getByTestId('attachment');
  await expect(attachment).toHaveCount(1);
  const downloading = page.waitForEvent('download');
  await attachment.getByRole('button').click();
  const download = await downloading;
  expect(download.suggestedFilename()).not.toMatch(/[<>/\\"]/);
  const saved = await download.path();
  expect(readFileSync(saved, 'utf8')).toBe(fileBody);
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
  await screenshot(page, 'emily-hostile-html');
});
