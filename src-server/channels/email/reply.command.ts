import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { messages } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import {
  bareAddress,
  newMessageId,
  replySubject,
  replyThreading,
} from '../../../src-shared/domain/email-threading';
import { lockCase } from '../../features/cases/cases.repository';
import type { CommandDefinition } from '../../features/sync/command-bus';
import { queueOfCase, servesQueue } from '../../features/access/command-scopes';
import { addMessage } from '../../features/cases/case-records';
import { enqueueJob } from '../../features/outbound/outbound-jobs';
import type { EmailJobPayload } from './email-job';
import { defaultRecipient, isAutomatedSender, lastInboundMessage } from './reply-recipient';

/**
 * `case:reply`: an agent's email answer. In one transaction it stores the outbound message
 * (delivery queued, threaded under the customer's last message) and the job that sends it, so
 * the email goes out if and only if the reply is saved. Agents answer on cases of the queues
 * they serve; supervisors and admins on any case.
 */
export function createReplyCommand(deps: {
  mailFrom: string;
  /** Send the committed job now rather than at the worker's next tick. */
  kickOutbound(): void;
}): CommandDefinition<typeof COMMAND_TYPES.reply> {
  return {
    who: ['agent', 'supervisor', 'admin'],
    scope: servesQueue(
      ({ tx }, { payload }) => queueOfCase(tx, payload.caseId),
      'This case belongs to a queue you do not serve',
    ),
    async handle({ tx, actor, now }, command) {
      const { caseId, messageId, body, to } = command.payload;
      const kase = await lockCase(tx, caseId);
      if (!kase) throw new AppError('not_found', `No case ${caseId}`);
      const [existing] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(eq(messages.id, messageId));
      if (existing) throw new AppError('conflict', `A message ${messageId} already exists`);

      const answered = await lastInboundMessage(tx, caseId);
      const recipient = to ?? (await defaultRecipient(tx, kase, answered));
      if (!recipient) throw new AppError('invalid', 'This case has no email address to reply to');
      if (await isAutomatedSender(tx, caseId, recipient)) {
        throw new AppError('invalid', `${recipient} only sent automatic mail (an auto-reply or a bounce)`);
      }
      const threading = replyThreading(answered);
      const { message, event } = await addMessage(
        tx,
        {
          id: messageId,
          caseId,
          direction: 'outbound',
          channel: 'email',
          fromAddress: bareAddress(deps.mailFrom),
          fromName: actor.displayName,
          toAddresses: [recipient],
          subject: replySubject(answered?.subject ?? kase.subject, kase.number),
          bodyText: body,
          messageId: newMessageId(randomUUID(), deps.mailFrom),
          inReplyTo: threading.inReplyTo,
          references: threading.references,
          authorId: actor.id,
          delivery: 'queued',
          at: now,
        },
        { queueId: kase.queueId, agentId: actor.id },
      );
      await enqueueJob(tx, {
        id: randomUUID(),
        kind: 'email',
        payload: { messageId } satisfies EmailJobPayload,
      });
      return { entity: message, events: [event], afterCommit: () => deps.kickOutbound() };
    },
  };
}
