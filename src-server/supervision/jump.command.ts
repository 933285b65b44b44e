import { AppError } from '../platform/errors';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { findQueue } from '../features/directory/directory.repository';
import { contactEvent } from '../features/contacts/contact-events';
import { contactOf } from '../features/contacts/contact-row';
import { changeContact, lockContact } from '../features/contacts/contacts.repository';
import { checkVersion, type CommandHandler } from '../features/sync/command-bus';
import { requireSupervisor, requireSupervisorOf } from './supervisor-scope';

/**
 * "Jump this customer ahead": a waiting contact goes before every contact not jumped (the routing
 * priority's `jumpedAt`); an earlier jump keeps its place. The console shows the impact first.
 */
export const jumpContactHandler: CommandHandler<typeof COMMAND_TYPES.jumpContact> = {
  type: COMMAND_TYPES.jumpContact,
  async handle({ tx, actor, now }, command) {
    requireSupervisor(actor);
    const row = await lockContact(tx, command.payload.contactId);
    if (!row) throw new AppError('not_found', `No contact ${command.payload.contactId}`);
    const queue = await findQueue(tx, row.queueId);
    if (!queue) throw new AppError('not_found', `No queue ${row.queueId}`);
    requireSupervisorOf(actor, queue);
    checkVersion(command.expectedVersion, row, contactOf(row));
    if (row.status !== 'queued') {
      throw new AppError(
        'conflict',
        `Only a waiting contact can jump the line; it is ${row.status}`,
        contactOf(row),
      );
    }
    if (row.jumpedAt) return { entity: contactOf(row), events: [] };
    const next = contactOf(await changeContact(tx, row, { jumpedAt: now }));
    return { entity: next, events: [contactEvent(next)], afterCommit: (effects) => effects.kickRouting() };
  },
};
