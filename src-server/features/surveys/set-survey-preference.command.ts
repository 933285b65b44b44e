import { eq } from 'drizzle-orm';
import { customers } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import type { CommandDefinition } from '../sync/command-bus';
import { mayReadCustomer } from '../customers/customers.repository';

/**
 * How often a customer is surveyed (every case, at most monthly, never): agents for the
 * customers their work reaches, supervisors and admins for every customer. Any other customer
 * answers as a missing one.
 */
export const setSurveyPreferenceCommand: CommandDefinition<typeof COMMAND_TYPES.setSurveyPreference> = {
  who: ['agent', 'supervisor', 'admin'],
  scope: async ({ tx, actor }, { payload }) =>
    (await mayReadCustomer(tx, actor, payload.customerId))
      ? { allowed: true }
      : { allowed: false, reason: `No customer ${payload.customerId}`, as: 'not_found' },
  async handle({ tx }, { payload }) {
    const [row] = await tx
      .select({ version: customers.version })
      .from(customers)
      .where(eq(customers.id, payload.customerId))
      .for('update')
      .limit(1);
    if (!row) throw new AppError('not_found', `No customer ${payload.customerId}`);
    const [updated] = await tx
      .update(customers)
      .set({ surveyFrequency: payload.frequency, version: row.version + 1 })
      .where(eq(customers.id, payload.customerId))
      .returning({ version: customers.version });
    if (!updated) throw new Error('customer update returned nothing');
    return {
      entity: { customerId: payload.customerId, frequency: payload.frequency, version: updated.version },
      events: [],
    };
  },
};
