import { AppError } from '../../platform/errors';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { hasRole } from '../auth/actor';
import type { CommandHandler } from '../sync/command-bus';
import { openContact } from './contact-intake';

/** A contact logged by hand; supervisors and admins (channels create theirs without a command). */
export const createContactHandler: CommandHandler<typeof COMMAND_TYPES.createContact> = {
  type: COMMAND_TYPES.createContact,
  async handle({ tx, actor, now, settings }, command) {
    if (!hasRole(actor, 'supervisor', 'admin')) {
      throw new AppError('forbidden', 'Only supervisors and admins log contacts by hand');
    }
    const { contactId, ...input } = command.payload;
    const { contact, events } = await openContact(tx, { id: contactId, ...input }, now, settings);
    return { entity: contact, events, afterCommit: (effects) => effects.kickRouting() };
  },
};

/** An agent promises a customer a call back; it joins the queue when due. */
export const scheduleCallbackHandler: CommandHandler<typeof COMMAND_TYPES.scheduleCallback> = {
  type: COMMAND_TYPES.scheduleCallback,
  async handle({ tx, actor, now, settings }, command) {
    if (!hasRole(actor, 'agent', 'supervisor')) {
      throw new AppError('forbidden', 'Only agents and supervisors schedule callbacks');
    }
    const { contactId, phone, note, dueAt, ...rest } = command.payload;
    const due = new Date(dueAt);
    if (due.getTime() < now.getTime() - 60_000) throw new AppError('invalid', 'The callback time has passed');
    if (!hasRole(actor, 'supervisor') && !actor.queueIds.includes(rest.queueId)) {
      throw new AppError('forbidden', 'You do not serve that queue');
    }
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
