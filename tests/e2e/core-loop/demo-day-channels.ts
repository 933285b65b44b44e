import { expect, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { E2E_SMTP_PORT } from '../../../scripts/e2e-ports.mjs';
import { CustomerSearchResponse } from '../../../src-shared/protocol/http';
import type { Customer } from '../../../src-shared/protocol/entities';
import { apiGet } from '../console/console-helpers';
import { sendCtiEvent } from '../console/cti-helpers';

/** The demo support line (an intake rule of Support EN and ES). */
export const SUPPORT_LINE = '+18005550100';
export const SUPPORT_ADDRESS = 'support@agentdeck.test';

/** The phone system: a call rings at the support line (a signed `call.offered`). */
export async function ringSupportLine(request: APIRequestContext, from: string): Promise<string> {
  const callId = `demo-day-${randomUUID()}`;
  const response = await sendCtiEvent(request, { callId, event: 'call.offered', from, to: SUPPORT_LINE });
  expect(response.status(), 'the CTI webhook').toBeLessThan(300);
  return callId;
}

/** A customer's mail server: real SMTP to the server's inbound port. */
export async function mailSupport(from: string, subject: string, to = SUPPORT_ADDRESS): Promise<void> {
  const transport = createTransport({
    host: '127.0.0.1',
    port: E2E_SMTP_PORT,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({ from, to, subject, text: `Hello,\n\n${subject}\n` });
    expect(info.response).toMatch(/^250/);
  } finally {
    transport.close();
  }
}

/** The contact form on the customer's website. */
export async function postWebForm(
  request: APIRequestContext,
  form: { name: string; email: string; subject: string; customerId?: string },
): Promise<void> {
  const response = await request.post('/api/v1/channels/web/forms', {
    data: { ...form, message: `${form.subject} — please call me back.` },
  });
  expect(response.status(), 'the web form').toBe(201);
}

export interface DemoCustomers {
  /** A customer with a live contract who speaks English (Aaron Carter). */
  english: Customer;
  /** Another English customer with a live contract. */
  englishToo: Customer;
  /** A Spanish-speaking customer with a live contract. */
  spanish: Customer;
  /** An English customer whose maintenance contract has expired. */
  expired: Customer;
}

/** Demo customers of each kind the day needs, read through the API as the supervisor. */
export async function demoCustomers(request: APIRequestContext, token: string): Promise<DemoCustomers> {
  const found = new Map<string, Customer>();
  for (const q of ['a', 'e', 'o', 'i']) {
    const { customers } = await apiGet(
      request,
      token,
      `/api/v1/customers?q=${q}&limit=50`,
      CustomerSearchResponse,
    );
    for (const c of customers) found.set(c.id, c);
  }
  const all = [...found.values()];
  const isLive = (c: Customer) => Date.parse(c.company.contractExpiresAt) > Date.now() + 30 * 86_400_000;
  const pick = (what: string, test: (c: Customer) => boolean): Customer => {
    const customer = all.find(test);
    if (!customer) throw new Error(`The demo data has no ${what}`);
    return customer;
  };
  const english = pick('Aaron Carter', (c) => c.email === 'aaron.carter@summithealth.com');
  return {
    english,
    englishToo: pick(
      'second English customer',
      (c) => c.language === 'en' && isLive(c) && c.id !== english.id,
    ),
    spanish: pick('Spanish customer', (c) => c.language === 'es' && isLive(c)),
    expired: pick(
      'customer with an expired contract',
      (c) => c.language === 'en' && Date.parse(c.company.contractExpiresAt) < Date.now(),
    ),
  };
}
