import { z } from 'zod';
import { CHANNELS } from './channels';

/**
 * The supervisor board's figures that need the event log or the whole floor (issue 14): computed
 * on the server — service level, abandoned and occupancy by the KPI report's own code for the
 * local day, expected wait by the routing forecast — and pushed as `board:today` on every change.
 */
export const QueueToday = z.object({
  queueId: z.string(),
  /** The queue's local day these figures are for (YYYY-MM-DD in its time zone). */
  day: z.string(),
  /** Service level today, % answered within the queue's target; null before anything counted. */
  serviceLevelPercent: z.number().nullable(),
  /** The queue's target for its first channel with one, %; null when it has none. */
  targetPercent: z.number().nullable(),
  abandoned: z.number().int(),
  /** Seconds a contact arriving now on each of the queue's channels is expected to wait; null: nobody within the horizon. */
  expectedWaitS: z.partialRecord(z.enum(CHANNELS), z.number().int().nullable()),
});
export type QueueToday = z.infer<typeof QueueToday>;

export const AgentToday = z.object({
  agentId: z.string(),
  /** Occupancy today, % of available + working time spent working; null before any such time. */
  occupancyPercent: z.number().nullable(),
  /** Offers declined or timed out today. */
  missedOffersToday: z.number().int(),
  /** Consoles connected now (on every node). */
  devices: z.number().int(),
});
export type AgentToday = z.infer<typeof AgentToday>;

export const BoardToday = z.object({
  at: z.string(),
  queues: z.array(QueueToday),
  agents: z.array(AgentToday),
});
export type BoardToday = z.infer<typeof BoardToday>;
