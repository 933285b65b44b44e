import { z } from 'zod';
import type { Tx } from '../../db/database';
import { enqueueJob } from './outbound-jobs';

/** A notice to staff (an escalation): not part of any case's conversation, so not a message row. */
export const StaffMailPayload = z.object({
  to: z.array(z.email()).min(1).max(50),
  subject: z.string().min(1).max(300),
  text: z.string().max(20_000),
});
export type StaffMailPayload = z.infer<typeof StaffMailPayload>;

/** Queued in the caller's transaction; the email channel sends it (job kind `staff_email`). */
export async function enqueueStaffMail(tx: Tx, mail: StaffMailPayload): Promise<void> {
  await enqueueJob(tx, { id: `job_staff_${crypto.randomUUID()}`, kind: 'staff_email', payload: mail });
}
