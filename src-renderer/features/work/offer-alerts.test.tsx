// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../data/db';
import { platform } from '../../platform/current-platform';
import { useAppStore } from '../../store/store';
import { runOnlineCommand } from '../../sync/online-command';
import type * as onlineCommand from '../../sync/online-command';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { MyWork } from './MyWork';
import { contactFixture, supportQueue } from './work-fixtures';

vi.mock('../../platform/current-platform', () => ({
  platform: {
    kind: 'browser',
    notify: vi.fn(() => Promise.resolve()),
    bringToFront: vi.fn(() => Promise.resolve()),
    setBadgeCount: vi.fn(() => Promise.resolve()),
    ring: vi.fn(),
  },
}));
// Only the network call is replaced: the refusal class stays the real one, so a failure that is
// not a refusal (e.g. an unexpected answer) is reported as itself, not read as a refusal.
vi.mock('../../sync/online-command', async (importOriginal) => ({
  ...(await importOriginal<typeof onlineCommand>()),
  runOnlineCommand: vi.fn(),
}));
vi.mock('../../sync/remote-reads', () => ({ loadCustomer: vi.fn(() => Promise.resolve()) }));

afterEach(async () => {
  vi.clearAllMocks();
  await resetConsole();
});

const renderWork = () => renderSignedIn(<MyWork />);

describe('a new offer is announced where the console runs', () => {
  it('once per offer: a notification with Accept, the window to the front, a ring for a call', async () => {
    await db.queues.put(supportQueue);
    const offer = contactFixture({});
    await db.contacts.put(offer);
    renderWork();
    await waitFor(() => expect(platform.notify).toHaveBeenCalledTimes(1));
    expect(platform.notify).toHaveBeenCalledWith({
      id: 'offer-con_1',
      title: 'Incoming Phone: accept?',
      body: '+14155550123 — Invoice export fails',
      actionLabel: 'Accept',
    });
    expect(platform.bringToFront).toHaveBeenCalledTimes(1);
    expect(platform.ring).toHaveBeenCalledTimes(1);

    // The same offer changing (a newer version) is not a new offer; an email is, without a ring.
    await db.contacts.put({ ...offer, version: 2, priority: 30 });
    await db.contacts.put(contactFixture({ id: 'con_2', channel: 'email', from: 'kim@example.com' }));
    await waitFor(() => expect(platform.notify).toHaveBeenCalledTimes(2));
    expect(vi.mocked(platform.notify).mock.calls[1]?.[0]).toMatchObject({
      id: 'offer-con_2',
      title: 'Incoming Email: accept?',
    });
    expect(platform.ring).toHaveBeenCalledTimes(1);
  });
});

describe('accepting a contact from an unknown caller', () => {
  it('clears the Screen pop instead of leaving the previous customer on show', async () => {
    useAppStore.setState({ selectedCustomerId: 'cus_previous', selectedCaseId: 'case_previous' });
    await db.queues.put(supportQueue);
    await db.contacts.put(contactFixture({ customerId: null }));
    vi.mocked(runOnlineCommand).mockResolvedValue(
      contactFixture({ customerId: null, status: 'active', offerExpiresAt: null, version: 2 }),
    );
    renderWork();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(useAppStore.getState().selectedCustomerId).toBeNull());
    expect(useAppStore.getState().selectedCaseId).toBeNull();
  });
});
