import type { Tx } from '../../db/database';
import { runRaw, type RawStatement } from '../../db/raw-sql';
import { KPI_COUNT_FIELDS, type KpiRow } from '../../../src-shared/domain/kpi/aggregate';
import type { CaseClock } from '../../../src-shared/domain/kpi/backlog';
import type { CaseHistory } from '../../../src-shared/domain/kpi/case-facts';
import type { ContactLife } from '../../../src-shared/domain/kpi/contact-life';
import type { AgentPresence } from '../../../src-shared/domain/kpi/presence';
import type { CaseStatus } from '../../../src-shared/protocol/entities';
import { KPI_COLUMNS } from './kpi-columns';

/** What the projection keeps per case: its history for FCR, its contacts, last status and clock. */
export interface CaseFacts {
  history: CaseHistory;
  contactIds: string[];
  status: CaseStatus | null;
  clock: CaseClock | null;
}

export type FactKind = 'contact' | 'agent' | 'case';
interface FactsOf {
  contact: ContactLife;
  agent: AgentPresence;
  case: CaseFacts;
}

const KEY_COLUMNS = ['interval_start', 'queue_id', 'channel', 'agent_id', 'team_id'];

/** Adds rows to `kpi_intervals` in one statement: new keys are inserted, known ones summed. */
const ADD_ROWS: RawStatement = {
  name: 'kpi_add_rows',
  text: `insert into kpi_intervals (${[...KEY_COLUMNS, ...KPI_COLUMNS].join(', ')})
    select to_timestamp(r.interval_ms / 1000.0), r.queue_id, r.channel, r.agent_id, r.team_id,
      ${KPI_COLUMNS.map((c) => `r.${c}`).join(', ')}
    from jsonb_to_recordset($1::jsonb) as r(interval_ms bigint, queue_id text, channel text,
      agent_id text, team_id text, ${KPI_COLUMNS.map((c) => `${c} bigint`).join(', ')})
    on conflict (${KEY_COLUMNS.join(', ')}) do update set
      ${KPI_COLUMNS.map((c) => `${c} = kpi_intervals.${c} + excluded.${c}`).join(', ')}`,
};

export async function addRows(tx: Tx, rows: KpiRow[]): Promise<void> {
  if (rows.length === 0) return;
  const records = rows.map(({ key, counts }) => {
    const record: Record<string, string | number> = {
      interval_ms: key.interval,
      queue_id: key.queueId ?? '',
      channel: key.channel ?? '',
      agent_id: key.agentId ?? '',
      team_id: key.teamId ?? '',
    };
    KPI_COUNT_FIELDS.forEach((field, i) => (record[KPI_COLUMNS[i] ?? field] = counts[field]));
    return record;
  });
  await runRaw(tx, ADD_ROWS, [JSON.stringify(records)]);
}

const LOAD_FACTS: RawStatement = {
  name: 'kpi_load_facts',
  text: `select id, facts from kpi_facts where kind = $1 and id = any($2::text[])`,
};

/** The stored facts of these entities (those it has). */
export async function loadFacts<K extends FactKind>(
  tx: Tx,
  kind: K,
  ids: Iterable<string>,
): Promise<Map<string, FactsOf[K]>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = (await runRaw(tx, LOAD_FACTS, [kind, wanted])) as { id: string; facts: unknown }[];
  // Our own rows, written by saveFacts from typed values.
  return new Map(rows.map((row) => [row.id, parseJson(row.facts) as FactsOf[K]]));
}

const SAVE_FACTS: RawStatement = {
  name: 'kpi_save_facts',
  text: `insert into kpi_facts (kind, id, facts)
    select $1, r.id, r.facts from jsonb_to_recordset($2::jsonb) as r(id text, facts jsonb)
    on conflict (kind, id) do update set facts = excluded.facts`,
};

export async function saveFacts<K extends FactKind>(
  tx: Tx,
  kind: K,
  facts: Map<string, FactsOf[K]>,
): Promise<void> {
  if (facts.size === 0) return;
  const records = [...facts].map(([id, value]) => ({ id, facts: value }));
  await runRaw(tx, SAVE_FACTS, [kind, JSON.stringify(records)]);
}

/** PGlite and pg both hand jsonb back parsed; a text value (from an older driver) is parsed here. */
function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}
