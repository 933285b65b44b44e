import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { Answer, ScorecardContent } from '../../src-shared/protocol/coaching';
import { Evaluation } from '../../src-shared/protocol/coaching-evaluations';
import { ScorecardVersionResponse } from '../../src-shared/protocol/coaching-http';
import { appliesToChannel } from '../../src-shared/domain/coaching/scoring';
import type { Channel } from '../../src-shared/protocol/channels';
import { ContactListResponse } from '../../src-shared/protocol/contacts';
import { apiGet, apiToken, expectOnline, openScreen, screenshot } from './console/console-helpers';
import { agentId, publishedDefaultScorecard, signInAs } from './coaching/coaching-helpers';
import { useDemoAgents } from './console/agent-lock';

// Elena coaches Development: she follows up Kenji's weak empathy with a refresher, he marks it
// done, and the analytics compare the skill before and after it.
useDemoAgents('kenji', 'elena');

/** Full marks on a contact of `channel`, with the changes given (N/A where a criterion is for other channels). */
function fullAnswers(
  content: Pick<ScorecardContent, 'sections'>,
  channel: Channel,
  changes: Answer[] = [],
): Answer[] {
  const full = content.sections.flatMap((s) =>
    s.criteria.flatMap((c): Answer[] => {
      if (c.kind === 'text') return [];
      if (!appliesToChannel(c, channel)) return [{ key: c.key, value: null }];
      if (c.kind === 'yes_no') return [{ key: c.key, value: true }];
      if (c.kind === 'scale') return [{ key: c.key, value: c.max }];
      return [{ key: c.key, value: c.options.find((o) => o.fraction === 1)?.key ?? '' }];
    }),
  );
  return full.map((a) => changes.find((c) => c.key === a.key) ?? a);
}

async function post(request: APIRequestContext, token: string, path: string, data?: unknown) {
  const res = await request.post(path, {
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as unknown;
}

test('a coach assigns a refresher on the weakest skill; the agent marks it done; analytics show before and after', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const elenaToken = await apiToken(request, 'elena');
  const versionId = await publishedDefaultScorecard(request, elenaToken);
  const { version } = await apiGet(
    request,
    elenaToken,
    `/api/v1/scorecards/versions/${versionId}`,
    ScorecardVersionResponse,
  );
  const kenjiId = await agentId(request, elenaToken, 'Kenji Watanabe');
  // His oldest closed contacts (Development works email and web): the self-assessment spec scores his newest.
  const { contacts } = await apiGet(
    request,
    elenaToken,
    `/api/v1/contacts?agent=${kenjiId}&status=closed&limit=200`,
    ContactListResponse,
  );
  const [first, second] = contacts.slice(-2);
  expect(first && second).toBeTruthy();

  // A released evaluation with weak empathy and listening (the "communication building" skill).
  const weak = Evaluation.parse(
    await post(request, elenaToken, '/api/v1/evaluations', {
      versionId,
      contactId: first!.id,
      answers: fullAnswers(version, first!.channel, [
        { key: 'empathy', value: 2, comment: 'Went straight to the fix without acknowledging the outage' },
        { key: 'active_listening', value: 3 },
      ]),
      submit: true,
    }),
  );
  await post(request, elenaToken, `/api/v1/evaluations/${weak.id}/release`, {});

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'elena');
  await expectOnline(coach);
  await openScreen(coach, 'Coaching');
  await coach.getByRole('tab', { name: 'Evaluations' }).click();
  await coach
    .getByRole('row', { name: new RegExp(`Kenji Watanabe Coach Released ${weak.finalScore!.toFixed(1)}`) })
    .getByRole('button', { name: /Open the evaluation of Kenji Watanabe/ })
    .click();
  const followUp = coach.getByRole('region', { name: 'Coaching follow-up' });
  // The weakest skill is chosen already.
  await expect(followUp.getByText('Communication building')).toBeVisible({ timeout: 15_000 });
  await followUp.getByLabel('Refresher').fill('Empathy refresher: acknowledge before fixing');
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await followUp.getByLabel('Due').fill(due);
  await followUp.getByRole('button', { name: 'Assign follow-up' }).click();
  await expect(followUp.getByText('Follow-up assigned.')).toBeVisible({ timeout: 15_000 });
  await screenshot(coach, 'coaching-follow-up-assigned');

  // Kenji sees it with its skill and due date, and marks it done.
  const agent = await (await browser.newContext()).newPage();
  await signInAs(agent, 'kenji');
  await expectOnline(agent);
  await openScreen(agent, 'My evaluations');
  const tasks = agent.getByRole('region', { name: 'My follow-ups' });
  const task = tasks.getByRole('row', { name: /Empathy refresher/ });
  await expect(task).toContainText('Communication building', { timeout: 15_000 });
  await task
    .getByRole('button', { name: 'Mark “Empathy refresher: acknowledge before fixing” done' })
    .click();
  await expect(task.getByText('Done')).toBeVisible({ timeout: 15_000 });
  await screenshot(agent, 'coaching-follow-up-done');

  // A later call scored well: the analytics compare the skill on each side of the follow-up.
  await post(request, elenaToken, '/api/v1/evaluations', {
    versionId,
    contactId: second!.id,
    answers: fullAnswers(version, second!.channel),
    submit: true,
  });
  await coach.getByRole('button', { name: '← Back' }).click();
  await coach.getByRole('tab', { name: 'Analytics' }).click();
  const compared = coach
    .getByRole('table', { name: 'Before and after coaching follow-ups' })
    .getByRole('row', { name: /Kenji Watanabe Communication building/ });
  await expect(compared).toContainText('100.0', { timeout: 30_000 });
  await expect(compared).toContainText('points');
  // The sample sizes stand beside both averages (after: this one call).
  await expect(compared).toContainText('n = 1');
  await screenshot(coach, 'coaching-follow-up-before-after');
});
