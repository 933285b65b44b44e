import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import type { CommandDefinition } from '../sync/command-bus';
import { anyone, servesQueue } from '../access/command-scopes';
import { openContact } from './contact-intake';

/** A contact logged by hand; supervisors and admins (channels create theirs without a command). */
export const createContactCommand: CommandDefinition<typeof COMMAND_TYPES.createContact> = {
  who: ['supervisor', 'admin'],
  scope: anyone,
  async handle({ tx, now, settings }, command) {
    const { contactId, ...input } = command.payload;
    const { contact, events } = await openContact(tx, { id: contactId, ...input }, now, settings);
    return { entity: contact, events, afterCommit: (effects) => effects.kickRouting() };
  },
};

/** An agent promises a customer a call back; it joins the queue when due. */
export const scheduleCallbackCommand: CommandDefinition<typeof COMMAND_TYPES.scheduleCallback> = {
  who: ['agent', 'supervisor'],
  scope: servesQueue((_, { payload }) => payload.queueId, 'You do not serve that queue'),
  async handle({ tx, now, settings }, command) {
    const { contactId, phone, note, dueAt, ...rest } = command.payload;
    const due = new Date(dueAt);
    if (due.getTime() < now.getTime() - 60_000) throw new AppError('invalid', 'The callback time has passed');
    const { contact, events } = await openContact(
      tx,
      {
        id: contactId,
        channel: 'callback',
        from: phone,
        subject: note,
        impact: 'medium',
        urgency: 'medium',
        dueAt: due,
        ...rest,
      },
      now,
      settings,
    );
    return { entity: contact, events, afterCommit: (effects) => effects.kickRouting() };
  },
};
