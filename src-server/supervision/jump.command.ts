import { AppError } from '../platform/errors';
import type { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { findQueue } from '../features/directory/directory.repository';
import { contactEvent } from '../features/contacts/contact-events';
import { contactOf } from '../features/contacts/contact-row';
import { changeContact, lockContact } from '../features/contacts/contacts.repository';
import { checkVersion, type CommandDefinition } from '../features/sync/command-bus';
import { supervisesTeam, teamOfContactQueue } from '../features/access/command-scopes';

/**
 * "Jump this customer ahead": a waiting contact goes before every contact not jumped (the routing
 * priority's `jumpedAt`); an earlier jump keeps its place. The console shows the impact first.
 */
export const jumpContactCommand: CommandDefinition<typeof COMMAND_TYPES.jumpContact> = {
  who: ['supervisor', 'admin'],
  scope: supervisesTeam(({ tx }, { payload }) => teamOfContactQueue(tx, payload.contactId)),
  async handle({ tx, now }, command) {
    const row = await lockContact(tx, command.payload.contactId);
    if (!row) throw new AppError('not_found', `No contact ${command.payload.contactId}`);
    const queue = await findQueue(tx, row.queueId);
    if (!queue) throw new AppError('not_found', `No queue ${row.queueId}`);
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
