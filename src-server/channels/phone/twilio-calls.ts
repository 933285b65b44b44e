import type { Tx } from '../../db/database';
import type { TwilioVoiceParams } from '../../../src-shared/protocol/phone';
import type { CommandSettings } from '../../features/sync/command-bus';
import type { InboundChange } from '../inbound-commit';
import { lockCall, openCall, planCall, type IncomingCall } from './call-intake';
import { endCall } from './call-transitions';
import { say, twimlResponse, verb } from './twiml';

export const TWILIO_VOICE_PATH = '/api/v1/channels/voice/twilio';
export const TWILIO_STATUS_PATH = '/api/v1/channels/voice/twilio/status';

/** Steps of the closed-queue menu, as `?step=` on the voice URL (Twilio signs the query too). */
export type VoiceStep = 'closed-menu' | 'voicemail';

const CALLBACK_DIGIT = '1';
const VOICEMAIL_MAX_SECONDS = 120;

/**
 * A call comes in (no step): open queue → a phone contact, and the caller waits in Twilio's
 * queue named after ours. Closed queue → nothing is queued; the caller is offered a callback
 * (press 1 → a callback contact due when the queue opens) or else leaves a voicemail, which
 * becomes a contact waiting in the queue for the opening.
 */
export async function answerVoice(
  tx: Tx,
  params: TwilioVoiceParams,
  step: VoiceStep | undefined,
  now: Date,
  settings: CommandSettings,
): Promise<InboundChange<string>> {
  const call: IncomingCall = {
    provider: 'twilio',
    externalId: params.CallSid,
    from: params.From,
    to: params.To,
    ivr: {},
  };
  if (step === 'voicemail') return leaveVoicemail(tx, call, params, now, settings);
  if (step === 'closed-menu') return closedMenuChoice(tx, call, params, now, settings);
  const known = await lockCall(tx, 'twilio', params.CallSid);
  if (known) return { result: enqueueTwiml(known.queueId), events: [] };
  const plan = await planCall(tx, call, now, settings);
  if (!plan.queueOpen) return { result: closedMenuTwiml(), events: [] };
  const { contact, events } = await openCall(tx, call, plan, now, settings);
  return { result: enqueueTwiml(contact.queueId), events, kickRouting: true };
}

function enqueueTwiml(queueId: string): string {
  return twimlResponse([
    say('Thank you for calling. An agent will be with you shortly.'),
    verb('Enqueue', {}, { text: queueId }),
  ]);
}

function closedMenuTwiml(): string {
  return twimlResponse([
    verb(
      'Gather',
      { numDigits: 1, action: `${TWILIO_VOICE_PATH}?step=closed-menu`, method: 'POST', timeout: 8 },
      [say('We are closed right now. Press 1 and we will call you back when we open.')],
    ),
    ...voicemailVerbs(),
  ]);
}

function voicemailVerbs(): string[] {
  return [
    say('Please leave a message after the tone.'),
    verb('Record', {
      action: `${TWILIO_VOICE_PATH}?step=voicemail`,
      method: 'POST',
      maxLength: VOICEMAIL_MAX_SECONDS,
      playBeep: 'true',
    }),
  ];
}

async function closedMenuChoice(
  tx: Tx,
  call: IncomingCall,
  params: TwilioVoiceParams,
  now: Date,
  settings: CommandSettings,
): Promise<InboundChange<string>> {
  if (params.Digits !== CALLBACK_DIGIT) return { result: twimlResponse(voicemailVerbs()), events: [] };
  const callback: IncomingCall = {
    ...call,
    channel: 'callback',
    externalId: `callback:${params.CallSid}`,
    subject: 'Callback requested while closed',
  };
  const known = await lockCall(tx, 'twilio', callback.externalId);
  if (known) return { result: callbackTwiml(), events: [] };
  let plan;
  try {
    plan = await planCall(tx, callback, now, settings);
  } catch {
    // No queue takes callbacks: a voicemail still reaches someone.
    return { result: twimlResponse(voicemailVerbs()), events: [] };
  }
  const { events } = await openCall(tx, { ...callback, dueAt: plan.opensAt ?? now }, plan, now, settings);
  return { result: callbackTwiml(), events, kickRouting: true };
}

function callbackTwiml(): string {
  return twimlResponse([
    say('Thank you. We will call you back as soon as we open. Goodbye.'),
    verb('Hangup'),
  ]);
}

async function leaveVoicemail(
  tx: Tx,
  call: IncomingCall,
  params: TwilioVoiceParams,
  now: Date,
  settings: CommandSettings,
): Promise<InboundChange<string>> {
  const goodbye = twimlResponse([say('Thank you for your message. Goodbye.'), verb('Hangup')]);
  if (!params.RecordingUrl) return { result: goodbye, events: [] };
  const voicemail: IncomingCall = {
    ...call,
    externalId: `voicemail:${params.CallSid}`,
    subject: `Voicemail: ${params.RecordingUrl}`,
  };
  if (await lockCall(tx, 'twilio', voicemail.externalId)) return { result: goodbye, events: [] };
  const plan = await planCall(tx, voicemail, now, settings);
  const { events } = await openCall(tx, voicemail, plan, now, settings);
  return { result: goodbye, events, kickRouting: true };
}

const FINISHED = new Set(['completed', 'busy', 'no-answer', 'failed', 'canceled']);

/** Twilio's status callback: a finished call ends (answered) or is abandoned (still waiting). */
export async function applyVoiceStatus(
  tx: Tx,
  params: TwilioVoiceParams,
  now: Date,
): Promise<InboundChange<{ contactId: string | null; status: string | null }>> {
  const row = await lockCall(tx, 'twilio', params.CallSid);
  if (!row) return { result: { contactId: null, status: null }, events: [] };
  if (!FINISHED.has(params.CallStatus))
    return { result: { contactId: row.id, status: row.status }, events: [] };
  // endCall abandons a call still waiting (queued or offered) and wraps up an answered one.
  const change = await endCall(tx, row, now);
  return {
    result: { contactId: change.row.id, status: change.row.status },
    events: change.events,
    kickRouting: change.kickRouting,
  };
}
