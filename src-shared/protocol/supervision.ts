import { z } from 'zod';
import { Channel } from './channels';
import { AwayReason } from './entities';

/**
 * The supervisor's live decisions: the impact preview of a jump or a reassignment, and alerts.
 * The rules behind them are in src-shared/domain/supervision (docs/SUPERVISION.md).
 */

const id = z.string().min(1).max(64);
/** A query parameter sent empty (`agentId=`) reads as absent. */
const optionalQueryId = z.preprocess((value) => (value === '' ? undefined : value), id.optional());

/**
 * `GET /api/v1/contacts/:id/impact?action=jump|reassign&agentId=&queueId=`: a jump names nobody;
 * a reassignment names either an agent or a queue.
 */
export const ImpactQuery = z
  .object({
    action: z.enum(['jump', 'reassign']),
    agentId: optionalQueryId,
    queueId: optionalQueryId,
  })
  .refine((q) => q.action !== 'jump' || (q.agentId === undefined && q.queueId === undefined), {
    message: 'a jump names no agent or queue',
    path: ['action'],
  })
  .refine((q) => q.action !== 'reassign' || (q.agentId === undefined) !== (q.queueId === undefined), {
    message: 'a reassignment names either an agent or a queue',
    path: ['agentId'],
  });
export type ImpactQuery = z.infer<typeof ImpactQuery>;

/** One contact's expected wait before and after an action (whole seconds; null: not within the forecast's horizon). */
export const WaitOutcome = z.object({
  contactId: z.string(),
  waitBeforeS: z.number().int().nonnegative().nullable(),
  waitAfterS: z.number().int().nonnegative().nullable(),
  breachBefore: z.boolean(),
  breachAfter: z.boolean(),
});
export type WaitOutcome = z.infer<typeof WaitOutcome>;

/** What an action costs the other waiting contacts, in the figures a supervisor reads first. */
export const ImpactSummary = z.object({
  /** Other contacts waiting (all were weighed; `affected` lists those that change). */
  considered: z.number().int().nonnegative(),
  /** Contacts that wait longer, including those no longer expected within the horizon. */
  slipped: z.number().int().nonnegative(),
  /** Seconds added up over the slipped contacts whose new wait is known. */
  totalSlipS: z.number().int().nonnegative(),
  maxSlipS: z.number().int().nonnegative(),
  /** Contacts expected to be answered before, and no longer within the horizon after. */
  noLongerReached: z.number().int().nonnegative(),
  gained: z.number().int().nonnegative(),
  totalGainS: z.number().int().nonnegative(),
  /** Contacts within their service level before and past it after. */
  newBreaches: z.number().int().nonnegative(),
  breachesAvoided: z.number().int().nonnegative(),
});
export type ImpactSummary = z.infer<typeof ImpactSummary>;

export const ImpactPreview = z.object({
  affected: z.array(WaitOutcome),
  summary: ImpactSummary,
  /** The contact acted on, when it was waiting (its waits count from when it first queued). */
  subject: WaitOutcome.nullable(),
});
export type ImpactPreview = z.infer<typeof ImpactPreview>;

export const ALERT_KINDS = [
  'nobody_logged_in',
  'sla_at_risk',
  'long_wait',
  'wrap_up_overrun',
  'away_over_limit',
  'missed_offers',
  'disconnected_on_call',
] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const AlertSeverity = z.enum(ALERT_SEVERITIES);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** What an alert is about. */
export const AlertSubject = z.object({ kind: z.enum(['queue', 'agent']), id: z.string() });
export type AlertSubject = z.infer<typeof AlertSubject>;

/**
 * A condition that holds now, as the rules see it. `key` is stable (`<subject id>:<kind>`, the
 * queue alerts' ids of today): raising one that is open changes nothing, clearing finds it.
 */
export const AlertCondition = z.object({
  key: z.string(),
  kind: AlertKind,
  severity: AlertSeverity,
  subject: AlertSubject,
  /** Epoch ms the condition began where the rules can tell (a threshold crossed), else null. */
  since: z.number().nullable(),
  /** Figures for the line on the board (contacts waiting, at risk, seconds over the limit…). */
  facts: z.record(z.string(), z.number()),
  /** The contact it is about, where there is one (the call a disconnected agent still holds). */
  contactId: z.string().optional(),
});
export type AlertCondition = z.infer<typeof AlertCondition>;

const seconds = (max: number) => z.number().int().min(1).max(max);
const DAY = 24 * 3600;

/** When the alert rules fire; admins edit these (defaults below). */
export const AlertSettings = z.object({
  /** Share of the service-level threshold a contact may wait before its queue is "SLA at risk". */
  slaAtRiskShare: z.number().min(0.1).max(1),
  /** A queue's longest wait past this, per channel, raises "long wait"; a channel left out never does. */
  longWaitSeconds: z.partialRecord(Channel, seconds(30 * DAY)),
  /** Wrap-up past its queue's maximum by more than this raises "wrap-up overrun". */
  wrapUpGraceSeconds: z.number().int().min(0).max(3600),
  /** Away longer than this, per reason, raises "away over limit"; a reason left out never does. */
  awayLimitSeconds: z.partialRecord(AwayReason, seconds(DAY)),
  /** Offers missed in a row that raise "missed offers" (Away "missed" always does). */
  missedOffersThreshold: z.number().int().min(1).max(10),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  slaAtRiskShare: 0.8,
  longWaitSeconds: { phone: 120, callback: 300, chat: 180, email: 8 * 3600, web: 8 * 3600 },
  wrapUpGraceSeconds: 30,
  awayLimitSeconds: { break: 15 * 60, lunch: 60 * 60, training: 2 * 3600, coaching: 3600, meeting: 3600 },
  missedOffersThreshold: 2,
};
