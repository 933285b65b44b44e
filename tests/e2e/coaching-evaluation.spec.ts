import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiToken, expectOnline, screenshot } from './console/console-helpers';
import {
  agentId,
  answer,
  closedCalls,
  publishedDefaultScorecard,
  scoreDefaultFormForACall,
  signInAs,
} from './coaching/coaching-helpers';
import { useDemoAgents } from './console/agent-lock';

useDemoAgents('ana');

test('a coach scores a closed call, releases it; the agent disputes; the coach re-scores', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const carlToken = await apiToken(request, 'carl');
  await publishedDefaultScorecard(request, carlToken);
  const anaId = await agentId(request, carlToken, 'Ana Torres');
  const [callId] = await closedCalls(request, carlToken, anaId);
  expect(callId).toBeDefined();

  const coach = await (await browser.newContext()).newPage();
  await signInAs(coach, 'carl');
  await expectOnline(coach);
  await coach.getByRole('button', { name: 'Coaching' }).click();
  await screenshot(coach, 'coaching-worklist');

  // Picked by hand on the worklist tab (after a complaint, say): Ana's closed call.
  await coach.getByLabel('Contact id').fill(callId!);
  await coach.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(coach.getByRole('region', { name: 'The contact' })).toBeVisible({ timeout: 15_000 });
  await expect(coach.getByTestId('contact-state')).toHaveText('Closed');

  await scoreDefaultFormForACall(coach, ['hold_etiquette', 'de_escalation']);
  // A comment anchored to a moment of the call.
  const empathy = coach.getByTestId('criterion-empathy');
  await empathy
    .getByLabel('Comment on Empathy')
    .fill('Warm and patient when the customer repeated the problem');
  await empathy.getByRole('combobox', { name: 'Moment for Empathy' }).click();
  await coach.getByRole('option').first().click();
  await expect(coach.getByTestId('final-score')).toHaveText('105.0');
  await expect(coach.getByText('Draft saved on this computer')).toBeVisible();
  await screenshot(coach, 'coaching-evaluation-workspace');

  const axe = await new AxeBuilder({ page: coach }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );

  await coach.getByRole('button', { name: 'Submit evaluation' }).click();
  await expect(coach.getByTestId('evaluation-state')).toHaveText('Submitted', { timeout: 15_000 });
  await coach.getByRole('button', { name: 'Release now' }).click();
  await expect(coach.getByTestId('evaluation-state')).toHaveText('Released', { timeout: 15_000 });
  await screenshot(coach, 'coaching-evaluation-released');

  // The agent sees it and disputes one criterion.
  const agent = await (await browser.newContext()).newPage();
  await signInAs(agent, 'ana');
  await expectOnline(agent);
  await agent.getByRole('button', { name: 'My evaluations' }).click();
  await agent
    .getByRole('button', { name: /Open the evaluation of Ana Torres \(Released\)/ })
    .first()
    .click();
  await expect(agent.getByTestId('final-score')).toHaveText('105.0', { timeout: 15_000 });
  await agent.getByRole('combobox', { name: 'Criterion to dispute' }).click();
  await agent.getByRole('option', { name: 'Empathy' }).click();
  await agent.getByLabel('Your reason').fill('The customer thanked me twice for my patience.');
  await agent.getByRole('button', { name: 'Send dispute' }).click();
  await expect(agent.getByTestId('evaluation-state')).toHaveText('Disputed', { timeout: 15_000 });
  await screenshot(agent, 'coaching-agent-dispute');

  // The coach resolves it with a re-score; both revisions stay visible.
  await coach.getByRole('button', { name: 'Back' }).click();
  await coach.getByRole('tab', { name: 'Evaluations' }).click();
  // The demo data may hold another disputed evaluation of ana's: open this run's (scored 105).
  await coach
    .getByRole('row', { name: /Ana Torres .*Disputed 105/ })
    .getByRole('button', { name: /Open the evaluation of Ana Torres \(Disputed\)/ })
    .click();
  const resolve = coach.getByRole('region', { name: 'Resolve the dispute' });
  await resolve.getByLabel('Accept (re-score)').check();
  await answer(resolve, 'empathy', /^4 — /);
  await resolve.getByRole('button', { name: 'Resolve dispute' }).click();
  await expect(coach.getByTestId('evaluation-state')).toHaveText('Resolved', { timeout: 15_000 });
  const revisions = coach.getByTestId('revisions');
  await expect(revisions.getByRole('row', { name: /Revision 1/ })).toContainText('105.0');
  await expect(revisions.getByRole('row', { name: /Revision 2/ })).toBeVisible();
  await screenshot(coach, 'coaching-evaluation-resolved');
});
