import { z } from 'zod';
import { CHANNELS } from './channels';

/** Report periods: 15-minute intervals, days, ISO weeks, months — each in the queue's own zone. */
export const KPI_INTERVALS = ['15m', 'day', 'week', 'month'] as const;
export type KpiInterval = (typeof KPI_INTERVALS)[number];
export const KPI_GROUPS = ['queue', 'team', 'agent', 'channel'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

/** The longest range a report at 15-minute resolution may cover (a year, leap day included). */
export const MAX_INTERVAL_RANGE_DAYS = 366;
/** The longest range at day, week or month resolution. */
export const MAX_RANGE_DAYS = 3660;
const DAY_MS = 86_400_000;

const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((text) => {
    const day = new Date(`${text}T00:00:00Z`);
    return Number.isNaN(day.getTime()) || day.toISOString().startsWith(text);
  }, 'not a calendar date');
const Id = z.string().min(1).max(64);

/** `GET /api/v1/reports/kpis`: the local dates `from`–`to` (inclusive) in each queue's zone. */
export const KpiQuery = z
  .object({
    from: LocalDate.describe('First local day of the range (YYYY-MM-DD), in each queue’s time zone'),
    to: LocalDate.describe('Last local day of the range, inclusive'),
    queue: Id.optional().describe('Only this queue'),
    team: Id.optional().describe(
      'Only this team: its agents’ work while on the team, and the queue figures of its queues',
    ),
    agent: Id.optional().describe('Only this agent'),
    channel: z.enum(CHANNELS).optional().describe('Only this channel'),
    interval: z
      .enum(KPI_INTERVALS)
      .default('day')
      .describe('Period of each row: 15m, day, week (ISO, Monday first) or month'),
    groupBy: z
      .string()
      .max(40)
      .optional()
      .transform((text, ctx) => {
        const parts = text ? text.split(',').filter(Boolean) : [];
        const unknown = parts.filter((p) => !(KPI_GROUPS as readonly string[]).includes(p));
        if (unknown.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown groupBy ${unknown.join(', ')}; one of ${KPI_GROUPS.join(', ')}`,
          });
          return z.NEVER;
        }
        return [...new Set(parts)] as KpiGroup[];
      })
      .describe('Comma-separated dimensions to split each period by: queue, team, agent, channel'),
  })
  .superRefine((query, ctx) => {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` is before `from`' });
    const max = query.interval === '15m' ? MAX_INTERVAL_RANGE_DAYS : MAX_RANGE_DAYS;
    if (days > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the range is ${days} days; at ${query.interval} resolution at most ${max}`,
      });
    }
  });
export type KpiQuery = z.infer<typeof KpiQuery>;

const Measure = z.object({
  value: z.number().nullable().describe('The figure; null when there is nothing to measure (n = 0)'),
  n: z.number().describe('What it stands on: contacts, responses, evaluations, or minutes for time ratios'),
  isSmallSample: z.boolean().describe('An average or rate over fewer than the minimum sample (too few)'),
});

const measure = (meaning: string) => Measure.describe(meaning);
export const KpiMeasuresSchema = z.object({
  offered: measure('Contacts offered to the queue (legs; transfers in included)'),
  handled: measure('Contacts answered by an agent'),
  abandoned: measure('Contacts abandoned while waiting'),
  shortAbandoned: measure('Abandoned within the short-abandon threshold'),
  transferred: measure('Contacts transferred out'),
  escalated: measure('Contacts whose case was escalated while they were open'),
  asaSeconds: measure('Average speed of answer, seconds from entering the queue to an agent taking it'),
  ahtSeconds: measure('Average handle time, seconds: work + hold + after-contact work, per handled contact'),
  ahtWorkSeconds: measure('Average talk, chat or email work, seconds'),
  ahtHoldSeconds: measure('Average hold, seconds'),
  ahtWrapUpSeconds: measure('Average after-contact work (wrap-up), seconds'),
  serviceLevelPercent: measure(
    'Service level, % answered within the queue’s target (abandons as the setting says)',
  ),
  abandonmentRatePercent: measure('Abandonment rate, %'),
  averageAbandonSeconds: measure('Average time to abandon, seconds'),
  firstContactResolutionPercent: measure('First-contact resolution, % of resolutions with no repeat contact'),
  occupancyPercent: measure('Occupancy, % of available + working time spent working'),
  availabilityPercent: measure('Availability, % of signed-in time not Away'),
  callbackPunctualityPercent: measure('Callback punctuality, % of due callbacks started inside their window'),
  csatTopBoxPercent: measure('CSAT top box, % of survey answers at or above the top-box rating'),
  csatAverage: measure('Average survey rating, 1–5'),
  qaScorePercent: measure('Average final QA score of released evaluations, 0–100'),
});
export type KpiMeasuresView = z.infer<typeof KpiMeasuresSchema>;

export const KpiReportRow = z.object({
  period: z.string().describe('Period key: 2025-03-10T10:15+01:00, 2025-03-10, 2025-W11 or 2025-03'),
  queueId: z.string().nullable().optional(),
  teamId: z.string().nullable().optional(),
  agentId: z.string().nullable().optional(),
  channel: z.string().nullable().optional(),
  measures: KpiMeasuresSchema,
});
export type KpiReportRow = z.infer<typeof KpiReportRow>;

export const BacklogBucketView = z.object({
  fromDays: z.number(),
  toDays: z.number().nullable(),
  count: z.number(),
});

export const KpiReportResponse = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(KPI_INTERVALS),
  groupBy: z.array(z.enum(KPI_GROUPS)),
  rows: z
    .array(KpiReportRow)
    .describe('One row per period (and group), oldest first; periods without data are left out'),
  total: KpiMeasuresSchema.describe('The whole range and scope'),
  backlog: z
    .object({
      openCases: z.number(),
      oldestDays: z.number().nullable(),
      averageDays: z.number().nullable(),
      buckets: z.array(BacklogBucketView),
    })
    .describe(
      'Open cases now by days pending (pending-customer time left out by default), for the scope’s queues',
    ),
});
export type KpiReportResponse = z.infer<typeof KpiReportResponse>;
export const KPI_REPORT_ROUTE = '/api/v1/reports/kpis';
