import { KPI_COUNT_FIELDS, type KpiCountField } from '../../src-shared/domain/kpi/aggregate';

/** The `kpi_intervals` column of each count (`answerWaitMs` → `answer_wait_ms`, `csatRated1` → `csat_rated_1`). */
export function columnOf(field: KpiCountField): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/(\d)/, '_$1');
}

export const KPI_COLUMNS: readonly string[] = KPI_COUNT_FIELDS.map(columnOf);

/** `sum(col)::text as "field"` for every count, for reads that add rows up in SQL. */
export const SUMMED_COUNTS: string = KPI_COUNT_FIELDS.map(
  (field) => `sum(${columnOf(field)})::text as "${field}"`,
).join(', ');
