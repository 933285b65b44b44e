import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { E2E_DATA_DIR_POINTER } from '../../scripts/e2e-ports.mjs';
import { CustomerResponse, CustomerSearchResponse } from '../../src-shared/protocol/http';
import type { CaseSummary, Customer } from '../../src-shared/protocol/entities';
import { useDemoAgents } from './console/agent-lock';
import {
  apiGet,
  apiToken,
  expectOnline,
  openCase,
  screenshot,
  signInThroughForm,
} from './console/console-helpers';

// carmen resolves a case of her queue (Support ES), so no other spec drives her at the same time.
useDemoAgents('carmen');

const SETTLED = new Set(['resolved', 'closed']);

/** An unresolved case of the ES queue whose customer has an email: the last one found, away from other specs. */
async function findUnresolvedCase(
  request: APIRequestContext,
  token: string,
): Promise<{ customer: Customer; kase: CaseSummary }> {
  const { customers } = await apiGet(
    request,
    token,
    '/api/v1/customers?q=a&limit=100',
    CustomerSearchResponse,
  );
  for (const customer of [...customers].reverse()) {
    if (!customer.email) continue;
    const { customer: detail } = await apiGet(
      request,
      token,
      `/api/v1/customers/${customer.id}`,
      CustomerResponse,
    );
    const kase = detail.cases.find((c) => c.queueId === 'q_support_es' && !SETTLED.has(c.status));
    if (kase) return { customer, kase };
  }
  throw new Error('No unresolved case found in q_support_es');
}

/** The survey link of the email sent for case `number` (an .eml under the server's mail-out directory). */
async function surveyLinkFor(number: number): Promise<string | null> {
  const outbox = join(readFileSync(E2E_DATA_DIR_POINTER, 'utf8').trim(), 'mail-out');
  let names: string[];
  try {
    names = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  } catch {
    return null;
  }
  for (const name of names) {
    const mail = await simpleParser(readFileSync(join(outbox, name)));
    if (!new RegExp(`#${number}$`).test(mail.subject ?? '')) continue;
    const link = /https?:\/\/\S+\/survey\/[\w.-]+/.exec(mail.text ?? '')?.[0];
    if (link) return link;
  }
  return null;
}

async function customerOf(request: APIRequestContext, token: string, id: string): Promise<Customer> {
  return (await apiGet(request, token, `/api/v1/customers/${id}`, CustomerResponse)).customer;
}

/** The page speaks the customer's language. */
const PAGE_WORDS = {
  en: {
    title: 'How did we do?',
    four: '4 – Satisfied',
    comment: 'Comment (optional)',
    send: 'Send',
    thanks: 'Thank you!',
  },
  es: {
    title: '¿Qué tal lo hicimos?',
    four: '4 – Satisfecho',
    comment: 'Comentario (opcional)',
    send: 'Enviar',
    thanks: '¡Gracias!',
  },
};

test('a resolved case emails a survey; the customer answers it; the agent sees the rating on the case', async ({
  page,
  browser,
  request,
}) => {
  const token = await apiToken(request, 'carmen');
  const { customer, kase } = await findUnresolvedCase(request, token);
  const comment = `Resolved on the first call (${Date.now()})`;

  await signInThroughForm(page, 'carmen');
  await expectOnline(page);
  await openCase(page, customer, kase);
  const pop = page.getByRole('region', { name: 'Screen pop' });
  await pop.getByLabel('Case status').selectOption('resolved');
  await expect(pop.getByLabel('Case status')).toHaveValue('resolved');

  // The survey email went out through the outbound queue; its link opens the survey.
  let link: string | null = null;
  await expect
    .poll(async () => (link = await surveyLinkFor(kase.number)), { timeout: 20_000 })
    .not.toBeNull();

  // The customer, without any sign-in, in a browser of their own.
  const words = customer.language.startsWith('es') ? PAGE_WORDS.es : PAGE_WORDS.en;
  const survey = await browser.newPage();
  await survey.goto(link!);
  await expect(survey.getByRole('heading', { name: words.title })).toBeVisible();
  await survey.getByRole('radio', { name: words.four }).check();
  await survey.getByLabel(words.comment).fill(comment);
  await screenshot(survey, 'csat-survey-page');
  await survey.getByRole('button', { name: words.send }).click();
  await expect(survey.getByRole('heading', { name: words.thanks })).toBeVisible();
  await survey.close();

  // Carmen opens the case again: "Customer satisfaction" shows the rating, the comment, when.
  await pop.getByRole('button', { name: /Back to the customer/ }).click();

  // The customer panel: how often this customer is asked, changed live and back.
  const preference = pop.getByLabel('Satisfaction surveys');
  await expect(preference).toHaveValue('every_case');
  await preference.selectOption('monthly');
  await expect
    .poll(async () => (await customerOf(request, token, customer.id)).surveyFrequency)
    .toBe('monthly');
  await screenshot(page, 'csat-customer-panel');
  await preference.selectOption('every_case');
  await expect
    .poll(async () => (await customerOf(request, token, customer.id)).surveyFrequency)
    .toBe('every_case');

  await pop.getByRole('button', { name: new RegExp(`#${kase.number} `) }).click();
  const csat = pop.getByRole('region', { name: 'Customer satisfaction' });
  await expect(csat).toBeVisible({ timeout: 15_000 });
  await expect(csat.getByTestId('case-csat-rating')).toHaveText('4 / 5');
  await expect(csat.getByTestId('case-csat-comment')).toHaveText(comment);
  await screenshot(page, 'csat-case-view');
});
