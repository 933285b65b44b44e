import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { OPEN_CONTACT_STATUSES } from '../../../src-shared/protocol/contacts';
import { findCustomer } from '../customers/customers.repository';
import { createQuickCustomer } from '../customers/quick-customer';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import { anyOf, contactPlace, hasAnyRole, isSelf } from '../access/command-scopes';
import { contactEvent } from './contact-events';
import { contactOf } from './contact-row';
import { changeContact, lockContact } from './contacts.repository';

const OPEN: ReadonlySet<string> = new Set(OPEN_CONTACT_STATUSES);

/**
 * The agent says who a contact is from (picked, searched, or created on the spot). Kept on the
 * contact with who chose and when: the next contact from that number or address pops them.
 * The agent offered or holding the contact, or a supervisor, may say so while it is open.
 */
export const identifyContactCommand: CommandDefinition<typeof COMMAND_TYPES.identifyContact> = {
  who: ['agent', 'supervisor', 'admin'],
  scope: anyOf(
    hasAnyRole(['supervisor', 'admin'], 'Only supervisors identify contacts they do not hold'),
    isSelf(async ({ tx }, { payload }) => (await contactPlace(tx, payload.contactId))?.agentId ?? '', {
      reason: 'No such contact offered to you or held by you',
      as: 'not_found',
    }),
  ),
  async handle({ tx, actor, now, settings }, command) {
    const { contactId, customerId, newCustomer } = command.payload;
    const row = await lockContact(tx, contactId);
    if (!row) throw new AppError('not_found', `No contact ${contactId} offered to you or held by you`);
    if (!OPEN.has(row.status)) {
      throw new AppError(
        'conflict',
        `The contact is ${row.status}: its caller can no longer be changed`,
        contactOf(row),
      );
    }
    checkVersion(command.expectedVersion, row, contactOf(row));
    const chosen = newCustomer
      ? await createQuickCustomer(tx, newCustomer, now, settings.phoneRegion)
      : customerId;
    if (!chosen || !(await findCustomer(tx, chosen))) {
      throw new AppError('invalid', `customerId: no customer ${customerId ?? ''}`);
    }
    const next = contactOf(
      await changeContact(tx, row, { customerId: chosen, identifiedBy: actor.id, identifiedAt: now }),
    );
    return { entity: next, events: [contactEvent(next)] };
  },
};
