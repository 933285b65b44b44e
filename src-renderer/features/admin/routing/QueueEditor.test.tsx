// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../i18n/i18n';
import type { Queue } from '../../../../src-shared/protocol/entities';
import { db } from '../../../data/db';
import { useAppStore } from '../../../store/store';
import { CommandRefusedError, runOnlineCommand } from '../../../sync/online-command';
import type * as OnlineCommand from '../../../sync/online-command';
import { QueueEditor } from './QueueEditor';
import { installJsdomShims } from '../../../testing/jsdom-shims';

vi.mock('../../../sync/online-command', async (importOriginal) => ({
  ...(await importOriginal<typeof OnlineCommand>()),
  runOnlineCommand: vi.fn(),
}));
const send = vi.mocked(runOnlineCommand);

const queue: Queue = {
  id: 'q_inside_sales',
  name: 'Inside Sales',
  teamId: 'team_inside_sales',
  language: 'en',
  tier: 1,
  channels: ['phone', 'email'],
  version: 3,
  routing: {
    requiredSkills: [],
    serviceLevels: { phone: { seconds: 20, percent: 80 }, email: { seconds: 14400, percent: 90 } },
    businessHours: {
      timeZone: 'America/New_York',
      weekly: [
        { day: 1, open: '08:00', close: '12:00' },
        { day: 1, open: '13:00', close: '18:00' },
      ],
      holidays: ['2026-12-25'],
    },
    offerTimeouts: { phone: 20, email: 60, web: 60, chat: 60, callback: 20 },
    wrapUpMaxSeconds: 120,
    overflowAfterSeconds: 300,
    dispositions: ['renewed'],
    intake: { addresses: [], numbers: [], sources: [], defaultFor: [] },
    declineCooldownSeconds: 60,
  },
};

beforeAll(() => {
  installJsdomShims();
});

beforeEach(() => {
  useAppStore.setState({ connection: 'online' });
  send.mockReset();
});

afterEach(async () => {
  cleanup();
  await db.delete({ disableAutoOpen: false });
});

function renderEditor() {
  return render(
    <MantineProvider>
      <QueueEditor queue={queue} />
    </MantineProvider>,
  );
}

const day = (name: string) => screen.getByRole('group', { name });
const intervals = (name: string) =>
  within(day(name))
    .queryAllByTestId('interval')
    .map((row) =>
      within(row)
        .getAllByRole('textbox')
        .map((input) => (input as HTMLInputElement).value),
    );

describe('the queue editor’s business hours', () => {
  it('adds and removes split-shift intervals per weekday', () => {
    renderEditor();
    expect(intervals('Monday')).toEqual([
      ['08:00', '12:00'],
      ['13:00', '18:00'],
    ]);
    expect(within(day('Tuesday')).getByText('Closed')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Tuesday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
    expect(intervals('Tuesday')).toEqual([['09:00', '17:00']]);
    expect(intervals('Monday')).toEqual([
      ['08:00', '12:00'],
      ['13:00', '18:00'],
      ['19:00', '24:00'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Monday interval 2' }));
    expect(intervals('Monday')).toEqual([
      ['08:00', '12:00'],
      ['19:00', '24:00'],
    ]);
  });

  it('shows an interval that closes before it opens and sends nothing', async () => {
    renderEditor();
    fireEvent.change(screen.getByLabelText('Monday, interval 2: closes at'), { target: { value: '12:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Must close after it opens')).toBeTruthy();
    expect(screen.getByTestId('save-status').textContent).toBe(
      'Nothing was sent: fix the highlighted field.',
    );
    expect(screen.getByLabelText('Monday, interval 2: closes at').getAttribute('aria-invalid')).toBe('true');
    expect(send).not.toHaveBeenCalled();
  });
});

describe('saving', () => {
  it('sends the routing against the version it was opened at', async () => {
    send.mockResolvedValue({ ...queue, version: 4 });
    renderEditor();
    fireEvent.change(screen.getByLabelText('Wrap-up maximum'), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    const [command] = send.mock.calls[0]!;
    expect(command).toMatchObject({
      type: 'queue:save-routing',
      expectedVersion: 3,
      payload: {
        queueId: 'q_inside_sales',
        channels: ['phone', 'email'],
        routing: { wrapUpMaxSeconds: 200 },
      },
    });
    expect(
      await screen.findByText(
        'Inside Sales saved. Routing uses the new rules from now on.',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect((await db.queues.get(queue.id))?.version).toBe(4);
  });

  it('on a conflict shows the server’s message and the current values', async () => {
    const current = { ...queue, version: 5, routing: { ...queue.routing, wrapUpMaxSeconds: 900 } };
    send.mockRejectedValue(
      new CommandRefusedError({
        code: 'conflict',
        message: 'Changed by someone else (now version 5)',
        details: current,
      }),
    );
    renderEditor();
    fireEvent.change(screen.getByLabelText('Wrap-up maximum'), { target: { value: '200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(
        /Someone else saved first \(Changed by someone else \(now version 5\)\)/,
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect((screen.getByLabelText('Wrap-up maximum') as HTMLInputElement).value).toBe('900 s');
    expect((await db.queues.get(queue.id))?.version).toBe(5);
  });

  it('cannot save offline', () => {
    useAppStore.setState({ connection: 'offline' });
    renderEditor();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
