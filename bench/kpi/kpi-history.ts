import { mergeDeltas, type KpiRow } from '../../src-shared/domain/kpi/aggregate';
import { contactDeltas } from '../../src-shared/domain/kpi/contact-deltas';
import type { ContactLeg, ContactLife } from '../../src-shared/domain/kpi/contact-life';
import { DEFAULT_PROJECTION_SETTINGS } from '../../src-shared/domain/kpi/settings';
import { createRandom } from '../../src-shared/domain/random';
import type { Channel } from '../../src-shared/protocol/channels';

export const BENCH_QUEUES = Array.from({ length: 12 }, (_, i) => `bq${i}`);
const AGENTS = Array.from({ length: 120 }, (_, i) => `ba${i}`);
const CHANNEL_MIX: [Channel, number][] = [
  ['phone', 60],
  ['email', 20],
  ['chat', 12],
  ['web', 5],
  ['callback', 3],
];
const S = 1000;

/**
 * A year of generated contact lives, folded into interval rows with the projection's own
 * `contactDeltas` (what the live consumer would store for them): one leg each, most answered
 * within a few minutes, some abandoned, a few transferred on.
 */
export function generateYear(contacts: number, yearStart: number, onBatch: (done: number) => void): KpiRow[] {
  const rng = createRandom(17);
  const span = 365 * 86_400_000;
  let rows = new Map<string, KpiRow>();
  const batch: ReturnType<typeof contactDeltas> = [];
  for (let i = 0; i < contacts; i++) {
    const channel = rng.weighted(CHANNEL_MIX);
    const queueId = rng.pick(BENCH_QUEUES);
    const agentId = rng.pick(AGENTS);
    const queuedAt = yearStart + Math.floor(rng.next() * span);
    const wait = (channel === 'email' || channel === 'web' ? rng.int(60, 30_000) : rng.int(1, 120)) * S;
    const abandoned = channel !== 'email' && channel !== 'web' && rng.chance(0.07);
    const talk = rng.int(60, 900) * S;
    const leg: ContactLeg = {
      queueId,
      queuedAt,
      byTransfer: false,
      targetSeconds:
        channel === 'phone' ? 20 : channel === 'chat' ? 60 : channel === 'callback' ? 300 : 14_400,
      answeredAt: abandoned ? null : queuedAt + wait,
      agentId: abandoned ? null : agentId,
      teamId: abandoned ? null : `bt${Number(agentId.slice(2)) % 6}`,
      holdMs: rng.chance(0.1) ? rng.int(10, 120) * S : 0,
      holdSince: null,
      endedAt: queuedAt + wait + (abandoned ? 0 : talk),
      closedAt: abandoned ? null : queuedAt + wait + talk + rng.int(10, 180) * S,
      outcome: abandoned ? 'abandoned' : 'completed',
      escalatedBy: null,
    };
    const life: ContactLife = {
      contactId: `bc${i}`,
      channel,
      callbackWindow: null,
      legs: [leg],
      version: 5,
      transfers: 0,
    };
    batch.push(...contactDeltas(life, DEFAULT_PROJECTION_SETTINGS));
    if (batch.length >= 20_000 || i === contacts - 1) {
      rows = mergeInto(rows, batch);
      batch.length = 0;
      onBatch(i + 1);
    }
  }
  return [...rows.values()];
}

function mergeInto(rows: Map<string, KpiRow>, deltas: ReturnType<typeof contactDeltas>): Map<string, KpiRow> {
  for (const [id, row] of mergeDeltas(deltas)) {
    const known = rows.get(id);
    if (!known) rows.set(id, row);
    else
      for (const field of Object.keys(row.counts) as (keyof KpiRow['counts'])[])
        known.counts[field] += row.counts[field];
  }
  return rows;
}
