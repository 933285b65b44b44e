import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { z } from 'zod';
import { LoginResponse } from '../../../src-shared/protocol/auth';
import { CustomerResponse, CustomerSearchResponse } from '../../../src-shared/protocol/http';
import type { CaseSummary, Customer } from '../../../src-shared/protocol/entities';

export const DEMO_PASSWORD = 'demo';

/** Signs in through the console's own form and waits for the shell. */
export async function signInThroughForm(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Through the server (a scrypt check) and the console's start: seconds on a loaded machine.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 15_000 });
}

/** Opens a screen from the console's main navigation, as a person clicks it. */
export async function openScreen(page: Page, screen: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name: screen })
    .click();
}

/** Waits until the console's live link is up and caught up. */
export async function expectOnline(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', {
    timeout: 15_000,
  });
}

/** A session for API checks next to the browser (the console's own session is left alone). */
export async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return LoginResponse.parse(await response.json()).token;
}

export async function apiGet<S extends z.ZodType>(
  request: APIRequestContext,
  token: string,
  path: string,
  schema: S,
): Promise<z.infer<S>> {
  const response = await request.get(path, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status(), path).toBe(200);
  return schema.parse(await response.json());
}

/**
 * A customer with a case in the given queue, so the agent serving that queue may write on it. The
 * whole first hundred: customers other specs create sort among the demo's and push them down a page.
 */
export async function findCaseInQueue(
  request: APIRequestContext,
  token: string,
  queueId: string,
  isWanted: (kase: CaseSummary) => boolean = () => true,
): Promise<{ customer: Customer; kase: CaseSummary }> {
  const { customers } = await apiGet(
    request,
    token,
    '/api/v1/customers?q=a&limit=100',
    CustomerSearchResponse,
  );
  for (const customer of customers) {
    const { customer: detail } = await apiGet(
      request,
      token,
      `/api/v1/customers/${customer.id}`,
      CustomerResponse,
    );
    const kase = detail.cases.find((c) => c.queueId === queueId && isWanted(c));
    if (kase) return { customer, kase };
  }
  throw new Error(`No customer found with a case in ${queueId}`);
}

/** Opens a customer from the search and one of their cases. */
export async function openCase(page: Page, customer: Customer, kase: CaseSummary): Promise<void> {
  await page.getByLabel('Find a customer').fill(customer.email);
  // From the search results: the customer's name also shows on cards of contacts from them.
  await page
    .getByRole('group', { name: 'Customers found' })
    .getByRole('button', { name: new RegExp(escapeRegExp(customer.name)) })
    .first()
    .click();
  const pop = page.getByRole('region', { name: 'Screen pop' });
  await pop.getByRole('button', { name: new RegExp(`#${kase.number} `) }).click();
  await expect(pop.getByTestId('case-subject')).toHaveText(kase.subject);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Saves a screenshot for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: `test-results/screens/${name}.png`,
    fullPage: true,
  });
}
