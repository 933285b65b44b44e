import { useSyncExternalStore } from 'react';
import type { Agent } from '../../../src-shared/protocol/entities';
import { observeState, type StateStretch } from './agent-timeline';

/** One point of the day chart. */
export interface DayPoint {
  /** Epoch ms. */
  at: number;
  waiting: number;
  /** Service level so far today in % (null: nothing answered or abandoned yet). */
  serviceLevel: number | null;
}

const SAMPLE_EVERY_MS = 60_000;

/**
 * What the board has seen since it opened in this console (kept while the supervisor switches
 * screens): the day's waiting and service level per minute, and each agent's state changes.
 */
interface History {
  points: DayPoint[];
  timelines: Map<string, readonly StateStretch[]>;
}

let history: History = { points: [], timelines: new Map() };
const listeners = new Set<() => void>();

function publish(next: History) {
  history = next;
  for (const listener of listeners) listener();
}

/** Records a moment of the floor: a chart point (the last one of each minute wins) and states. */
export function recordFloor(now: number, point: Omit<DayPoint, 'at'>, agents: readonly Agent[]): void {
  const bucket = Math.floor(now / SAMPLE_EVERY_MS) * SAMPLE_EVERY_MS;
  const points = history.points.filter((p) => p.at !== bucket && p.at >= startOfDay(now));
  points.push({ at: bucket, ...point });
  let timelines = history.timelines;
  for (const agent of agents) {
    const before = timelines.get(agent.id) ?? [];
    const after = observeState(before, {
      state: agent.state,
      reasonCode: agent.reasonCode,
      stateSince: Date.parse(agent.stateSince),
    });
    if (after === before) continue;
    if (timelines === history.timelines) timelines = new Map(timelines);
    timelines.set(agent.id, after);
  }
  const last = history.points.at(-1);
  const samePoint =
    last?.at === bucket && last.waiting === point.waiting && last.serviceLevel === point.serviceLevel;
  if (samePoint && timelines === history.timelines) return;
  publish({ points, timelines });
}

export function startOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

export function useBoardHistory(): History {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => history,
  );
}

/** Forgets everything (sign-out, tests). */
export function resetBoardHistory(): void {
  publish({ points: [], timelines: new Map() });
}
