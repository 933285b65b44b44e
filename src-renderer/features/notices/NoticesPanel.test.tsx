// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../data/db';
import { useAppStore } from '../../store/store';
import { runOnlineCommand } from '../../sync/online-command';
import type * as OnlineCommand from '../../sync/online-command';
import { EMILY, renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { NoticesPanel } from './NoticesPanel';

vi.mock('../../sync/online-command', async (importOriginal) => ({
  ...(await importOriginal<typeof OnlineCommand>()),
  runOnlineCommand: vi.fn(),
}));
const send = vi.mocked(runOnlineCommand);

const AT = '2026-12-05T10:00:00.000Z';

beforeEach(async () => {
  send.mockReset();
  send.mockResolvedValue({} as never);
  await Promise.all([db.broadcasts.clear(), db.notifications.clear()]);
});
afterEach(resetConsole);

describe('NoticesPanel', { timeout: 30_000 }, () => {
  it('shows a team broadcast and why a contact was moved away, each until it is acknowledged', async () => {
    await db.broadcasts.bulkPut([
      {
        id: '0b5c7c52-8a51-4f7e-9f0e-7f3a4d1c2b11',
        fromUserId: 'usr_sofia',
        fromName: 'Sofia',
        audience: { kind: 'team', teamId: 't1' },
        teamId: 't1',
        message: 'Outage on Data Bridge: use the status macro',
        severity: 'warning',
        at: AT,
        recipientIds: ['usr_emily'],
        acknowledgements: [],
        version: 1,
      },
      {
        id: '1c6d8d63-9b62-4a8f-8a1f-8a4b5e2d3c22',
        fromUserId: 'usr_sofia',
        fromName: 'Sofia',
        audience: { kind: 'team', teamId: 't1' },
        teamId: 't1',
        message: 'Already read',
        severity: 'info',
        at: AT,
        recipientIds: ['usr_emily'],
        acknowledgements: [{ userId: 'usr_emily', name: 'Emily', at: AT }],
        version: 2,
      },
    ]);
    await db.notifications.put({
      id: 'n1',
      userId: 'usr_emily',
      kind: 'contact_reassigned_away',
      params: { by: 'Sofia', to: 'Jamal', from: 'Emily', reason: 'Jamal owns the account' },
      contactId: 'c1',
      caseId: null,
      at: AT,
      readAt: null,
      version: 1,
    });
    renderSignedIn(<NoticesPanel />, { user: EMILY });
    expect(
      await screen.findByText('Outage on Data Bridge: use the status macro', {}, { timeout: 5_000 }),
    ).toBeTruthy();
    expect(screen.queryByText('Already read')).toBeNull();
    expect(screen.getByText('Sofia moved it to Jamal. Reason: Jamal owns the account')).toBeTruthy();

    const [broadcastAck, noticeAck] = screen.getAllByRole('button', { name: 'Acknowledge' });
    if (!broadcastAck || !noticeAck) throw new Error('two acknowledge buttons');
    fireEvent.click(broadcastAck);
    fireEvent.click(noticeAck);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send).toHaveBeenCalledWith({
      type: 'broadcast:acknowledge',
      payload: { broadcastId: '0b5c7c52-8a51-4f7e-9f0e-7f3a4d1c2b11' },
    });
    expect(send).toHaveBeenCalledWith({ type: 'notification:read', payload: { notificationId: 'n1' } });
  });

  it('words an evaluation notice and opens the evaluation on the agent’s page, marking it read', async () => {
    await db.notifications.put({
      id: 'n2',
      userId: 'usr_emily',
      kind: 'evaluation_dispute_resolved',
      params: {
        evaluationId: 'ev1',
        by: 'Carl',
        score: '91.5',
        outcome: 'partly',
        note: 'Fair point on empathy',
      },
      contactId: 'c1',
      caseId: null,
      at: AT,
      readAt: null,
      version: 1,
    });
    renderSignedIn(<NoticesPanel />, { user: EMILY });
    useAppStore.setState({ screen: 'queue', requestedEvaluationId: null });
    expect(
      await screen.findByText(
        'Carl decided: partly accepted — Fair point on empathy',
        {},
        { timeout: 5_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('Your dispute was resolved')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open evaluation' }));
    expect(useAppStore.getState()).toMatchObject({ screen: 'quality', requestedEvaluationId: 'ev1' });
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith({ type: 'notification:read', payload: { notificationId: 'n2' } }),
    );
  });
});
