import { expect, test, type APIRequestContext } from '@playwright/test';
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

test('hostile HTML in an email is shown only in a sandboxed frame and runs nothing', async ({
  page,
  context,
  request,
}) => {
  const token = await apiToken(request, 'emily');
  const { customer, kase } = await findEmailCase(request, token);
  await signInThroughForm(page, 'emily');
  await expectOnline(page);
  await openCase(page, customer, kase);
  const pop = page.getByRole('region', { name: 'Screen pop' });
  await expect(pop.getByTestId('message').first()).toBeVisible();

  // Inbound SMTP is not wired into this server yet, so the hostile email goes straight into the
  // console's own cache: what is under test is how the console shows whatever it holds.
  const hostileName = '<img src=x onerror="window.pwned=3">Mallory';
  await page.evaluate(
    async ({ caseId, name }) => {
      const open = indexedDB.open('agentdeck');
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = idb.transaction('messages', 'readwrite');
      tx.objectStore('messages').put({
        id: 'msg_hostile',
        caseId,
        contactId: null,
        direction: 'inbound',
        channel: 'email',
        from: 'mallory@evil.test',
        fromName: name,
        to: ['support@agentdeck.test'],
        subject: '<script>window.pwned=4</script>Invoice',
        bodyText: 'See the formatted version.',
        bodyHtml:
          '<p>Please check <b>this</b>.</p><img src="x" onerror="top.pwned=1;parent.pwned=1">' +
          '<script>top.pwned=2</script><a href="javascript:top.pwned=5">click</a>',
        attachments: [
          {
            id: 'att_hostile',
            filename: '"><svg onload=top.pwned=6>.html',
            contentType: 'text/html',
            size: 1234,
          },
        ],
        delivery: null,
        at: new Date().toISOString(),
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
    },
    { caseId: kase.id, name: hostileName },
  );

  // Reload with the server out of reach (as after a restart offline) and reopen the case: the
  // screen shows what the cache holds, hostile message included.
  await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
  await context.routeWebSocket(/socket\.io/, (ws) => ws.close());
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await openCase(page, customer, kase);
  const hostile = pop.getByTestId('message').filter({ hasText: 'mallory@evil.test' });
  const frame = hostile.getByTestId('message-html');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator('iframe[title^="Email content"]').locator('b')).toHaveText('this');
  await page.frameLocator('iframe[title^="Email content"]').locator('a').click();
  // The names were shown as text, never as markup.
  await expect(hostile).toContainText(hostileName);
  await expect(hostile).toContainText('<script>window.pwned=4</script>Invoice');
  await expect(hostile.getByRole('button', { name: /Download .*svg onload/ })).toBeVisible();
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
  await screenshot(page, 'emily-hostile-html');
});
