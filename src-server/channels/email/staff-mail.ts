import { StaffMailPayload } from '../../features/outbound/staff-mail-queue';
import { PermanentJobError, type JobSender } from '../../features/outbound/outbound-jobs';
import type { ChannelDeps } from '../inbound-commit';
import { createMailDelivery } from './reply-sender';

/** Sends staff notices over the same relay (or mail-out directory) as replies. */
export function createStaffMailSender(deps: Pick<ChannelDeps, 'config'>): JobSender {
  const deliver = createMailDelivery(deps.config);
  return {
    async send(payload, job) {
      const parsed = StaffMailPayload.safeParse(payload);
      if (!parsed.success)
        throw new PermanentJobError(`The staff mail job is malformed: ${parsed.error.message}`);
      const { to, subject, text } = parsed.data;
      await deliver({ from: deps.config.mailFrom, to, subject, text }, job.id);
    },
  };
}
