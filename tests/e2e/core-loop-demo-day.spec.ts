import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { ContactListResponse, type Contact } from '../../src-shared/protocol/contacts';
import { apiGet, apiToken, expectOnline, screenshot, signInThroughForm } from './console/console-helpers';
import {
  demoCustomers,
  mailSupport,
  postWebForm,
  ringSupportLine,
  type DemoCustomers,
} from './core-loop/demo-day-channels';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('ana', 'ben');

/**
 * Issue 11: a support center's morning on the demo data, through the real interfaces only —
 * signed CTI webhooks, SMTP, the web form, the visitor chat widget and the console. ana and ben
 * (Support EN) and their supervisor sofia sign in; calls, mails, forms and chats from known,
 * unknown, Spanish and expired-contract customers each land in the right queue and are offered
 * to the right agent; a console is closed and its agent leaves routing after the grace period
 * (AGENTDECK_PRESENCE_GRACE_S in scripts/e2e-server.mjs) with its offer back in the queue; the
 * board says what is true at each step. Only this run's contacts are followed (other specs
 * share the server).
 */

interface Agent {
  name: 'ana' | 'ben';
  page: Page;
}

const offerOf = (agent: Agent, text: string): Locator =>
  agent.page.locator('[data-testid="offer-card"]', { hasText: text });
const activeOf = (agent: Agent, text: string): Locator =>
  agent.page.locator('[data-testid="active-card"]', { hasText: text });

/** Which of the agents is offered the contact showing `text` (waits for the offer). */
async function offeredTo(agents: Agent[], text: string): Promise<Agent> {
  let found: Agent | undefined;
  await expect
    .poll(
      async () => {
        for (const agent of agents) if ((await offerOf(agent, text).count()) > 0) found = agent;
        return found?.name ?? null;
      },
      { message: `an offer of ${text}`, timeout: 20_000 },
    )
    .not.toBeNull();
  return found!;
}

async function accept(agent: Agent, text: string): Promise<void> {
  await offerOf(agent, text).getByRole('button', { name: 'Accept' }).click();
  await expect(activeOf(agent, text)).toBeVisible();
}

/**
 * Scrolls a list that renders only the rows in view, a viewport at a time (from the top again
 * after the end), until `row` is rendered; returns it.
 */
async function scrollListTo(list: Locator, row: Locator): Promise<Locator> {
  await expect
    .poll(
      async () => {
        if ((await row.count()) > 0) return true;
        await list.evaluate((element) => {
          const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
          element.scrollTo({ top: atEnd ? 0 : element.scrollTop + element.clientHeight });
        });
        return false;
      },
      { message: 'the row, scrolled into view', timeout: 15_000, intervals: [100] },
    )
    .toBe(true);
  return row;
}

test('demo day: every channel lands in the right queue, offers reach the right agent, a closed console leaves routing', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000); // two shared cores: the grace period and the offers take their time
  const run = randomUUID().slice(0, 6);
  const sofiaToken = await apiToken(request, 'sofia');
  const customers: DemoCustomers = await demoCustomers(request, sofiaToken);
  const contexts: BrowserContext[] = [];
  let visitorContext: BrowserContext | undefined;
  /** This run's senders, so the end leaves nothing of this run with ana and ben for the next run. */
  const runSenders: string[] = [];
  const open = async (username: string) => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signInThroughForm(page, username);
    await expectOnline(page);
    return page;
  };
  /** The newest contact from `from`, as the API shows it. */
  const contactFrom = async (from: string) => {
    const { contacts } = await apiGet(
      request,
      sofiaToken,
      '/api/v1/contacts?limit=1000',
      ContactListResponse,
    );
    return contacts
      .filter((c) => c.from.toLowerCase() === from.toLowerCase())
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  };

  try {
    const sofia = await open('sofia');
    const ana: Agent = { name: 'ana', page: await open('ana') };
    const ben: Agent = { name: 'ben', page: await open('ben') };
    const agents = [ana, ben];
    const board = {
      agent: (name: string) =>
        sofia.getByRole('table', { name: 'Agents' }).locator(`tr[data-agent="${name}"]`),
      queue: (id: string) => sofia.getByRole('table', { name: 'Queues' }).locator(`tr[data-queue="${id}"]`),
      alert: (queueId: string, kind: string) =>
        sofia
          .getByRole('alert', { name: 'Queue alerts' })
          .locator(`[data-queue="${queueId}"][data-alert="${kind}"]`),
    };
    for (const agent of agents) {
      await agent.page.getByLabel('Agent state').selectOption({ label: 'Available' });
      await expect(board.agent(agent.name)).toContainText('Available');
    }

    // 08:00 — Aaron Carter (a customer with a live contract) calls the support line.
    await ringSupportLine(request, customers.english.phone);
    const first = await offeredTo(agents, customers.english.phone);
    await expect(offerOf(first, customers.english.phone)).toContainText('Support EN');
    await accept(first, customers.english.phone);
    await expect(first.page.getByRole('region', { name: 'Screen pop' })).toContainText(
      customers.english.name,
    );
    await expect(board.agent(first.name)).toContainText('Busy');
    const second = first === ana ? ben : ana;

    // Someone who is not a customer yet mails support@: the agent not on the call is offered it.
    const stranger = `newcomer-${run}@startup.example`;
    runSenders.push(stranger);
    await mailSupport(stranger, `First steps ${run}`);
    expect(await offeredTo(agents, stranger)).toBe(second);
    await accept(second, stranger);
    // Why this queue, in words: the address it was sent to (the sender's language is unknown).
    await expect(
      second.page.getByRole('region', { name: 'Screen pop' }).getByTestId('intake-why'),
    ).toHaveText('Why this queue: In Support EN: Entered by the address it was sent to');
    await screenshot(second.page, 'demo-day-intake-why');

    // A known customer fills in the web form; a visitor starts a chat on the website.
    await postWebForm(request, {
      name: customers.englishToo.name,
      email: customers.englishToo.email,
      subject: `Export stuck ${run}`,
    });
    runSenders.push(customers.englishToo.email);
    expect(await offeredTo(agents, `Export stuck ${run}`)).toBe(second);
    await accept(second, `Export stuck ${run}`);

    visitorContext = await browser.newContext();
    contexts.push(visitorContext);
    const widget = await visitorContext.newPage();
    const visitor = `visitor-${run}@example.org`;
    await widget.goto('/widget/');
    await widget.getByLabel('Your name').fill('Pat Visitor');
    await widget.getByLabel('Email').fill(visitor);
    await widget.getByLabel('How can we help?').fill(`Is there an API? ${run}`);
    await widget.getByRole('button', { name: 'Start chat' }).click();
    expect(await offeredTo(agents, visitor)).toBe(second);
    await accept(second, visitor);
    await expect(second.page.getByRole('region', { name: 'Chat' })).toContainText(`Is there an API? ${run}`);
    await expect(board.agent(second.name)).toContainText('Busy');
    await expect(board.queue('q_support_en').getByTestId('waiting')).toHaveText('0');
    await screenshot(sofia, 'demo-day-board-busy');

    // A Spanish customer calls: Support ES takes it, and nobody of that team is signed in.
    const spanishCallAt = new Date().toISOString();
    await ringSupportLine(request, customers.spanish.phone);
    let spanishCall: Contact | undefined;
    await expect
      .poll(
        async () => {
          spanishCall = await contactFrom(customers.spanish.phone);
          return spanishCall && spanishCall.createdAt >= spanishCallAt ? spanishCall.queueId : null;
        },
        { timeout: 15_000 },
      )
      .toBe('q_support_es');
    await expect(board.alert('q_support_es', 'nobody_logged_in')).toBeVisible({ timeout: 10_000 });
    await board.queue('q_support_es').getByRole('button', { name: 'Support ES' }).click();
    const drawer = sofia.getByRole('dialog', { name: 'Support ES' });
    // Other specs fill Support ES with more urgent work; the list renders only the rows in view.
    const spanishRow = await scrollListTo(
      drawer.getByRole('list', { name: 'Waiting contacts' }),
      drawer.locator(`[data-contact="${spanishCall!.id}"]`),
    );
    await expect(spanishRow).toContainText(customers.spanish.phone);
    await expect(spanishRow).toContainText('Nobody is logged in to the queue');
    await sofia.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // A customer whose contract has expired mails support@: Inside Sales takes it.
    await mailSupport(customers.expired.email, `Renewal? ${run}`);
    await expect
      .poll(async () => (await contactFrom(customers.expired.email))?.queueId, { timeout: 15_000 })
      .toBe('q_inside_sales');
    await expect(board.queue('q_inside_sales').getByTestId('waiting')).not.toHaveText('0');

    // The call ends: its agent wraps up, and the board says so.
    await activeOf(first, customers.english.phone).getByRole('button', { name: 'End', exact: true }).click();
    await expect(board.agent(first.name)).toContainText('Wrap-up');

    // A new mail is offered to the other agent, whose console then closes before answering — while
    // holding the stranger's mail, the form and the chat.
    const late = `late-${run}@example.net`;
    runSenders.push(late);
    await mailSupport(late, `Password reset ${run}`);
    expect(await offeredTo(agents, late)).toBe(second);
    await contexts.splice(contexts.indexOf(second.page.context()), 1)[0]?.close();

    // After the grace period the agent is out of routing and the mail waits again — for the agent
    // in wrap-up, and the explanation says when they are free.
    await expect(board.agent(second.name)).toContainText('Offline', { timeout: 20_000 });
    await expect(board.agent(second.name)).toContainText('Console disconnected');
    await expect.poll(async () => (await contactFrom(late))?.status, { timeout: 15_000 }).toBe('queued');
    // The mail they were working is back in the queue too, with its original wait, not lost with them.
    const strangerMail = await contactFrom(stranger);
    expect(strangerMail).toMatchObject({ status: 'queued', agentId: null });
    const waitingRow = first.page.locator('[data-testid="waiting-row"]', { hasText: late });
    await expect(waitingRow.getByTestId('waiting-why')).toContainText(/in wrap-up, next free in \d+ s/);
    await screenshot(sofia, 'demo-day-board-disconnected');

    // Wrap-up done: the mail is offered to the agent still at their desk.
    const wrapUp = first.page.locator('[data-testid="wrap-up-card"]', { hasText: customers.english.phone });
    await wrapUp.getByLabel('Disposition').selectOption('resolved');
    await wrapUp.getByRole('button', { name: 'Complete wrap-up' }).click();
    expect(await offeredTo([first], late)).toBe(first);
    await accept(first, late);
    expect(await offeredTo([first], stranger)).toBe(first);
    await accept(first, stranger);
    await expect(board.agent(first.name)).toContainText('Busy');
    await screenshot(first.page, 'demo-day-agent');
  } finally {
    // Leave ana and ben free for the next run on this server: the visitor leaves, and this run's
    // mails and form still open go to Development (no Support EN agent serves it).
    await visitorContext
      ?.pages()[0]
      ?.getByRole('button', { name: 'End chat' })
      .click({ timeout: 3_000 })
      .catch(() => undefined);
    const adminToken = await apiToken(request, 'admin'); // sofia supervises Support EN only
    for (const from of runSenders) {
      const open = await contactFrom(from).catch(() => undefined);
      if (!open || !['queued', 'offered', 'active'].includes(open.status) || open.queueId !== 'q_support_en')
        continue;
      const moved = await request.post(`/api/v1/contacts/${open.id}/reassign`, {
        headers: { authorization: `Bearer ${adminToken}` },
        data: { queueId: 'q_dev_escalation', reason: 'e2e: end of the demo day', force: true },
      });
      if (!moved.ok()) console.warn(`cleanup of ${from}: ${moved.status()} ${await moved.text()}`);
    }
    for (const context of contexts) {
      const page = context.pages()[0];
      await page
        ?.getByLabel('Agent state')
        .selectOption({ label: 'Offline' }, { timeout: 3_000 })
        .catch(() => undefined);
      await context.close();
    }
  }
});
