import { z } from 'zod';
import {
  BacklogSettings,
  KpiMeasureSettings,
  KpiProjectionSettings,
} from '../../../src-shared/domain/kpi/settings';
import type { KpiReadSettings } from './kpi-report';

const Env = z.object({
  AGENTDECK_KPI_SHORT_ABANDON_SECONDS: z.coerce.number().optional(),
  AGENTDECK_KPI_FCR_WINDOW_DAYS: z.coerce.number().optional(),
  AGENTDECK_KPI_CALLBACK_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  AGENTDECK_KPI_MIN_SAMPLE: z.coerce.number().optional(),
  AGENTDECK_KPI_SERVICE_LEVEL_ABANDONS: z.string().optional(),
  AGENTDECK_KPI_CSAT_TOP_BOX_FROM: z.coerce.number().optional(),
});

export interface KpiSettings {
  projection: KpiProjectionSettings & { callbackWindowMinutes: number };
  read: KpiReadSettings;
}

/** The KPI settings from the environment (docs/KPIS.md "Settings"); a bad value stops the start. */
export function readKpiSettings(env: Record<string, string | undefined>): KpiSettings {
  const e = Env.parse(env);
  return {
    projection: {
      ...KpiProjectionSettings.parse({
        shortAbandonSeconds: e.AGENTDECK_KPI_SHORT_ABANDON_SECONDS,
        fcrWindowDays: e.AGENTDECK_KPI_FCR_WINDOW_DAYS,
      }),
      callbackWindowMinutes: e.AGENTDECK_KPI_CALLBACK_WINDOW_MINUTES,
    },
    read: {
      measures: KpiMeasureSettings.parse({
        minSample: e.AGENTDECK_KPI_MIN_SAMPLE,
        serviceLevelAbandons: e.AGENTDECK_KPI_SERVICE_LEVEL_ABANDONS,
        csatTopBoxFrom: e.AGENTDECK_KPI_CSAT_TOP_BOX_FROM,
      }),
      backlog: BacklogSettings.parse({}),
    },
  };
}
