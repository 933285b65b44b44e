import type { ChannelContext, ChannelModule } from '../channels';
import { callControlSender, genericCtiAdapter, twilioAdapter } from './call-control-adapters';
import { registerCtiWebhook } from './cti-webhook';
import { DEMO_CTI_SECRET, DEMO_TWILIO_TOKEN } from './phone-secrets';
import { registerTwilioWebhooks } from './twilio-webhook';

/** The phone channel: the generic CTI and Twilio voice webhooks in, call controls out. */
export function createPhoneChannel(ctx: ChannelContext): ChannelModule {
  return {
    name: 'phone',
    register(http) {
      registerCtiWebhook(http, ctx);
      registerTwilioWebhooks(http, ctx);
    },
    senders: {
      call_control: callControlSender({
        cti: genericCtiAdapter(ctx.config, ctx.log),
        twilio: twilioAdapter(ctx.config, ctx.log),
      }),
    },
    async start() {
      const { config } = ctx;
      if (config.ctiLegacySignatures) {
        ctx.log.warn(
          {},
          'AGENTDECK_CTI_LEGACY_SIGNATURES is on: the CTI webhook also takes body-only signatures without a timestamp, which can be replayed; turn it off once the phone system sends X-Agentdeck-Timestamp',
        );
      }
      if (!config.demoSeed) return;
      if (!config.ctiSecret) {
        ctx.log.warn(
          { secret: DEMO_CTI_SECRET },
          'demo mode: the CTI webhook accepts the well-known demo secret',
        );
      }
      if (!config.twilioAuthToken) {
        ctx.log.warn(
          { token: DEMO_TWILIO_TOKEN },
          'demo mode: the Twilio webhooks accept the well-known demo token',
        );
      }
    },
  };
}
