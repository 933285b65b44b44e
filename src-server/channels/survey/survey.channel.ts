import type { ChannelContext, ChannelModule } from '../channels';
import { createSurveyMailSender } from './survey-mail';
import { registerSurveyPageRoutes } from './survey-page.routes';

/**
 * Customer satisfaction surveys: the email a resolved case queues (job kind `survey_email`) and
 * the public page its link opens. Sending needs the server's address, known once it listens.
 */
export function createSurveyChannel(ctx: ChannelContext): ChannelModule {
  let sender: ReturnType<typeof createSurveyMailSender> | null = null;
  return {
    name: 'surveys',
    register(http) {
      registerSurveyPageRoutes(http, ctx);
      sender = createSurveyMailSender(ctx, http);
    },
    senders: {
      survey_email: {
        send: (payload, job) => {
          if (!sender) throw new Error('The survey channel is not registered yet');
          return sender.send(payload, job);
        },
      },
    },
  };
}
