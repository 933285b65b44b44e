import type { ChannelContext, ChannelModule } from '../channels';
import { createReplySender } from './reply-sender';
import { createStaffMailSender } from './staff-mail';

/**
 * Agents' email replies (job kind `email`) and notices to staff (`staff_email`) leave through the
 * durable outbound queue.
 */
export function createEmailReplyChannel(ctx: ChannelContext): ChannelModule {
  return {
    name: 'email-replies',
    senders: { email: createReplySender(ctx), staff_email: createStaffMailSender(ctx) },
  };
}
