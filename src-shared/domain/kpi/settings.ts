import { z } from 'zod';

/**
 * How service level treats contacts abandoned while waiting. The field disagrees (docs/KPIS.md),
 * so it is a choice; A = answered, Aᵢ = answered in target, B = abandoned, Bᵢ = abandoned within
 * the target, Bₛ = abandoned within the short-abandon threshold:
 * - `short_abandons_excluded` (default): Aᵢ / (A + B − Bₛ) — an abandon counts as missed unless the
 *   caller hung up before anyone could have answered (Genesys, RingCentral option);
 * - `abandons_missed`: Aᵢ / (A + B) — every abandon counts as missed (Cisco "negative");
 * - `abandons_in_target_excluded`: Aᵢ / (A + B − Bᵢ) (Cisco "ignore", ICMI formula 4);
 * - `abandons_in_target_met`: (Aᵢ + Bᵢ) / (A + B) (Cisco "positive", ICMI formula 1);
 * - `answered_only`: Aᵢ / A — abandons ignored (ICMI formula 2; not recommended).
 */
export const SERVICE_LEVEL_ABANDONS = [
  'short_abandons_excluded',
  'abandons_missed',
  'abandons_in_target_excluded',
  'abandons_in_target_met',
  'answered_only',
] as const;
export const ServiceLevelAbandons = z.enum(SERVICE_LEVEL_ABANDONS);
export type ServiceLevelAbandons = z.infer<typeof ServiceLevelAbandons>;

/**
 * Settings the projection applies as events arrive: a change applies to new events; a rebuild
 * from the log applies it to all history.
 */
export const KpiProjectionSettings = z.object({
  /** A contact abandoned within this many seconds of entering the queue is a short abandon. */
  shortAbandonSeconds: z.number().int().min(0).max(600).default(10),
  /** A resolved case with another contact within this many days was not resolved at first contact. */
  fcrWindowDays: z.number().int().min(1).max(90).default(7),
});
export type KpiProjectionSettings = z.infer<typeof KpiProjectionSettings>;

/** Settings the measures apply when they are read: a change shows at once, on all history. */
export const KpiMeasureSettings = z.object({
  /** An average or a rate over fewer contacts than this is marked as a small sample. */
  minSample: z.number().int().min(1).max(10_000).default(30),
  /** A time ratio (occupancy, availability) over less signed-in time than this is marked. */
  minSampleMinutes: z.number().int().min(1).max(100_000).default(60),
  serviceLevelAbandons: ServiceLevelAbandons.default('short_abandons_excluded'),
  /** Abandonment rate leaves short abandons out of both sides (they are mostly misdials). */
  abandonRateExcludesShort: z.boolean().default(true),
  /** The lowest rating (1–5) that counts as "top box": 5 is top box, 4 top-two box. */
  csatTopBoxFrom: z.number().int().min(1).max(5).default(5),
});
export type KpiMeasureSettings = z.infer<typeof KpiMeasureSettings>;

/** How backlog aging counts and groups open cases. */
export const BacklogSettings = z.object({
  /** Time a case waited on the customer (pending customer) does not count as days pending. */
  excludePendingCustomer: z.boolean().default(true),
  /** Bucket lower bounds in days, ascending, starting at 0: [0,1) [1,3) … [30,∞). */
  bucketsFromDays: z
    .array(z.number().min(0).max(3650))
    .min(1)
    .max(20)
    .refine((days) => days[0] === 0 && days.every((d, i) => i === 0 || d > (days[i - 1] ?? 0)), {
      message: 'ascending day bounds starting at 0',
    })
    .default([0, 1, 3, 7, 14, 30]),
});
export type BacklogSettings = z.infer<typeof BacklogSettings>;

export const DEFAULT_PROJECTION_SETTINGS: KpiProjectionSettings = KpiProjectionSettings.parse({});
export const DEFAULT_MEASURE_SETTINGS: KpiMeasureSettings = KpiMeasureSettings.parse({});
export const DEFAULT_BACKLOG_SETTINGS: BacklogSettings = BacklogSettings.parse({});
