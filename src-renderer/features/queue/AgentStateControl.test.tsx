// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent } from '../../../src-shared/protocol/entities';
import { DEFAULT_CAPACITY } from '../../../src-shared/protocol/routing-config';
import { db } from '../../data/db';
import { runOnlineCommand } from '../../sync/online-command';
import type * as onlineCommand from '../../sync/online-command';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { AgentStateControl } from './AgentStateControl';

// Only the network call is replaced: the refusal class stays the real one, so a failure that is
// not a refusal (e.g. an unexpected answer) is reported as itself, not read as a refusal.
vi.mock('../../sync/online-command', async (importOriginal) => ({
  ...(await importOriginal<typeof onlineCommand>()),
  runOnlineCommand: vi.fn(),
}));
const runCommand = vi.mocked(runOnlineCommand);

const ana: Agent = {
  id: 'usr_ana',
  username: 'ana',
  displayName: 'Ana Torres',
  roles: ['agent'],
  teamId: 'team_support_en',
  tier: 1,
  disabled: false,
  version: 1,
  languages: ['en'],
  state: 'available',
  reasonCode: null,
  stateSince: new Date().toISOString(),
  routing: { skills: [], capacity: DEFAULT_CAPACITY },
  missedOffers: 0,
  idleSince: new Date().toISOString(),
};

afterEach(async () => {
  runCommand.mockReset();
  await resetConsole();
});

async function renderAs(agent: Partial<Agent>) {
  await db.agents.put({ ...ana, ...agent });
  renderSignedIn(<AgentStateControl />);
  const select = screen.getByLabelText<HTMLSelectElement>('Agent state');
  await waitFor(() => expect(select.disabled).toBe(false));
  return select;
}

const option = (select: HTMLSelectElement, value: string) =>
  [...select.options].find((o) => o.value === value);

describe('the Agent state control', () => {
  it.each([
    ['busy', null, 'Busy'],
    ['wrap_up', null, 'Wrap-up'],
    ['away', 'missed', 'Away – Missed offers'],
  ] as const)(
    'shows %s (set by work or routing) but never offers it as a choice',
    async (state, reasonCode, label) => {
      const select = await renderAs({ state, reasonCode });
      const value = reasonCode ? `${state}:${reasonCode}` : state;
      expect(select.value).toBe(value);
      expect(option(select, value)?.textContent).toBe(label);
      expect(option(select, value)?.disabled).toBe(true);
      expect(screen.getByText('(set automatically)')).toBeTruthy();
      for (const pickable of ['available', 'away:lunch', 'offline'])
        expect(option(select, pickable)?.disabled).toBe(false);
    },
  );

  it('still lets a busy agent pick Away, with its reason', async () => {
    runCommand.mockResolvedValue({ ...ana, state: 'away', reasonCode: 'lunch', version: 2 });
    const select = await renderAs({ state: 'busy' });
    fireEvent.change(select, { target: { value: 'away:lunch' } });
    await waitFor(() =>
      expect(runCommand).toHaveBeenCalledWith({
        type: 'agent:set-state',
        payload: { state: 'away', reasonCode: 'lunch' },
      }),
    );
    await waitFor(() => expect(select.value).toBe('away:lunch'));
    expect(option(select, 'busy')).toBeUndefined();
    expect(screen.queryByText('(set automatically)')).toBeNull();
  });
});
