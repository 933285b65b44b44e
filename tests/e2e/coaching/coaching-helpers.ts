import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { TemplateResult } from '../../../src-shared/protocol/coaching-commands';
import { ScorecardsResponse } from '../../../src-shared/protocol/coaching-http';
import { ContactListResponse } from '../../../src-shared/protocol/contacts';
import { apiGet, DEMO_PASSWORD } from '../console/console-helpers';

const DEFAULT_FORM = resolve(
  import.meta.dirname,
  '../../../resources/scorecards/phone-and-case-handling.json',
);

/** A published "Phone and case handling" version: the one already there, or the default file imported and published. */
export async function publishedDefaultScorecard(request: APIRequestContext, token: string): Promise<string> {
  const { templates } = await apiGet(request, token, '/api/v1/scorecards', ScorecardsResponse);
  const published = templates
    .flatMap((t) => t.versions)
    .find((v) => v.name === 'Phone and case handling' && v.status === 'published');
  if (published) return published.id;
  const headers = { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() };
  const imported = await request.post('/api/v1/scorecards/import', {
    headers,
    data: { file: JSON.parse(readFileSync(DEFAULT_FORM, 'utf8')) as unknown },
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const { version } = TemplateResult.parse(await imported.json());
  const publish = await request.post(`/api/v1/scorecards/versions/${version.id}/publish`, {
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
  });
  expect(publish.status(), await publish.text()).toBe(200);
  return version.id;
}

const AgentsResponse = z.object({
  agents: z.array(z.object({ id: z.string(), username: z.string().optional(), displayName: z.string() })),
});

/** The id of an agent by display name. */
export async function agentId(
  request: APIRequestContext,
  token: string,
  displayName: string,
): Promise<string> {
  const { agents } = await apiGet(request, token, '/api/v1/agents', AgentsResponse);
  const agent = agents.find((a) => a.displayName === displayName);
  if (!agent) throw new Error(`no agent named ${displayName}`);
  return agent.id;
}

/** Closed phone calls of an agent from the demo data, newest first. */
export async function closedCalls(
  request: APIRequestContext,
  token: string,
  agent: string,
): Promise<string[]> {
  const { contacts } = await apiGet(
    request,
    token,
    `/api/v1/contacts?agent=${agent}&status=closed&channel=phone&limit=50`,
    ContactListResponse,
  );
  return contacts.map((c) => c.id);
}

/** Answers a criterion of the form on screen by the label of its option. */
export async function answer(page: Page | Locator, key: string, option: string | RegExp): Promise<void> {
  await page
    .getByTestId(`criterion-${key}`)
    .getByLabel(option, { exact: typeof option === 'string' })
    .check();
}

/**
 * Scores every criterion of the default form that applies to a phone call with full marks,
 * except `na` (answered N/A) and `given` (criterion key → the label of the option chosen instead).
 */
export async function scoreDefaultFormForACall(
  page: Page,
  na: string[],
  given: Record<string, string | RegExp> = {},
): Promise<void> {
  const yesNo = [
    'greeting_opening',
    'identity_verified',
    'confirmed_understanding',
    'history_checked',
    'hold_etiquette',
    'transfer_handling',
    'tools_used',
    'voice_tone_pace',
    'expectations_set',
    'follow_up_scheduled',
    'close',
    'disposition_correct',
    'proactive_help',
  ];
  const scales = [
    'probing_questions',
    'resolution_accuracy',
    'active_listening',
    'empathy',
    'clarity',
    'de_escalation',
    'ownership',
  ];
  const full: [string, string | RegExp][] = [
    ...yesNo.map((key): [string, string] => [key, 'Yes']),
    ...scales.map((key): [string, RegExp] => [key, /^5 — /]),
    ['correct_process', 'Followed the process'],
    ['case_notes_complete', 'Complete'],
  ];
  for (const [key, best] of full) await answer(page, key, na.includes(key) ? 'N/A' : (given[key] ?? best));
}

/** Signs in through the console's form; the first load after a fresh build is slow on a loaded machine. */
export async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 15_000 });
}

/**
 * Scores the default form with full marks for a contact of `channel` (criteria of other channels
 * show as not applying and have no inputs), except `na` (answered N/A) and `given` (key → label).
 */
export async function scoreDefaultFormFor(
  page: Page,
  channel: 'phone' | 'email' | 'web' | 'chat',
  na: string[],
  given: Record<string, string | RegExp> = {},
): Promise<void> {
  if (channel === 'phone') return scoreDefaultFormForACall(page, na, given);
  const written: [string, string | RegExp][] = [
    ...[
      'greeting_opening',
      'identity_verified',
      'confirmed_understanding',
      'history_checked',
      'transfer_handling',
      'tools_used',
      'written_quality',
      'expectations_set',
      'follow_up_scheduled',
      'close',
      'disposition_correct',
      'proactive_help',
    ].map((key): [string, string] => [key, 'Yes']),
    ...[
      'probing_questions',
      'resolution_accuracy',
      'active_listening',
      'empathy',
      'clarity',
      'de_escalation',
      'ownership',
    ].map((key): [string, RegExp] => [key, /^5 — /]),
    ['correct_process', 'Followed the process'],
    ['case_notes_complete', 'Complete'],
  ];
  for (const [key, best] of written) await answer(page, key, na.includes(key) ? 'N/A' : (given[key] ?? best));
}

/** The channel a contact option's label names ("… · Web · …"). */
export function channelInLabel(label: string): 'phone' | 'email' | 'web' | 'chat' {
  const found = (['Phone', 'Email', 'Web', 'Chat'] as const).find((c) => label.includes(` · ${c} · `));
  if (!found) throw new Error(`no channel in "${label}"`);
  return found.toLowerCase() as 'phone' | 'email' | 'web' | 'chat';
}
