import type { AgentDay } from '../../../src-shared/domain/supervision/board';
import type { AgentState } from '../../../src-shared/protocol/entities';

/** One stretch of an agent's day in one state. */
export interface StateStretch {
  state: AgentState;
  reasonCode: string | null;
  /** Epoch ms. */
  from: number;
  /** Epoch ms; null while it lasts. */
  to: number | null;
}

/**
 * Adds what the board sees of an agent now to their timeline: a new stretch when their state or
 * reason changed (closing the one before), nothing otherwise. Returns the same array when nothing
 * changed, so callers can tell cheaply.
 */
export function observeState(
  timeline: readonly StateStretch[],
  seen: { state: AgentState; reasonCode: string | null; stateSince: number },
): readonly StateStretch[] {
  const last = timeline.at(-1);
  if (last && last.state === seen.state && last.reasonCode === seen.reasonCode) return timeline;
  const closed = last
    ? [...timeline.slice(0, -1), { ...last, to: Math.max(last.from, seen.stateSince) }]
    : [];
  return [...closed, { state: seen.state, reasonCode: seen.reasonCode, from: seen.stateSince, to: null }];
}

/** The finished stretches since `dayStart` as the shared occupancy formula reads them. */
export function dayOf(timeline: readonly StateStretch[], dayStart: number): AgentDay {
  const durations: AgentDay['durations'] = {};
  for (const stretch of timeline) {
    if (stretch.to === null) continue;
    const ms = stretch.to - Math.max(stretch.from, dayStart);
    if (ms > 0) durations[stretch.state] = (durations[stretch.state] ?? 0) + ms;
  }
  return { dayStart, durations };
}
