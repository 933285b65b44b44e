import type { Tx } from '../../db/database';
import { runRaw } from '../../db/raw-sql';
import { ADD_DAY_ROWS, ADD_ROWS, LOAD_FACTS, SAVE_FACTS } from '../../db/kpi-statements';
import { KPI_COUNT_FIELDS, type KpiKey, type KpiRow } from '../../../src-shared/domain/kpi/aggregate';
import { KPI_DIMENSIONS, rollUp } from '../../../src-shared/domain/kpi/rollup';
import type { CaseClock } from '../../../src-shared/domain/kpi/backlog';
import type { CaseHistory } from '../../../src-shared/domain/kpi/case-facts';
import type { ContactLife } from '../../../src-shared/domain/kpi/contact-life';
import type { AgentPresence } from '../../../src-shared/domain/kpi/presence';
import type { CaseStatus } from '../../../src-shared/protocol/entities';
import { KPI_COLUMNS } from '../../db/kpi-columns';

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

/**
 * Adds a batch's rows to their 15-minute intervals and to their local days (`zoneOf`: the zone a
 * row's day belongs to), in the caller's transaction, so both tables hold the same events.
 */
export async function addRows(tx: Tx, rows: KpiRow[], zoneOf: (key: KpiKey) => string): Promise<void> {
  if (rows.length === 0) return;
  await runRaw(tx, ADD_ROWS, [
    JSON.stringify(rows.map((row) => recordOf('interval_start', row.key.interval, row))),
  ]);
  const days = rollUp(rows, 'day', zoneOf, KPI_DIMENSIONS).map(({ period, dimensions, counts }) =>
    recordOf('day', period, { key: { interval: 0, ...NO_DIMENSIONS, ...dimensions }, counts }),
  );
  await runRaw(tx, ADD_DAY_ROWS, [JSON.stringify(days)]);
}

const NO_DIMENSIONS = { queueId: null, channel: null, agentId: null, teamId: null };

/** A row as the statements' JSON record: its period, its key parts ('' for none) and its counts. */
function recordOf(periodColumn: string, period: string | number, { key, counts }: KpiRow) {
  const record: Record<string, string | number> = {
    [periodColumn]: period,
    queue_id: key.queueId ?? '',
    channel: key.channel ?? '',
    agent_id: key.agentId ?? '',
    team_id: key.teamId ?? '',
  };
  KPI_COUNT_FIELDS.forEach((field, i) => (record[KPI_COLUMNS[i] ?? field] = counts[field]));
  return record;
}

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
