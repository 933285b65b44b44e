import type { ChannelContext, ChannelModule } from '../channels';
import { createReplySender } from './reply-sender';

/** Agents' email replies leave through the durable outbound queue (job kind `email`). */
export function createEmailReplyChannel(ctx: ChannelContext): ChannelModule {
  return { name: 'email-replies', senders: { email: createReplySender(ctx) } };
}
