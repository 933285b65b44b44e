import { z } from 'zod';
import { Channel } from './channels';
import { Timestamp } from './coaching';

/**
 * Sampling plans: N contacts per agent per period, by channel and queue, drawn at random with a
 * recorded seed so any draw can be reproduced and audited (src-shared/domain/coaching/sampling.ts).
 */

const entityId = z.string().min(1).max(64);

export const SAMPLING_PERIODS = ['day', 'week', 'month'] as const;
export const SamplingPeriod = z.enum(SAMPLING_PERIODS);
export type SamplingPeriod = z.infer<typeof SamplingPeriod>;

/** A draw's seed: an unsigned 32-bit integer, stored with the draw. */
export const SamplingSeed = z.number().int().min(0).max(0xffff_ffff);

/** What an admin or coach sets up; empty channel, queue and team lists mean "all". */
export const SamplingPlanBody = z.object({
  name: z.string().trim().min(1).max(200),
  templateId: entityId,
  perAgent: z.number().int().min(1).max(50),
  period: SamplingPeriod,
  channels: z
    .array(Channel)
    .max(5)
    .refine((c) => new Set(c).size === c.length, 'a channel is listed twice'),
  queueIds: z.array(entityId).max(200),
  teamIds: z.array(entityId).max(200),
  /** Whose calendar "a week" follows, e.g. `Europe/Madrid`. */
  timeZone: z.string().min(1).max(64),
  /** Days after the sampled period ends by which its contacts should be evaluated. */
  dueAfterDays: z.number().int().min(0).max(60),
  active: z.boolean(),
});
export type SamplingPlanBody = z.infer<typeof SamplingPlanBody>;

export const SamplingPlan = SamplingPlanBody.extend({
  id: entityId,
  createdBy: entityId,
  createdAt: Timestamp,
  version: z.number().int(),
});
export type SamplingPlan = z.infer<typeof SamplingPlan>;

/** One draw of a plan for one period: what was picked and for whom there were too few contacts. */
export const SamplingDraw = z.object({
  id: entityId,
  planId: entityId,
  periodStart: Timestamp,
  periodEnd: Timestamp,
  seed: SamplingSeed,
  drawnAt: Timestamp,
  dueAt: Timestamp,
  picks: z.array(z.object({ agentId: entityId, contactIds: z.array(entityId).max(50) })).max(5_000),
  shortfalls: z
    .array(
      z.object({ agentId: entityId, wanted: z.number().int().min(0), available: z.number().int().min(0) }),
    )
    .max(5_000),
});
export type SamplingDraw = z.infer<typeof SamplingDraw>;

export const WORK_ITEM_STATUSES = ['overdue', 'due', 'done'] as const;
export const WorkItemStatus = z.enum(WORK_ITEM_STATUSES);
export type WorkItemStatus = z.infer<typeof WorkItemStatus>;

/** A contact on a coach's worklist: drawn by a plan, or picked by hand (a complaint, a low CSAT). */
export const WorkItem = z.object({
  contactId: entityId,
  agentId: entityId,
  /** The agent's display name: a coach's directory may not hold every agent a plan drew. */
  agentName: z.string(),
  /** What the contact was, so the coach recognises it (null when it could not be read). */
  contact: z
    .object({ channel: Channel, subject: z.string(), from: z.string(), endedAt: Timestamp.nullable() })
    .nullable(),
  source: z.enum(['sample', 'manual']),
  planId: entityId.nullable(),
  dueAt: Timestamp.nullable(),
  status: WorkItemStatus,
});
export type WorkItem = z.infer<typeof WorkItem>;
