import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { Evaluation } from '../../src-shared/protocol/coaching-evaluations';
import { apiGet, apiToken, expectOnline, openScreen, screenshot } from './console/console-helpers';
import {
  channelInLabel,
  publishedDefaultScorecard,
  scoreDefaultFormFor,
  signInAs,
} from './coaching/coaching-helpers';
import { useDemoAgents } from './console/agent-lock';

// Kenji (Development) scores one of his calls himself; Elena, who coaches Development, scores
// the same call and releases it. Each hears of the other's step in the console.
useDemoAgents('kenji', 'elena');

const EvaluationsResponse = z.object({ evaluations: z.array(Evaluation) });

test('an agent assesses their own call; the coach’s score is shown beside it, and each is told of the other’s step', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const kenjiToken = await apiToken(request, 'kenji');
  await publishedDefaultScorecard(request, await apiToken(request, 'elena'));

  const agent = await (await browser.newContext()).newPage();
  await signInAs(agent, 'kenji');
  await expectOnline(agent);
  await openScreen(agent, 'My evaluations');
  await agent.getByRole('combobox', { name: 'Your closed contact' }).click();
  // His newest closed contact, whatever its channel (Development works email and web).
  const option = agent.getByRole('option').first();
  const channel = channelInLabel(await option.innerText());
  const na = channel === 'phone' ? ['hold_etiquette', 'de_escalation'] : ['de_escalation'];
  await option.click();
  await expect(agent.getByRole('heading', { name: 'Self-assessment' })).toBeVisible({ timeout: 15_000 });
  await scoreDefaultFormFor(agent, channel, na);
  await agent.getByRole('button', { name: 'Submit evaluation' }).click();
  await expect(agent.getByTestId('evaluation-state')).toHaveText('Submitted', { timeout: 15_000 });
  await screenshot(agent, 'coaching-self-assessment');

  const { evaluations } = await apiGet(request, kenjiToken, '/api/v1/evaluations', EvaluationsResponse);
  const mine = evaluations.find((e) => e.kind === 'self' && e.state === 'submitted');
  expect(mine).toBeDefined();
  const contactId = mine!.contactId;

  // Elena scores the same call a little lower and releases it.
  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'elena');
  await expectOnline(coach);
  await openScreen(coach, 'Coaching');
  await coach.getByLabel('Contact id').fill(contactId);
  await coach.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(coach.getByRole('region', { name: 'The contact' })).toBeVisible({ timeout: 15_000 });
  await scoreDefaultFormFor(coach, channel, na, { empathy: /^4 — / });
  await coach.getByRole('button', { name: 'Submit evaluation' }).click();
  await expect(coach.getByTestId('evaluation-state')).toHaveText('Submitted', { timeout: 15_000 });
  await coach.getByRole('button', { name: 'Release now' }).click();
  await expect(coach.getByTestId('evaluation-state')).toHaveText('Released', { timeout: 15_000 });

  // Kenji is told, opens it from the notice, and sees both scores side by side.
  // Newest first: other specs may have released Kenji an evaluation before.
  const released = agent.locator('[data-notification="evaluation_released"]').first();
  await expect(released).toBeVisible({ timeout: 15_000 });
  await expect(released).toContainText('Elena Castillo released an evaluation of your contact');
  await screenshot(agent, 'coaching-notice-released');
  await released.getByRole('button', { name: 'Open evaluation' }).click();
  await expect(agent.getByText(/^By Elena Castillo,/)).toBeVisible({ timeout: 15_000 });
  const beside = agent.getByRole('region', { name: 'Coach and self-assessment side by side' });
  await expect(beside.getByTestId('beside-self')).toHaveText(/^\d+\.\d$/);
  await expect(beside.getByTestId('beside-coach')).not.toHaveText(
    await beside.getByTestId('beside-self').innerText(),
  );
  await screenshot(agent, 'coaching-self-beside-coach');
  // The evaluation's own button: notices (above every screen) have an "Acknowledge" too.
  await agent.getByRole('button', { name: 'Acknowledge', exact: true }).last().click();
  await expect(agent.getByTestId('evaluation-state')).toHaveText('Acknowledged', { timeout: 15_000 });

  // Elena is told he acknowledged it.
  const acknowledged = coach.locator('[data-notification="evaluation_acknowledged"]');
  await expect(acknowledged).toBeVisible({ timeout: 15_000 });
  await expect(acknowledged).toContainText('Kenji Watanabe acknowledged it.');
  await screenshot(coach, 'coaching-notice-acknowledged');
  await acknowledged.getByRole('button', { name: 'Open evaluation' }).click();
  await expect(coach.getByTestId('evaluation-state')).toHaveText('Acknowledged', { timeout: 15_000 });
  await expect(
    coach.getByRole('region', { name: 'Coach and self-assessment side by side' }).getByTestId('beside-self'),
  ).toHaveText(await beside.getByTestId('beside-self').innerText());
});
