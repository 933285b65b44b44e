// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../data/db';
import { renderSignedIn, resetConsole } from '../../testing/render-signed-in';
import { NoteComposer } from './NoteComposer';
import { NoteList } from './NoteList';

afterEach(resetConsole);

function renderCase() {
  return renderSignedIn(
    <>
      <NoteList caseId="case_1" />
      <NoteComposer caseId="case_1" />
    </>,
    { connection: 'offline' },
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
