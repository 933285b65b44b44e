import type { Tx } from '../../db/database';
import type { CallAction, CallControlJob, CallTarget } from '../../../src-shared/protocol/phone';
import type { ContactRow } from '../contacts/contact-row';
import { enqueueJob } from './outbound-jobs';

/**
 * Tells the phone system what a person did in the console, reliably: a durable job written in the
 * command's transaction (sent after commit, retried until the phone system answers). Calls that
 * did not come through a phone adapter (logged by hand) have nobody to tell.
 */
export async function tellPhoneSystem(
  tx: Tx,
  row: ContactRow,
  action: CallAction,
  target?: CallTarget,
): Promise<boolean> {
  if (!fromPhoneSystem(row.provider) || !row.externalId) return false;
  const payload: CallControlJob = {
    contactId: row.id,
    provider: row.provider,
    callId: row.externalId,
    action,
    ...(target ? { target } : {}),
  };
  await enqueueJob(tx, { id: `job_call_${crypto.randomUUID()}`, kind: 'call_control', payload });
  return true;
}

/** Whether a phone system brought the call (a call logged by hand has no call to control). */
export function fromPhoneSystem(provider: string | null | undefined): provider is 'cti' | 'twilio' {
  return provider === 'cti' || provider === 'twilio';
}
