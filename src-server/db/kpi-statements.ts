import { KPI_COLUMNS } from './kpi-columns';
import type { RawStatement } from './raw-sql';

/** The KPI projection's hand-written statements (features/kpi): kept with the schema they name. */

const DIMENSION_COLUMNS = ['queue_id', 'channel', 'agent_id', 'team_id'];

/** One upsert adding rows of counts to `table`: new keys are inserted, known ones summed. */
function addRowsTo(
  name: string,
  table: string,
  period: { column: string; from: string; type: string },
): RawStatement {
  const keys = [period.column, ...DIMENSION_COLUMNS];
  return {
    name,
    text: `insert into ${table} (${[...keys, ...KPI_COLUMNS].join(', ')})
    select ${period.from}, r.queue_id, r.channel, r.agent_id, r.team_id,
      ${KPI_COLUMNS.map((c) => `r.${c}`).join(', ')}
    from jsonb_to_recordset($1::jsonb) as r(${period.column} ${period.type}, queue_id text, channel text,
      agent_id text, team_id text, ${KPI_COLUMNS.map((c) => `${c} bigint`).join(', ')})
    on conflict (${keys.join(', ')}) do update set
      ${KPI_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`,
  };
}

/** Adds rows to `kpi_intervals` (records carry `interval_ms`, the interval's start in epoch ms). */
export const ADD_ROWS: RawStatement = addRowsTo('kpi_add_rows', 'kpi_intervals', {
  column: 'interval_start',
  from: 'to_timestamp(r.interval_start / 1000.0)',
  type: 'bigint',
});

/** Adds rows to `kpi_days` (records carry `day`, the local date `YYYY-MM-DD`). */
export const ADD_DAY_ROWS: RawStatement = addRowsTo('kpi_add_day_rows', 'kpi_days', {
  column: 'day',
  from: 'r.day::date',
  type: 'text',
});

export const LOAD_FACTS: RawStatement = {
  name: 'kpi_load_facts',
  text: `select id, facts from kpi_facts where kind = $1 and id = any($2::text[])`,
};

export const SAVE_FACTS: RawStatement = {
  name: 'kpi_save_facts',
  text: `insert into kpi_facts (kind, id, facts)
    select $1, r.id, r.facts from jsonb_to_recordset($2::jsonb) as r(id text, facts jsonb)
    on conflict (kind, id) do update set facts = excluded.facts`,
};

export const LOCK_POSITION: RawStatement = {
  name: 'kpi_lock_position',
  text: 'select sync_id from kpi_position where id = 1 for update',
};
export const READ_EVENTS: RawStatement = {
  name: 'kpi_read_events',
  text: `select sync_id, type, entity_kind, entity_id, entity_version, payload, at from events
    where sync_id > $1 order by sync_id limit $2`,
};
export const MOVE_POSITION: RawStatement = {
  name: 'kpi_move_position',
  text: 'update kpi_position set sync_id = $1 where id = 1',
};
