// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import type { ImpactPreview } from '../../../src-shared/protocol/supervision';
import { CommandRefusedError, runOnlineCommand } from '../../sync/online-command';
import type * as OnlineCommand from '../../sync/online-command';
import { fetchImpact } from '../../sync/supervisor-api';
import type * as SupervisorApi from '../../sync/supervisor-api';
import { useAppStore } from '../../store/store';
import { installJsdomShims } from '../../testing/jsdom-shims';
import { boardAgent, boardContact, boardQueue } from './board-fixtures';
import { ReassignDialog } from './ReassignDialog';

vi.mock('../../sync/online-command', async (importOriginal) => ({
  ...(await importOriginal<typeof OnlineCommand>()),
  runOnlineCommand: vi.fn(),
}));
vi.mock('../../sync/supervisor-api', async (importOriginal) => ({
  ...(await importOriginal<typeof SupervisorApi>()),
  fetchImpact: vi.fn(),
}));
const send = vi.mocked(runOnlineCommand);
const impact = vi.mocked(fetchImpact);

const PREVIEW: ImpactPreview = {
  affected: [{ contactId: 'c9', waitBeforeS: 60, waitAfterS: 300, breachBefore: false, breachAfter: true }],
  summary: {
    considered: 4,
    slipped: 1,
    totalSlipS: 240,
    maxSlipS: 240,
    noLongerReached: 0,
    gained: 0,
    totalGainS: 0,
    newBreaches: 1,
    breachesAvoided: 0,
  },
  subject: null,
};

const held = boardContact({ id: 'c1', status: 'active', agentId: 'ana', subject: 'Export fails' });
const agents = [
  boardAgent({ id: 'ana', displayName: 'Ana', state: 'busy' }),
  boardAgent({ id: 'ben', username: 'ben', displayName: 'Ben', state: 'available' }),
];

beforeAll(() => {
  installJsdomShims();
  useAppStore.setState({ connection: 'online' });
});
beforeEach(() => {
  send.mockReset();
  impact.mockReset();
  impact.mockResolvedValue(PREVIEW);
});
afterEach(cleanup);

function open(onClose = vi.fn()) {
  render(
    <MantineProvider>
      <ReassignDialog
        contact={held}
        agents={agents}
        queues={[boardQueue()]}
        nameOf={(id) => id}
        onClose={onClose}
      />
    </MantineProvider>,
  );
  return onClose;
}

async function pickBen() {
  const input = screen.getAllByLabelText('Agent').find((el) => el.tagName === 'INPUT');
  if (!input) throw new Error('no agent picker');
  fireEvent.click(input);
  fireEvent.click(await screen.findByRole('option', { name: /Ben/ }, { timeout: 5_000 }));
}

// Mantine's first render of a modal is slow on a loaded machine.
describe('ReassignDialog', { timeout: 30_000 }, () => {
  it('shows what the move costs the others before it is confirmed, then sends it with the reason', async () => {
    const onClose = open();
    expect(screen.queryByRole('option', { name: /Ana/ })).toBeNull(); // the holder is not offered
    await pickBen();
    expect(
      await screen.findByText(
        '1 customer waits 4 min longer in all (at most 4 min).',
        {},
        { timeout: 5_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('1 will now miss its service level.')).toBeTruthy();
    expect(impact).toHaveBeenCalledWith('c1', { action: 'reassign', agentId: 'ben' });

    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'Ben knows Data Bridge' },
    });
    send.mockResolvedValue({} as never);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm reassignment' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith({
      type: 'contact:reassign',
      payload: {
        contactId: 'c1',
        agentId: 'ben',
        reason: 'Ben knows Data Bridge',
        force: false,
        expectedAgentId: 'ana',
      },
    });
  });

  it('offers "force" when the server says only capacity stands in the way, and sends it forced', async () => {
    const onClose = open();
    await pickBen();
    await screen.findByText('1 will now miss its service level.', {}, { timeout: 5_000 });
    send.mockRejectedValueOnce(
      new CommandRefusedError({
        code: 'invalid',
        message: 'Ben cannot take it',
        details: { reasons: ['no_capacity'], overridable: true },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm reassignment' }));
    expect(
      await screen.findByText(/The agent has no room for it: No free capacity/, {}, { timeout: 5_000 }),
    ).toBeTruthy();
    send.mockResolvedValue({} as never);
    fireEvent.click(screen.getByRole('button', { name: 'Force (override capacity)' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(send).toHaveBeenLastCalledWith({
      type: 'contact:reassign',
      payload: expect.objectContaining({ agentId: 'ben', force: true }),
    });
  });

  it('names the holder when the contact moved meanwhile, and offers no force', async () => {
    open();
    await pickBen();
    await screen.findByText('1 will now miss its service level.', {}, { timeout: 5_000 });
    send.mockRejectedValueOnce(
      new CommandRefusedError({
        code: 'conflict',
        message: 'moved',
        details: { contactId: 'c1', status: 'active', agentId: 'cy', agentName: 'Cy', queueId: 'q1' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm reassignment' }));
    expect(await screen.findByText(/It moved meanwhile: now with Cy/, {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Force (override capacity)' })).toBeNull();
  });
});
