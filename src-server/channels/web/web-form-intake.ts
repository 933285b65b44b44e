import { randomUUID } from 'node:crypto';
import type { WebFormReceipt, WebFormSubmission } from '../../../src-shared/protocol/web-channel';
import { addMessage } from '../../features/cases/case-records';
import { commitInbound, type ChannelDeps } from '../inbound-commit';
import { openWebWork } from './web-intake';
import { webRequester } from './web-requester';

/**
 * A web form in one transaction: the case (theirs, or new), the message on it and a contact
 * for routing. Resolves after commit, so the 201 means it is stored.
 */
export async function receiveWebForm(
  deps: Pick<ChannelDeps, 'db' | 'effects' | 'settings'>,
  form: WebFormSubmission,
): Promise<WebFormReceipt> {
  const submissionId = `form_${randomUUID()}`;
  return commitInbound(deps, async (tx, now) => {
    const requester = await webRequester(tx, form.email, form.customerId);
    const { caseRow, contact, events } = await openWebWork(
      tx,
      {
        provider: 'web_form',
        requester,
        name: form.name,
        email: form.email,
        subject: form.subject,
        caseId: form.caseId,
        source: form.source,
        externalId: submissionId,
      },
      now,
      deps.settings,
    );
    const { event } = await addMessage(
      tx,
      {
        id: `msg_${randomUUID()}`,
        caseId: caseRow.id,
        contactId: contact.id,
        direction: 'inbound',
        channel: 'web',
        fromAddress: form.email,
        fromName: form.name,
        subject: form.subject,
        bodyText: form.message,
        at: now,
      },
      { queueId: contact.queueId },
    );
    events.push(event);
    return { result: { caseNumber: caseRow.number, caseId: caseRow.id }, events, kickRouting: true };
  });
}
