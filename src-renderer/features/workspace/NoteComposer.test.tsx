// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n/i18n';
import { db } from '../../data/db';
import { useAppStore } from '../../store/store';
import { NoteComposer } from './NoteComposer';
import { NoteList } from './NoteList';
import { installJsdomShims } from '../../testing/jsdom-shims';

beforeAll(() => {
  installJsdomShims();
  useAppStore.setState({
    user: { id: 'usr_ana', username: 'ana', displayName: 'Ana Torres', roles: ['agent'], teamId: null },
    connection: 'offline',
  });
});

afterEach(async () => {
  cleanup();
  await db.delete({ disableAutoOpen: false });
});

function renderCase() {
  return render(
    <MantineProvider>
      <NoteList caseId="case_1" />
      <NoteComposer caseId="case_1" />
    </MantineProvider>,
  );
}

describe('writing a note offline', () => {
  it('shows the note at once, marked unsent, and keeps it in the outbox', async () => {
    renderCase();
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Customer will call back' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    const card = await screen.findByTestId('note');
    expect(within(card).getByText('Customer will call back')).toBeTruthy();
    expect(within(card).getByText('Unsent')).toBeTruthy();
    expect(within(card).getByText('Internal')).toBeTruthy();
    expect(await db.outbox.count()).toBe(1);
    await waitFor(() => expect((screen.getByLabelText('Note') as HTMLTextAreaElement).value).toBe(''));
  });

  it('refuses an empty note without writing anything', async () => {
    renderCase();
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Write the note first.')).toBeTruthy();
    expect(await db.outbox.count()).toBe(0);
  });
});
