import { AddNotePayload, COMMAND_TYPES } from '../../src-shared/protocol/commands';
import type { NoteVisibility } from '../../src-shared/protocol/entities';
import { db, type CachedNote } from './db';
import { newId } from './new-id';
import { enqueue } from './outbox-repository';

export interface NoteDraft {
  caseId: string;
  body: string;
  visibility: NoteVisibility;
}

/**
 * Saves a note on this computer at once: the optimistic row and its outbox entry in one
 * transaction, so the note is either both shown and queued for the server, or neither.
 * Throws (a ZodError) when the draft is not a valid note, writing nothing.
 */
export async function saveNote(
  author: { id: string; displayName: string },
  draft: NoteDraft,
  now = Date.now(),
): Promise<CachedNote> {
  const noteId = newId();
  const commandId = newId();
  const payload = AddNotePayload.parse({ ...draft, noteId });
  const note: CachedNote = {
    id: noteId,
    caseId: payload.caseId,
    authorId: author.id,
    authorName: author.displayName,
    body: payload.body,
    visibility: payload.visibility,
    createdAt: new Date(now).toISOString(),
    pending: 1,
    pendingCommandId: commandId,
  };
  await db.transaction('rw', [db.notes, db.outbox], async () => {
    await db.notes.add(note);
    await enqueue({ commandId, type: COMMAND_TYPES.addNote, payload }, now);
  });
  return note;
}
