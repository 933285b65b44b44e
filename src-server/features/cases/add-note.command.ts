import { AppError } from '../../platform/errors';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import { hasRole, seesEverything } from '../auth/actor';
import type { CommandHandler } from '../sync/command-bus';
import { insertNote, lockCase, noteExists, touchCase } from './cases.repository';

/**
 * A work note (internal) or customer-visible update on a case. Agents write on cases of the
 * queues they serve; supervisors on any case. Seen live by those queues, the author and supervisors.
 */
export const addNoteHandler: CommandHandler<typeof COMMAND_TYPES.addNote> = {
  type: COMMAND_TYPES.addNote,
  async handle({ tx, actor, now }, command) {
    const { caseId, noteId, body, visibility } = command.payload;
    if (!hasRole(actor, 'agent', 'supervisor', 'admin'))
      throw new AppError('forbidden', 'Only agents and supervisors write notes');
    const row = await lockCase(tx, caseId);
    if (!row) throw new AppError('not_found', `No case ${caseId}`);
    if (!seesEverything(actor) && !actor.queueIds.includes(row.queueId)) {
      throw new AppError('forbidden', 'This case belongs to a queue you do not serve');
    }
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
