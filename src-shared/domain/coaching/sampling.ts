import type { Channel } from '../../protocol/channels';
import type { SamplingPlanBody } from '../../protocol/coaching-sampling';
import { createRandom } from '../random';
import { addLocalDays, previousPeriod, type PeriodRange } from './calendar';

/**
 * Drawing a sampling plan's contacts. The draw is a pure function of the plan, the period, the
 * candidates and the seed: the same seed and the same candidates give the same picks whatever
 * order the candidates come in, so a recorded draw can be repeated and audited. Each agent's
 * picks come from a generator forked from the seed by the agent's id, so one agent's contacts
 * never change what another agent gets.
 */

export interface SamplingCandidate {
  contactId: string;
  agentId: string;
  channel: Channel;
  queueId: string;
  teamId: string | null;
  /** When the contact closed (UTC ms): it belongs to the period it closed in. */
  closedAt: number;
}

export type SamplingRules = Pick<
  SamplingPlanBody,
  'perAgent' | 'period' | 'channels' | 'queueIds' | 'teamIds' | 'timeZone' | 'dueAfterDays'
>;

export interface SampleDraw {
  seed: number;
  period: PeriodRange;
  /** When the picks should be evaluated by: `dueAfterDays` local days after the period ends. */
  dueAt: number;
  /** Per agent (sorted by id), the contacts picked, sorted by id. */
  picks: { agentId: string; contactIds: string[] }[];
  /** Agents with fewer candidates than the plan wants (all of theirs were picked). */
  shortfalls: { agentId: string; wanted: number; available: number }[];
}

export interface DrawInput {
  rules: SamplingRules;
  period: PeriodRange;
  candidates: readonly SamplingCandidate[];
  seed: number;
  /** Agents in the plan's scope: one without a single candidate shows as a shortfall of all N. */
  agentIds?: readonly string[];
  /** Contacts already evaluated (or drawn before): never drawn again. */
  exclude?: ReadonlySet<string>;
}

/** Whether a contact is one the plan samples in this period. */
export function isCandidate(
  rules: SamplingRules,
  period: PeriodRange,
  candidate: SamplingCandidate,
): boolean {
  const inList = <T>(list: readonly T[], value: T | null) =>
    list.length === 0 || (value !== null && list.includes(value));
  return (
    candidate.closedAt >= period.start &&
    candidate.closedAt < period.end &&
    inList(rules.channels, candidate.channel) &&
    inList(rules.queueIds, candidate.queueId) &&
    inList(rules.teamIds, candidate.teamId)
  );
}

/** The period a draw made at `now` samples: the last whole period, in the plan's time zone. */
export function periodToSample(rules: Pick<SamplingRules, 'period' | 'timeZone'>, now: number): PeriodRange {
  return previousPeriod(rules.period, rules.timeZone, now);
}

/** Draws up to `perAgent` contacts per agent at random, reproducibly from `seed`. */
export function drawSample(input: DrawInput): SampleDraw {
  const { rules, period, seed } = input;
  const byAgent = new Map<string, Set<string>>();
  for (const agentId of input.agentIds ?? []) byAgent.set(agentId, new Set());
  for (const candidate of input.candidates) {
    if (input.exclude?.has(candidate.contactId) || !isCandidate(rules, period, candidate)) continue;
    const contacts = byAgent.get(candidate.agentId) ?? new Set<string>();
    contacts.add(candidate.contactId);
    byAgent.set(candidate.agentId, contacts);
  }
  const root = createRandom(seed);
  const picks: SampleDraw['picks'] = [];
  const shortfalls: SampleDraw['shortfalls'] = [];
  for (const agentId of [...byAgent.keys()].sort()) {
    // Sorted first, so the candidates' arrival order cannot change the draw.
    const pool = [...(byAgent.get(agentId) ?? [])].sort();
    const chosen = root.fork(agentId).shuffle(pool).slice(0, rules.perAgent).sort();
    if (chosen.length > 0) picks.push({ agentId, contactIds: chosen });
    if (pool.length < rules.perAgent) {
      shortfalls.push({ agentId, wanted: rules.perAgent, available: pool.length });
    }
  }
  return {
    seed,
    period,
    dueAt: addLocalDays(rules.timeZone, period.end, rules.dueAfterDays),
    picks,
    shortfalls,
  };
}
