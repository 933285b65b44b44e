import type { Config } from '../../platform/config';
import { CallControlJob, type CallAction, type CallTarget } from '../../../src-shared/protocol/phone';
import { PermanentJobError, type JobSender } from '../../features/outbound/outbound-jobs';
import { ctiSecretOf, twilioTokenOf } from './phone-secrets';
import { ctiSignature } from './signatures';
import { say, twimlResponse, verb } from './twiml';

/** Tells one kind of phone system about a call control; throws to retry, PermanentJobError to give up. */
export interface CallControlAdapter {
  send(job: CallControlJob): Promise<void>;
}

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

const SEND_TIMEOUT_MS = 10_000;
/** Twilio's own sample hold music. */
const HOLD_MUSIC = 'http://com.twilio.sounds.music.s3.amazonaws.com/MARKOVICHAMP-Borghestral.mp3';

/** 2xx done; 4xx the phone system refuses for good; anything else is worth a retry. */
async function expectAccepted(response: Response, system: string): Promise<void> {
  if (response.ok) return;
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  const message = `${system} answered ${response.status} ${detail}`.trim();
  if (response.status >= 400 && response.status < 500) throw new PermanentJobError(message);
  throw new Error(message);
}

/** Signed as the phone system signs its events to us; every attempt anew, with its own time. */
function signedHeaders(secret: string, body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'x-agentdeck-timestamp': String(timestamp),
    'x-agentdeck-signature': ctiSignature(secret, timestamp, body),
  };
}

/** POSTs `{callId, action, target?}` to AGENTDECK_CTI_CALLBACK_URL, signed like the CTI's webhooks. */
export function genericCtiAdapter(config: Config, log: Log): CallControlAdapter {
  let warned = false;
  return {
    async send(job) {
      const secret = ctiSecretOf(config);
      if (!config.ctiCallbackUrl || !secret) {
        if (!warned)
          log.info(
            {},
            'AGENTDECK_CTI_CALLBACK_URL is not set: call controls are not sent to the phone system',
          );
        warned = true;
        return;
      }
      const body = JSON.stringify({
        callId: job.callId,
        action: job.action,
        ...(job.target ? { target: job.target } : {}),
      });
      const response = await fetch(config.ctiCallbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signedHeaders(secret, body) },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await expectAccepted(response, 'The phone system');
    },
  };
}

/** Updates the live call through Twilio's REST API: new TwiML for it, or `Status=completed`. */
export function twilioAdapter(config: Config, log: Log): CallControlAdapter {
  let warned = false;
  return {
    async send(job) {
      const token = twilioTokenOf(config);
      const sid = config.twilioAccountSid;
      if (!token || !sid) {
        if (!warned) log.info({}, 'TWILIO_ACCOUNT_SID is not set: call controls are not sent to Twilio');
        warned = true;
        return;
      }
      const base = config.twilioApiUrl.replace(/\/+$/, '');
      const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Calls/${encodeURIComponent(job.callId)}.json`;
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
        },
        body: new URLSearchParams(twilioUpdate(job.action, job.target)).toString(),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await expectAccepted(response, 'Twilio');
    },
  };
}

/** The call update for an action: agents are Twilio Clients named by their id, queues by theirs. */
export function twilioUpdate(action: CallAction, target: CallTarget | undefined): Record<string, string> {
  const dialAgent = (agentId: string) =>
    twimlResponse([verb('Dial', {}, [verb('Client', {}, { text: agentId })])]);
  switch (action) {
    case 'end':
      return { Status: 'completed' };
    case 'hold':
      return { Twiml: twimlResponse([say('Please hold.'), verb('Play', { loop: 0 }, { text: HOLD_MUSIC })]) };
    case 'answer':
    case 'resume':
    case 'transfer':
      if (target?.agentId) return { Twiml: dialAgent(target.agentId) };
      if (target?.queueId) return { Twiml: twimlResponse([verb('Enqueue', {}, { text: target.queueId })]) };
      throw new PermanentJobError(`${action} needs an agent or a queue`);
    case 'monitor':
    case 'whisper':
    case 'barge':
      // Twilio monitors through a conference (a muted participant); calls here are not conferences yet.
      throw new PermanentJobError(
        `${action} needs the call in a Twilio conference, which Agentdeck does not set up yet`,
      );
  }
}

/** The outbound queue's sender for `call_control` jobs: the adapter of the call's provider. */
export function callControlSender(
  adapters: Record<CallControlJob['provider'], CallControlAdapter>,
): JobSender {
  return {
    async send(payload) {
      const job = CallControlJob.safeParse(payload);
      if (!job.success) throw new PermanentJobError('Not a call-control job');
      await adapters[job.data.provider].send(job.data);
    },
  };
}
