import { z } from 'zod';
import type { Tx } from '../../db/database';
import { PermanentJobError, enqueueJob, type JobSender } from '../../features/outbound/outbound-jobs';
import type { ChannelDeps } from '../inbound-commit';
import { createMailDelivery } from './reply-sender';

/** A notice to staff (an escalation): not part of any case's conversation, so not a message row. */
export const StaffMailPayload = z.object({
  to: z.array(z.email()).min(1).max(50),
  subject: z.string().min(1).max(300),
  text: z.string().max(20_000),
});
export type StaffMailPayload = z.infer<typeof StaffMailPayload>;

/** Queued in the caller's transaction; the outbound worker sends it (job kind `staff_email`). */
export async function enqueueStaffMail(tx: Tx, mail: StaffMailPayload): Promise<void> {
  await enqueueJob(tx, { id: `job_staff_${crypto.randomUUID()}`, kind: 'staff_email', payload: mail });
}

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
