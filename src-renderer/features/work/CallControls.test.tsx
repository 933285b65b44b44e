// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runOnlineCommand } from '../../sync/online-command';
import type * as onlineCommand from '../../sync/online-command';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { CallControls } from './CallControls';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { contactFixture } from './work-fixtures';

// Only the network call is replaced: the refusal class stays the real one, so a failure that is
// not a refusal (e.g. an unexpected answer) is reported as itself, not read as a refusal.
vi.mock('../../sync/online-command', async (importOriginal) => ({
  ...(await importOriginal<typeof onlineCommand>()),
  runOnlineCommand: vi.fn(),
}));
const runCommand = vi.mocked(runOnlineCommand);

const onCall = contactFixture({
  channel: 'phone',
  status: 'active',
  offerExpiresAt: null,
  answeredAt: new Date(Date.now() - 60_000).toISOString(),
});

afterEach(async () => {
  runCommand.mockReset();
  await resetConsole();
});

const renderControls = (contact: Contact) => renderSignedIn(<CallControls contact={contact} />);

describe('call controls on the active card', () => {
  it('holds a call I am on', async () => {
    renderControls(onCall);
    expect(screen.queryByTestId('on-hold')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await waitFor(() =>
      expect(runCommand).toHaveBeenCalledWith({ type: 'contact:hold', payload: { contactId: onCall.id } }),
    );
  });

  it('shows a held call as "On hold" with a clock, and resumes it', async () => {
    renderControls({ ...onCall, heldAt: new Date(Date.now() - 65_000).toISOString() });
    expect(screen.getByTestId('on-hold').textContent).toMatch(/^On hold\s*1:0[5-6]$/);
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() =>
      expect(runCommand).toHaveBeenCalledWith({ type: 'contact:resume', payload: { contactId: onCall.id } }),
    );
  });

  it('has no call controls for an email', () => {
    renderControls({ ...onCall, channel: 'email' });
    expect(screen.queryByTestId('call-controls')).toBeNull();
  });
});
