import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors';
import { refuseNulText } from '../../platform/nul-input';
import { CtiEvent, CtiEventResult } from '../../../src-shared/protocol/phone';
import type { ChannelContext } from '../channels';
import { applyCtiEvent } from './cti-events';
import { ctiSecretOf } from './phone-secrets';
import { keepRawBodies, rawBodyOf } from './raw-body';
import { checkCtiSignature } from './signatures';
import { applyOnce, bodyHash } from './webhook-receipts';

export const CTI_EVENTS_PATH = '/api/v1/channels/cti/events';
export const CTI_SIGNATURE_HEADER = 'x-agentdeck-signature';
export const CTI_TIMESTAMP_HEADER = 'x-agentdeck-timestamp';

/**
 * `POST /api/v1/channels/cti/events`: the generic CTI webhook. Checks the HMAC over the
 * timestamp and the raw bytes before reading anything (a timestamp more than 300 s off is
 * refused), then applies the event once (a replay answers the same).
 */
export function registerCtiWebhook(http: FastifyInstance, ctx: ChannelContext): void {
  void http.register(async (scope) => {
    keepRawBodies(scope);
    scope.post(
      CTI_EVENTS_PATH,
      {
        schema: {
          tags: ['channels'],
          summary:
            'Generic CTI call event (call.offered … call.abandoned), signed: X-Agentdeck-Timestamp: <unix seconds> and X-Agentdeck-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">; more than 300 s off is refused',
        },
      },
      async (req) => {
        const secret = ctiSecretOf(ctx.config);
        if (!secret)
          throw new AppError('unavailable', 'The CTI webhook is not configured (AGENTDECK_CTI_SECRET)');
        const raw = rawBodyOf(req.body);
        const signed = checkCtiSignature({
          secret,
          rawBody: raw,
          signature: req.headers[CTI_SIGNATURE_HEADER],
          timestamp: req.headers[CTI_TIMESTAMP_HEADER],
          nowSeconds: Math.floor(Date.now() / 1000),
          allowLegacy: ctx.config.ctiLegacySignatures,
        });
        if (!signed.ok) throw new AppError('unauthenticated', signed.reason);
        const json = parseJson(raw);
        refuseNulText(json, 'body');
        const event = CtiEvent.safeParse(json);
        if (!event.success) throw new AppError('invalid', 'The CTI event is not valid', event.error.issues);
        return applyOnce(
          ctx,
          `cti:${bodyHash(raw)}`,
          (stored) => CtiEventResult.parse(stored),
          (tx, now) => applyCtiEvent(tx, event.data, now, ctx.settings),
        );
      },
    );
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('invalid', 'The body is not JSON');
  }
}
