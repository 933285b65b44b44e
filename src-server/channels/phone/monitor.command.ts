import { randomUUID } from 'node:crypto';
import { contactMonitors } from '../../db/schema';
import { AppError } from '../../platform/errors';
import {
  COACHING_COMMAND_TYPES as T,
  type MonitorSession,
} from '../../../src-shared/protocol/coaching-commands';
import { lockContact } from '../../features/contacts/contacts.repository';
import {
  coachPhone,
  coachTeamIds,
  inScope,
  isCoaching,
  teamOf,
} from '../../features/coaching/coaching-scope';
import type { CommandHandler } from '../../features/sync/command-bus';
import { fromPhoneSystem, tellPhoneSystem } from '../../features/outbound/call-control-job';

const LIVE_CALL_STATUSES = new Set(['active']);

/**
 * A coach or supervisor joins their phone to a live call: listen-only (monitor), heard by the
 * agent only (whisper) or in the conversation (barge). The phone system is asked through the
 * call-control job (generic CTI: a signed `monitor|whisper|barge` control with the coach's
 * number), and the request is recorded on the contact.
 */
export function createMonitorCallHandler({ kickOutbound }: { kickOutbound(): void }): CommandHandler {
  const handler: CommandHandler<typeof T.monitorCall> = {
    type: T.monitorCall,
    async handle({ tx, actor, now }, { payload }) {
      if (!isCoaching(actor)) throw new AppError('forbidden', 'Only coaches and supervisors monitor calls');
      const row = await lockContact(tx, payload.contactId);
      if (!row) throw new AppError('not_found', `No contact ${payload.contactId}`);
      if (!row.agentId || !inScope(await coachTeamIds(tx, actor), await teamOf(tx, row.agentId))) {
        throw new AppError('forbidden', `Contact ${row.id} was handled by an agent outside your teams`);
      }
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
  return handler as CommandHandler;
}
