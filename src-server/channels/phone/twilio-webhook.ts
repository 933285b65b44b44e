import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { refuseNulText } from '../../platform/nul-input';
import { TwilioVoiceParams } from '../../../src-shared/protocol/phone';
import type { ChannelContext } from '../channels';
import { twilioTokenOf } from './phone-secrets';
import { keepRawBodies, rawBodyOf } from './raw-body';
import { isValidTwilioSignature } from './signatures';
import { TWILIO_STATUS_PATH, TWILIO_VOICE_PATH, answerVoice, applyVoiceStatus } from './twilio-calls';
import { applyOnce, bodyHash } from './webhook-receipts';

const VoiceQuery = z.object({ step: z.enum(['closed-menu', 'voicemail']).optional() });
const StatusResult = z.object({ contactId: z.string().nullable(), status: z.string().nullable() });

/**
 * Twilio's voice webhook (answers TwiML) and its status callback. Both check X-Twilio-Signature
 * over the URL Twilio called (AGENTDECK_PUBLIC_URL + path when set) and the sorted parameters.
 */
export function registerTwilioWebhooks(http: FastifyInstance, ctx: ChannelContext): void {
  void http.register(async (scope) => {
    keepRawBodies(scope);
    const tags = ['channels'];
    scope.post(
      TWILIO_VOICE_PATH,
      { schema: { tags, summary: 'Twilio voice webhook (form-encoded, X-Twilio-Signature); answers TwiML' } },
      async (req, reply) => {
        const { params, raw, url } = verified(req, ctx);
        const query = VoiceQuery.safeParse(req.query);
        if (!query.success) throw new AppError('invalid', 'Unknown step', query.error.issues);
        const twiml = await applyOnce(
          ctx,
          `twilio:${bodyHash(url + raw)}`,
          (s) => z.string().parse(s),
          (tx, now) => answerVoice(tx, params, query.data.step, now, ctx.settings),
        );
        return sendTwiml(reply, twiml);
      },
    );
    scope.post(
      TWILIO_STATUS_PATH,
      { schema: { tags, summary: 'Twilio call status callback: a finished call ends or is abandoned' } },
      async (req, reply) => {
        const { params, raw, url } = verified(req, ctx);
        await applyOnce(
          ctx,
          `twilio:${bodyHash(url + raw)}`,
          (s) => StatusResult.parse(s),
          (tx, now) => applyVoiceStatus(tx, params, now),
        );
        return sendTwiml(reply, '<?xml version="1.0" encoding="UTF-8"?><Response/>');
      },
    );
  });
}

function sendTwiml(reply: FastifyReply, twiml: string) {
  return reply.type('text/xml; charset=utf-8').send(twiml);
}

/** 503 without a token, 403 on a wrong signature, 400 on a body that is not a Twilio call. */
function verified(req: FastifyRequest, ctx: ChannelContext) {
  const token = twilioTokenOf(ctx.config);
  if (!token) throw new AppError('unavailable', 'The Twilio webhook is not configured (TWILIO_AUTH_TOKEN)');
  const raw = rawBodyOf(req.body).toString('utf8');
  const pairs = [...new URLSearchParams(raw).entries()];
  const url = calledUrl(req, ctx.config.publicUrl);
  if (!isValidTwilioSignature(token, url, pairs, req.headers['x-twilio-signature'])) {
    throw new AppError('forbidden', 'Missing or wrong X-Twilio-Signature');
  }
  const fields = Object.fromEntries(pairs);
  refuseNulText(fields, 'body');
  const params = TwilioVoiceParams.safeParse(fields);
  if (!params.success) throw new AppError('invalid', 'Not a Twilio voice request', params.error.issues);
  return { params: params.data, raw, url };
}

/** The URL Twilio called: the configured public address, else what this request says it was. */
function calledUrl(req: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '') + req.url;
  return `${req.protocol}://${req.headers.host ?? 'localhost'}${req.url}`;
}
