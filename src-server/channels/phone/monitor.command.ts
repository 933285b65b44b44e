import { randomUUID } from 'node:crypto';
import { contactMonitors } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import { type MonitorSession } from '../../../src-shared/protocol/coaching-commands';
import { lockContact } from '../../features/contacts/contacts.repository';
import { coachPhone } from '../../features/coaching/coaching-scope';
import { coachesAgent, teamOfContactAgent } from '../../features/access/command-scopes';
import type { CommandDefinition } from '../../features/sync/command-bus';
import { fromPhoneSystem, tellPhoneSystem } from '../../features/outbound/call-control-job';

const LIVE_CALL_STATUSES = new Set(['active']);

/**
 * A coach or supervisor joins their phone to a live call: listen-only (monitor), heard by the
 * agent only (whisper) or in the conversation (barge). The phone system is asked through the
 * call-control job (generic CTI: a signed `monitor|whisper|barge` control with the coach's
 * number), and the request is recorded on the contact.
 */
export function createMonitorCallCommand({
  kickOutbound,
}: {
  kickOutbound(): void;
}): CommandDefinition<typeof T.monitorCall> {
  return {
    who: ['coach', 'supervisor', 'admin'],
    // A contact no agent handled has no team: nobody coaches it.
    scope: coachesAgent(
      async ({ tx }, { payload }) => (await teamOfContactAgent(tx, payload.contactId)) ?? null,
      'This contact was handled by an agent outside your teams',
    ),
    async handle({ tx, actor, now }, { payload }) {
      const row = await lockContact(tx, payload.contactId);
      if (!row) throw new AppError('not_found', `No contact ${payload.contactId}`);
      if (row.channel !== 'phone' && row.channel !== 'callback')
        throw new AppError('invalid', 'Only calls are monitored');
      if (!LIVE_CALL_STATUSES.has(row.status))
        throw new AppError('conflict', `The call is ${row.status}, not live`);
      if (!fromPhoneSystem(row.provider)) {
        throw new AppError(
          'invalid',
          'This call did not come through a phone system, so nothing can join it',
        );
      }
      const phone = payload.phone ?? (await coachPhone(tx, actor.id));
      if (!phone)
        throw new AppError('invalid', 'phone: no number on your coach profile; name the phone to ring');
      const session: MonitorSession = {
        id: `mon_${randomUUID()}`,
        contactId: row.id,
        coachId: actor.id,
        mode: payload.mode,
        phone,
        at: now.toISOString(),
      };
      await tx.insert(contactMonitors).values({ ...session, at: now });
      await tellPhoneSystem(tx, row, payload.mode, { phone });
      return { entity: session, events: [], afterCommit: () => kickOutbound() };
    },
  };
}
