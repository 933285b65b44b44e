import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import type { CommandDefinition } from '../sync/command-bus';
import { queueOfCase, servesQueue } from '../access/command-scopes';
import { insertNote, lockCase, noteExists, touchCase } from './cases.repository';

/**
 * A work note (internal) or customer-visible update on a case. Agents write on cases of the
 * queues they serve; supervisors on any case. Seen live by those queues, the author and supervisors.
 */
export const addNoteCommand: CommandDefinition<typeof COMMAND_TYPES.addNote> = {
  who: ['agent', 'supervisor', 'admin'],
  scope: servesQueue(
    ({ tx }, { payload }) => queueOfCase(tx, payload.caseId),
    'This case belongs to a queue you do not serve',
  ),
  async handle({ tx, actor, now }, command) {
    const { caseId, noteId, body, visibility } = command.payload;
    const row = await lockCase(tx, caseId);
    if (!row) throw new AppError('not_found', `No case ${caseId}`);
    if (await noteExists(tx, noteId)) throw new AppError('conflict', `A note ${noteId} already exists`);
    const note = await insertNote(
      tx,
      { id: noteId, caseId, authorId: actor.id, body, visibility, createdAt: now },
      actor.displayName,
    );
    await touchCase(tx, caseId, row.version + 1, now);
    return {
      entity: note,
      events: [
        {
          type: EVENT_TYPES.noteAdded,
          entityKind: 'note',
          entityId: note.id,
          entityVersion: 1,
          payload: note,
          audience: { queues: [row.queueId], users: [actor.id], roles: ['supervisor'] },
        },
      ],
    };
  },
};
