import { z } from 'zod';
import { Channel } from './channels';

/**
 * How a queue routes and how an agent takes work: the configuration admins edit and the routing
 * engine reads on every pass (a change takes effect on the next pass, no restart).
 */

export const Proficiency = z.number().int().min(1).max(5);

/** A skill a queue requires, with the lowest proficiency that still qualifies. */
export const RequiredSkill = z.object({ skillId: z.string().min(1).max(64), minProficiency: Proficiency });
export type RequiredSkill = z.infer<typeof RequiredSkill>;

/** A skill an agent holds. */
export const AgentSkill = z.object({ skillId: z.string().min(1).max(64), proficiency: Proficiency });
export type AgentSkill = z.infer<typeof AgentSkill>;

export const Skill = z.object({
  id: z.string(),
  kind: z.enum(['product', 'language', 'tier']),
  name: z.string(),
});
export type Skill = z.infer<typeof Skill>;

/** "80 % answered within 20 s": the share of contacts to answer within `seconds`. */
export const ServiceLevelTarget = z.object({
  seconds: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 3600),
  percent: z.number().min(1).max(100),
});
export type ServiceLevelTarget = z.infer<typeof ServiceLevelTarget>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time like 08:30');

/** One opening interval on a weekday (0 = Sunday … 6 = Saturday); several make a split shift. */
export const OpeningInterval = z
  .object({ day: z.number().int().min(0).max(6), open: clock, close: clock })
  .refine((i) => i.open < i.close, { message: 'closes after it opens', path: ['close'] });
export type OpeningInterval = z.infer<typeof OpeningInterval>;

/** Business hours in the queue's time zone; no intervals at all means open around the clock. */
export const BusinessHours = z.object({
  timeZone: z.string().min(1).max(64),
  weekly: z.array(OpeningInterval).max(7 * 4),
  /** Whole days closed, as `YYYY-MM-DD` in the queue's time zone. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

/** Contacts an agent may hold at once per channel (0: never offered that channel). */
export const ChannelCapacity = z.object({
  phone: z.number().int().min(0).max(1),
  email: z.number().int().min(0).max(20),
  web: z.number().int().min(0).max(20),
  chat: z.number().int().min(0).max(10),
  callback: z.number().int().min(0).max(1),
});
export type ChannelCapacity = z.infer<typeof ChannelCapacity>;

export const DEFAULT_CAPACITY: ChannelCapacity = { phone: 1, email: 5, web: 5, chat: 3, callback: 1 };

/** Seconds an offer waits for Accept before it goes to the next agent. */
export const OfferTimeouts = z.object({
  phone: z.number().int().min(5).max(600),
  email: z.number().int().min(5).max(3600),
  web: z.number().int().min(5).max(3600),
  chat: z.number().int().min(5).max(600),
  callback: z.number().int().min(5).max(600),
});
export type OfferTimeouts = z.infer<typeof OfferTimeouts>;

export const DEFAULT_OFFER_TIMEOUTS: OfferTimeouts = {
  phone: 20,
  email: 60,
  web: 60,
  chat: 60,
  callback: 20,
};

/**
 * Which new contacts enter this queue (docs/ROUTING.md, "Intake rules"): contacts sent to one of
 * its addresses (an email recipient, `@domain` for a whole domain), dialled to one of its numbers
 * (DNIS), or coming from one of its web forms or chat widgets; and, on the channels in
 * `defaultFor`, contacts no rule of any queue matched. Among several queues that match, the one
 * in the customer's language wins.
 */
export const IntakeRules = z.object({
  /** `support@example.com`, or `@example.com` for a whole domain. */
  addresses: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .min(2)
        .max(320)
        .regex(/^[^\s@]*@[^\s@]+\.[^\s@]+$/),
    )
    .max(50),
  /** Dialled numbers: digits, with an optional leading + and the usual separators. */
  numbers: z
    .array(
      z
        .string()
        .trim()
        .min(2)
        .max(32)
        .regex(/^\+?[\d\s().-]*\d[\d\s().-]*$/),
    )
    .max(50),
  /** Ids of web forms and chat widgets (letters, digits, `-`, `_`, `.`). */
  sources: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(64)
        .regex(/^[\w.-]+$/),
    )
    .max(50),
  defaultFor: z.array(Channel).max(5),
});
export type IntakeRules = z.infer<typeof IntakeRules>;

/** A queue's routing rules (the Queue entity carries these). */
export const QueueRouting = z.object({
  requiredSkills: z.array(RequiredSkill).max(20),
  serviceLevels: z.partialRecord(Channel, ServiceLevelTarget),
  businessHours: BusinessHours,
  offerTimeouts: OfferTimeouts,
  /** Longest after-contact work before the wrap-up ends by itself. */
  wrapUpMaxSeconds: z.number().int().min(0).max(3600),
  /** Waiting longer than this widens who may take the contact (lower proficiency, then other teams). */
  overflowAfterSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600),
  /** Wrap-up cannot complete without a disposition code from this list (empty: none asked). */
  dispositions: z.array(z.string().min(1).max(64)).max(50),
  intake: IntakeRules,
  /**
   * After an agent declines (or lets time out) one of this queue's contacts, it is not offered to
   * them again for this long; after it, only when nobody else can take it.
   */
  declineCooldownSeconds: z.number().int().min(0).max(3600),
});
export type QueueRouting = z.infer<typeof QueueRouting>;

/** An agent's routing profile (the Agent entity carries these). */
export const AgentRouting = z.object({
  skills: z.array(AgentSkill).max(50),
  capacity: ChannelCapacity,
});
export type AgentRouting = z.infer<typeof AgentRouting>;
