import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { expectOnline, screenshot, signInThroughForm } from './console/console-helpers';

/** Takes the offer of this chat, declining any other work another spec routed to david meanwhile. */
async function acceptChatOffer(page: Page, visitorEmail: string): Promise<void> {
  const state = page.getByLabel('Agent state');
  const ours = page.locator('[data-testid="offer-card"]', { hasText: visitorEmail });
  for (let attempt = 1; ; attempt++) {
    if ((await state.inputValue()) !== 'available')
      await state.selectOption({ label: 'Available' }, { timeout: 10_000 });
    const others = page.locator('[data-testid="offer-card"]', { hasNotText: visitorEmail });
    for (const other of await others.all()) {
      await other
        .getByRole('button', { name: 'Decline' })
        .click()
        .catch(() => undefined);
    }
    try {
      await expect(ours).toBeVisible({ timeout: 10_000 });
      await ours.getByRole('button', { name: 'Accept' }).click();
      return;
    } catch (err) {
      if (attempt === 4) throw err;
    }
  }
}

test('a website visitor chats with david: offer, accept, lines and typing both ways, then leaves', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const visitorEmail = `visitor-${randomUUID().slice(0, 8)}@example.org`;
  const question = `My invoices do not export ${randomUUID().slice(0, 6)}`;

  await signInThroughForm(page, 'david');
  await expectOnline(page);
  const state = page.getByLabel('Agent state');

  const visitorContext = await browser.newContext();
  const widget = await visitorContext.newPage();
  const cspErrors: string[] = [];
  widget.on('console', (m) => {
    if (m.type() === 'error') cspErrors.push(m.text());
  });
  try {
    await widget.goto('/widget/');
    await expect(widget.getByRole('heading', { name: 'Chat with support' })).toBeVisible();
    await widget.getByLabel('Your name').fill('Pat Visitor');
    await widget.getByLabel('Email').fill(visitorEmail);
    await widget.getByLabel('How can we help?').fill(question);
    await widget.getByRole('button', { name: 'Start chat' }).click();
    await expect(widget.getByRole('region', { name: 'Conversation' })).toContainText(question);

    await acceptChatOffer(page, visitorEmail);
    const chat = page.getByRole('region', { name: 'Chat' });
    await expect(chat).toBeVisible();
    await expect(chat.getByTestId('chat-transcript')).toContainText(question);

    // The visitor types: david sees it; the visitor's line arrives.
    await widget.getByLabel('Your message').pressSequentially('Hello?');
    await expect(chat.getByTestId('visitor-typing')).toHaveText('The visitor is typing…');
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect(chat.getByTestId('chat-transcript')).toContainText('Hello?');

    // David types: the visitor sees it; his line arrives with his name.
    const box = chat.getByLabel('Chat message');
    await box.pressSequentially('Hi Pat, I am looking');
    await expect(widget.getByText('Support is typing…')).toBeVisible();
    await chat.getByRole('button', { name: 'Send' }).click();
    await expect(box).toHaveValue('');
    const conversation = widget.getByRole('region', { name: 'Conversation' });
    await expect(conversation).toContainText('Hi Pat, I am looking');
    await expect(conversation).toContainText('David Okafor');
    await expect(chat.getByTestId('chat-transcript')).toContainText('Hi Pat, I am looking');
    await expect(chat.getByText('sending…')).toHaveCount(0);

    // A reload keeps the conversation (token in sessionStorage).
    await widget.reload();
    await expect(widget.getByRole('region', { name: 'Conversation' })).toBeVisible();
    await expect(conversation).toContainText('Hi Pat, I am looking');
    await expect(widget.getByText('You are chatting with David Okafor.')).toBeVisible();
    await widget.getByLabel('Your message').fill('Still here after a reload');
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect(chat.getByTestId('chat-transcript')).toContainText('Still here after a reload');
    await screenshot(page, 'web-chat-agent');
    await screenshot(widget, 'web-chat-visitor');

    // The visitor ends the chat: the widget says so, david is told and his message box goes.
    await widget.getByRole('button', { name: 'End chat' }).click();
    await expect(widget.getByText('The chat has ended. Thank you!')).toBeVisible();
    await screenshot(widget, 'web-chat-visitor-ended');
    await expect(chat.getByTestId('visitor-left')).toHaveText(
      'The visitor left the chat. End it when your notes are done.',
    );
    await expect(chat.getByLabel('Chat message')).toHaveCount(0);
    await expect(widget.getByText('The chat has ended. Thank you!')).toHaveCount(1); // said once
    await screenshot(page, 'web-chat-agent-visitor-left');

    // David ends the contact and wraps up.
    await page
      .locator('[data-testid="active-card"]', { hasText: visitorEmail })
      .getByRole('button', { name: 'End', exact: true })
      .click();
    const wrapUp = page.locator('[data-testid="wrap-up-card"]', { hasText: visitorEmail });
    await wrapUp.getByLabel('Disposition').selectOption('resolved');
    await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
    await expect(wrapUp).toBeHidden();
    expect(cspErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  } finally {
    await visitorContext.close();
    await state.selectOption({ label: 'Offline' }, { timeout: 5_000 }).catch(() => undefined);
  }
});
