// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueAlert } from '../../../src-shared/protocol/contacts';
import { db } from '../../data/db';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { AlertsPanel } from './AlertsPanel';
import { boardAgent, boardContact, boardQueue } from './board-fixtures';

const AT = '2026-12-05T10:00:00.000Z';
const queues = [
  boardQueue({ id: 'q1', name: 'Support', teamId: 't1' }),
  boardQueue({ id: 'q2', name: 'Billing', teamId: 't2' }),
];
const agents = [
  boardAgent({ id: 'ana', displayName: 'Ana', teamId: 't1' }),
  boardAgent({ id: 'ben', displayName: 'Ben', teamId: 't2' }),
];

function alert(id: string, where: { queueId: string | null; agentId: string | null }): QueueAlert {
  return {
    id,
    ...where,
    contactId: null,
    kind: where.queueId ? 'nobody_logged_in' : 'missed_offers',
    severity: 'warning',
    active: true,
    waiting: 1,
    facts: {},
    since: null,
    at: AT,
    acknowledgedBy: null,
    acknowledgedByName: null,
    acknowledgedAt: null,
    version: 1,
  };
}

function linesOf(): HTMLElement[] {
  return Array.from(
    screen.getByRole('alert', { name: 'Queue alerts' }).querySelectorAll<HTMLElement>('[data-alert]'),
  );
}

beforeEach(async () => {
  await db.alerts.clear();
  await db.alerts.bulkPut([
    alert('a-own-queue', { queueId: 'q1', agentId: null }),
    alert('a-other-queue', { queueId: 'q2', agentId: null }),
    alert('a-own-agent', { queueId: null, agentId: 'ana' }),
    alert('a-other-agent', { queueId: null, agentId: 'ben' }),
  ]);
});
afterEach(resetConsole);

async function showBoardAs(
  roles: ('supervisor' | 'admin')[],
  teamId: string | null,
): Promise<Map<string, boolean>> {
  const sofia = { id: 'usr_sofia', username: 'sofia', displayName: 'Sofia', roles, teamId };
  renderSignedIn(<AlertsPanel queues={queues} agents={agents} />, { user: sofia });
  await screen.findAllByText(/Ana|Ben|Support|Billing/);
  const byLine = new Map<string, boolean>();
  for (const line of linesOf()) {
    const about = within(line).getByText(/Ana|Ben|Support|Billing/).textContent ?? '';
    const name = ['Ana', 'Ben', 'Support', 'Billing'].find((n) => about.includes(n)) ?? about;
    byLine.set(name, within(line).queryByRole('button', { name: 'Acknowledge' }) !== null);
  }
  return byLine;
}

describe('AlertsPanel', { timeout: 30_000 }, () => {
  it("offers Acknowledge to a supervisor only on their own team's alerts", async () => {
    const acknowledgeable = await showBoardAs(['supervisor'], 't1');
    expect(Object.fromEntries(acknowledgeable)).toEqual({
      Support: true,
      Billing: false,
      Ana: true,
      Ben: false,
    });
  });

  it('names the agent and the caller of a call left without a console', async () => {
    await db.contacts.put(boardContact({ id: 'c1', from: '+14155550199', status: 'active', agentId: 'ana' }));
    await db.alerts.put({
      ...alert('ana:disconnected_on_call', { queueId: null, agentId: 'ana' }),
      kind: 'disconnected_on_call',
      severity: 'critical',
      contactId: 'c1',
    });
    await showBoardAs(['supervisor'], 't1');
    await screen.findByText(/\+14155550199/); // the caller, once the cache has answered
    const line = linesOf().find((l) => l.dataset.alert === 'disconnected_on_call');
    expect(line?.textContent).toContain('Disconnected on a call');
    expect(line?.textContent).toContain('Ana lost their console during a call with +14155550199');
  });

  it('offers Acknowledge to an admin on every alert', async () => {
    const acknowledgeable = await showBoardAs(['admin'], null);
    expect(Object.fromEntries(acknowledgeable)).toEqual({
      Support: true,
      Billing: true,
      Ana: true,
      Ben: true,
    });
  });
});
