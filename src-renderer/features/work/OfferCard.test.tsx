// @vitest-environment jsdom
import { Notifications } from '@mantine/notifications';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../data/db';
import { useAppStore } from '../../store/store';
import { CommandRefusedError, runOnlineCommand } from '../../sync/online-command';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { MyWork } from './MyWork';
import { contactFixture, supportQueue } from './work-fixtures';

vi.mock('../../sync/online-command', () => ({
  runOnlineCommand: vi.fn(),
  CommandRefusedError: class CommandRefusedError extends Error {
    constructor(readonly error: { code: string; message: string }) {
      super(error.message);
    }
  },
}));
const runCommand = vi.mocked(runOnlineCommand);

beforeEach(async () => {
  useAppStore.setState({ selectedCustomerId: null, selectedCaseId: null });
  await db.queues.put(supportQueue);
});

afterEach(async () => {
  runCommand.mockReset();
  await resetConsole();
});

function renderWork() {
  return renderSignedIn(
    <>
      <Notifications />
      <MyWork />
    </>,
  );
}

describe('an offer to me', () => {
  it('shows what it is, where from and a countdown to its expiry', async () => {
    await db.contacts.put(contactFixture({}));
    renderWork();
    expect(await screen.findByText('Invoice export fails')).toBeTruthy();
    expect(screen.getByText('+14155550123')).toBeTruthy();
    expect(screen.getByText('Support EN')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Time left to accept' })).toBeTruthy();
    const seconds = screen.getByTestId('offer-seconds');
    const firstReading = seconds.textContent;
    expect(firstReading).toMatch(/^1[45] s$/);
    // It ticks down on its own, without any change in the cache.
    await waitFor(() => expect(seconds.textContent).not.toBe(firstReading), { timeout: 2_000 });
    expect(Number.parseInt(seconds.textContent ?? '', 10)).toBeLessThan(
      Number.parseInt(firstReading ?? '', 10),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Why me?' }));
    expect(await screen.findByText('You were the best match')).toBeTruthy();
    expect(screen.getByText('Another agent has been idle longer')).toBeTruthy();
  });

  it('accepts with contact:accept and pops the customer and case of that contact', async () => {
    await db.contacts.put(contactFixture({ caseId: 'case_7' }));
    await db.contacts.put(contactFixture({ id: 'con_2', agentId: 'usr_ben', customerId: 'cus_2' }));
    const answeredAt = new Date().toISOString();
    runCommand.mockResolvedValue(
      contactFixture({ caseId: 'case_7', status: 'active', answeredAt, offerExpiresAt: null, version: 2 }),
    );
    renderWork();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));

    await waitFor(() => expect(useAppStore.getState().selectedCustomerId).toBe('cus_1'));
    expect(useAppStore.getState().selectedCaseId).toBe('case_7');
    expect(runCommand).toHaveBeenCalledWith({ type: 'contact:accept', payload: { contactId: 'con_1' } });
    // The answer is in the cache: the offer became a contact I am on, with an End button.
    expect(await screen.findByRole('button', { name: 'End' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
  });

  it("shows the server's reason when it refuses, and pops nothing", async () => {
    await db.contacts.put(contactFixture({}));
    runCommand.mockRejectedValue(new CommandRefusedError({ code: 'conflict', message: 'The offer expired' }));
    renderWork();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('That did not work: The offer expired')).toBeTruthy();
    expect(useAppStore.getState().selectedCustomerId).toBeNull();
  });

  it('declines with contact:decline', async () => {
    await db.contacts.put(contactFixture({}));
    runCommand.mockResolvedValue(contactFixture({ status: 'queued', agentId: null, version: 2 }));
    renderWork();
    fireEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    await waitFor(() =>
      expect(runCommand).toHaveBeenCalledWith({ type: 'contact:decline', payload: { contactId: 'con_1' } }),
    );
    expect(await screen.findByText('No work right now.')).toBeTruthy();
  });
});
