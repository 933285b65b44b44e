import { z } from 'zod';
import { IvrInput } from './contacts';

/** Events the generic CTI webhook understands (PRODUCT.md, integration surface). */
export const CTI_EVENTS = [
  'call.offered',
  'call.answered',
  'call.held',
  'call.resumed',
  'call.transferred',
  'call.ended',
  'call.abandoned',
] as const;
export const CtiEventName = z.enum(CTI_EVENTS);
export type CtiEventName = z.infer<typeof CtiEventName>;

/** One event from a phone system: `POST /api/v1/channels/cti/events`. */
export const CtiEvent = z.object({
  callId: z.string().trim().min(1).max(128),
  event: CtiEventName,
  /** The caller's number (ANI), normalised to E.164 where possible. */
  from: z.string().trim().max(64),
  /** The number called, or for call.transferred the queue the call moves to. */
  to: z.string().trim().max(64),
  at: z.iso.datetime({ offset: true }).optional(),
  ivr: IvrInput.optional(),
});
export type CtiEvent = z.infer<typeof CtiEvent>;

/** What the CTI webhook answers (and answers again, unchanged, to a replay). */
export const CtiEventResult = z.object({
  contactId: z.string(),
  status: z.string(),
  queueId: z.string(),
  /** Whether the contact's queue is open now (business hours); a closed queue keeps the call waiting. */
  queueOpen: z.boolean(),
  /** When a closed queue opens next (ISO), null when open or closed for the next 14 days. */
  opensAt: z.string().nullable(),
});
export type CtiEventResult = z.infer<typeof CtiEventResult>;

/** Twilio's voice request parameters we use (everything else Twilio sends is signed but ignored). */
export const TwilioVoiceParams = z.object({
  CallSid: z.string().trim().min(1).max(64),
  From: z.string().trim().max(64).default(''),
  To: z.string().trim().max(64).default(''),
  CallStatus: z.string().trim().max(32).default(''),
  Digits: z.string().trim().max(32).optional(),
  RecordingUrl: z.url().max(500).optional(),
});
export type TwilioVoiceParams = z.infer<typeof TwilioVoiceParams>;

/** What a call-control job asks the phone system to do. */
export const CALL_ACTIONS = [
  'answer',
  'hold',
  'resume',
  'transfer',
  'end',
  /** A coach's phone joins the call listen-only; `target.phone` is the coach's number. */
  'monitor',
  /** …heard by the agent only. */
  'whisper',
  /** …joining the conversation. */
  'barge',
] as const;
export const CallAction = z.enum(CALL_ACTIONS);
export type CallAction = z.infer<typeof CallAction>;

export const CallTarget = z.object({
  agentId: z.string().max(64).optional(),
  queueId: z.string().max(64).optional(),
  /** monitor, whisper, barge: the number of the coach's phone to join. */
  phone: z.string().max(32).optional(),
});
export type CallTarget = z.infer<typeof CallTarget>;

/** The durable job behind a console call control (outbound_jobs kind `call_control`). */
export const CallControlJob = z.object({
  contactId: z.string(),
  provider: z.enum(['cti', 'twilio']),
  callId: z.string().min(1),
  action: CallAction,
  target: CallTarget.optional(),
});
export type CallControlJob = z.infer<typeof CallControlJob>;
