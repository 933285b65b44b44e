import type { ChannelContext, ChannelModule, Channels } from '../channels';
import { createSmtpListener } from './smtp-listener';

const NAME = 'email-in';

export interface EmailInModule extends ChannelModule {
  /** The port inbound SMTP is bound to (AGENTDECK_SMTP_PORT, or the one picked for 0). */
  smtpPort(): number | null;
}

/** Customers' mail arrives over SMTP on AGENTDECK_SMTP_PORT, for the support mailboxes only. */
export function createEmailInChannel(ctx: ChannelContext): EmailInModule {
  const listener = createSmtpListener(ctx);
  return {
    name: NAME,
    start: () => listener.start(),
    stop: () => listener.stop(),
    smtpPort: () => listener.port(),
  };
}

/** The inbound SMTP port of a running app (tests start it on port 0). */
export function inboundSmtpPort(channels: Channels): number {
  const module = channels.modules.find((m): m is EmailInModule => m.name === NAME);
  const port = module?.smtpPort();
  if (!port) throw new Error('inbound SMTP is not listening');
  return port;
}
