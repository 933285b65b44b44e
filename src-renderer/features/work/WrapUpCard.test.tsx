// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n/i18n';
import { db } from '../../data/db';
import { useAppStore } from '../../store/store';
import { runOnlineCommand } from '../../sync/online-command';
import type * as onlineCommand from '../../sync/online-command';
import { installJsdomShims } from '../../testing/jsdom-shims';
import { contactFixture, supportQueue } from './work-fixtures';
import { WrapUpCard } from './WrapUpCard';

// Only the network call is replaced: the refusal class stays the real one, so a failure that is
// not a refusal (e.g. an unexpected answer) is reported as itself, not read as a refusal.
vi.mock('../../sync/online-command', async (importOriginal) => ({
  ...(await importOriginal<typeof onlineCommand>()),
  runOnlineCommand: vi.fn(),
}));
const runCommand = vi.mocked(runOnlineCommand);

const inWrapUp = contactFixture({
  status: 'wrap_up',
  offerExpiresAt: null,
  answeredAt: new Date(Date.now() - 60_000).toISOString(),
  wrapUpDueAt: new Date(Date.now() + 90_000).toISOString(),
});

beforeAll(() => {
  installJsdomShims();
  useAppStore.setState({ connection: 'online' });
});

afterEach(() => {
  cleanup();
  runCommand.mockReset();
});

function renderCard(queue = supportQueue) {
  return render(
    <MantineProvider>
      <WrapUpCard contact={inWrapUp} queue={queue} />
    </MantineProvider>,
  );
}

describe('completing a wrap-up', () => {
  it("requires a disposition from the queue's list before it asks the server", async () => {
    renderCard();
    expect(screen.getByTestId('wrap-up-left').textContent).toMatch(/1:(29|30)$/);
    const select = screen.getByLabelText<HTMLSelectElement>(/Disposition/);
    expect([...select.options].map((o) => o.value)).toEqual(['', 'resolved', 'callback_scheduled']);

    fireEvent.click(screen.getByRole('button', { name: 'Complete wrap-up' }));
    expect(await screen.findByText('Pick a disposition first.')).toBeTruthy();
    expect(runCommand).not.toHaveBeenCalled();

    fireEvent.change(select, { target: { value: 'callback_scheduled' } });
    fireEvent.click(screen.getByRole('button', { name: 'Complete wrap-up' }));
    await waitFor(() =>
      expect(runCommand).toHaveBeenCalledWith({
        type: 'contact:complete-wrap-up',
        payload: { contactId: 'con_1', disposition: 'callback_scheduled' },
      }),
    );
  });

  it('completes without a disposition where the queue asks none', async () => {
    renderCard({ ...supportQueue, routing: { ...supportQueue.routing, dispositions: [] } });
    expect(screen.queryByLabelText(/Disposition/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Complete wrap-up' }));
    await waitFor(() =>
      expect(runCommand).toHaveBeenCalledWith({
        type: 'contact:complete-wrap-up',
        payload: { contactId: 'con_1' },
      }),
    );
  });

  it('offline, queues the wrap-up as pending instead of asking the server', async () => {
    useAppStore.setState({ connection: 'offline' });
    try {
      renderCard();
      fireEvent.change(screen.getByLabelText(/Disposition/), { target: { value: 'resolved' } });
      fireEvent.click(screen.getByRole('button', { name: 'Complete wrap-up' }));
      expect((await screen.findByTestId('wrap-up-pending')).textContent).toBe('Pending');
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Complete wrap-up' }).disabled).toBe(true);
      expect(runCommand).not.toHaveBeenCalled();
      expect(await db.outbox.toArray()).toMatchObject([
        { type: 'contact:complete-wrap-up', payload: { contactId: 'con_1', disposition: 'resolved' } },
      ]);
    } finally {
      useAppStore.setState({ connection: 'online' });
      await db.delete({ disableAutoOpen: false });
    }
  });

  it("opens the contact's customer in the Screen pop when clicked", () => {
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Open the customer of +14155550123' }));
    expect(useAppStore.getState().selectedCustomerId).toBe('cus_1');
  });
});
