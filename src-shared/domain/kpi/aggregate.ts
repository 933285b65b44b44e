import type { Channel } from '../../protocol/channels';

/**
 * What a KPI projection keeps per 15-minute interval and dimension key: counts and sums only, so
 * aggregates merge by addition and any range, team or channel is the sum of its rows. Times are
 * integer milliseconds, so sums are exact in any order. docs/KPIS.md says where each comes from.
 */
export const KPI_COUNT_FIELDS = [
  // A contact entering a queue (a "leg": first arrival or a transfer in), counted in the interval it entered.
  'offered',
  'transferredIn',
  'answered',
  'answerWaitMs',
  'answeredInTarget',
  'abandoned',
  'abandonWaitMs',
  'abandonedInTarget',
  'shortAbandoned',
  'transferredOut',
  'escalated',
  // Handle time of legs an agent finished (wrap-up done, or transferred on).
  'handled',
  'workMs',
  'holdMs',
  'wrapUpMs',
  // Scheduled callbacks: started by an agent inside the promised window, outside it, or never.
  'callbacksInWindow',
  'callbacksOutsideWindow',
  'callbacksMissed',
  // Cases resolved, and of those the ones with another contact before or within N days after.
  'resolved',
  'resolvedWithRepeat',
  // Survey answers by rating (1–5), in the interval they arrived.
  'csatRated1',
  'csatRated2',
  'csatRated3',
  'csatRated4',
  'csatRated5',
  // Released evaluations; scores in hundredths of a percentage point.
  'qaEvaluations',
  'qaScoreCentiSum',
  // Agent presence: time in each state, split by the intervals it was spent in.
  'signedInMs',
  'availableMs',
  'busyMs',
  'wrapUpStateMs',
  'awayMs',
] as const;
export type KpiCountField = (typeof KPI_COUNT_FIELDS)[number];
export type KpiCounts = Record<KpiCountField, number>;

/**
 * Who and where a row is about. Queue facts (offered, abandoned) have no agent; an agent's facts
 * (answered, handle time) carry the agent and the team they were on then; presence has no queue.
 */
export interface KpiKey {
  /** Start of the 15-minute interval, epoch ms (UTC grid). */
  interval: number;
  queueId: string | null;
  channel: Channel | null;
  agentId: string | null;
  /** The agent's team at the time (history does not move when an agent changes team). */
  teamId: string | null;
}

/** Counts to add to one row. */
export interface KpiDelta {
  key: KpiKey;
  counts: Partial<KpiCounts>;
}

/** A stored row: a key and its counts. */
export interface KpiRow {
  key: KpiKey;
  counts: KpiCounts;
}

const EMPTY: KpiCounts = {
  offered: 0,
  transferredIn: 0,
  answered: 0,
  answerWaitMs: 0,
  answeredInTarget: 0,
  abandoned: 0,
  abandonWaitMs: 0,
  abandonedInTarget: 0,
  shortAbandoned: 0,
  transferredOut: 0,
  escalated: 0,
  handled: 0,
  workMs: 0,
  holdMs: 0,
  wrapUpMs: 0,
  callbacksInWindow: 0,
  callbacksOutsideWindow: 0,
  callbacksMissed: 0,
  resolved: 0,
  resolvedWithRepeat: 0,
  csatRated1: 0,
  csatRated2: 0,
  csatRated3: 0,
  csatRated4: 0,
  csatRated5: 0,
  qaEvaluations: 0,
  qaScoreCentiSum: 0,
  signedInMs: 0,
  availableMs: 0,
  busyMs: 0,
  wrapUpStateMs: 0,
  awayMs: 0,
};

export function emptyCounts(): KpiCounts {
  return { ...EMPTY };
}

/** `into` plus `add` (a new object); missing fields count as 0. */
export function addCounts(into: KpiCounts, add: Partial<KpiCounts>, sign: 1 | -1 = 1): KpiCounts {
  const sum = { ...into };
  for (const field of KPI_COUNT_FIELDS) sum[field] += sign * (add[field] ?? 0);
  return sum;
}

/** The sum of all counts given. */
export function sumCounts(all: Iterable<Partial<KpiCounts>>): KpiCounts {
  let total = emptyCounts();
  for (const counts of all) total = addCounts(total, counts);
  return total;
}

/** A stable text for a key: rows with equal keys merge. */
export function keyId(key: KpiKey): string {
  return [key.interval, key.queueId ?? '', key.channel ?? '', key.agentId ?? '', key.teamId ?? ''].join('|');
}

/** Deltas merged per key: what to add to storage, one upsert per key. */
export function mergeDeltas(deltas: Iterable<KpiDelta>, sign: 1 | -1 = 1): Map<string, KpiRow> {
  return mergeInto(new Map(), deltas, sign);
}

/**
 * What to add to storage when the facts behind `before` became the facts behind `after`:
 * `after − before`, per key, without zero rows. A projection stores each entity's last facts and
 * applies only this change, so an event adds exactly what it learned and a repeat adds nothing.
 */
export function deltaChange(before: Iterable<KpiDelta>, after: Iterable<KpiDelta>): KpiRow[] {
  const rows = mergeInto(mergeDeltas(after), before, -1);
  return [...rows.values()].filter((row) => KPI_COUNT_FIELDS.some((field) => row.counts[field] !== 0));
}

function mergeInto(rows: Map<string, KpiRow>, deltas: Iterable<KpiDelta>, sign: 1 | -1): Map<string, KpiRow> {
  for (const delta of deltas) {
    const id = keyId(delta.key);
    const row = rows.get(id) ?? { key: delta.key, counts: emptyCounts() };
    rows.set(id, { key: row.key, counts: addCounts(row.counts, delta.counts, sign) });
  }
  return rows;
}
