import { useEffect, useMemo } from 'react';
import {
  agentFigures,
  queueFigures,
  type AgentFigures,
  type QueueFigures,
} from '../../../src-shared/domain/supervision/board';
import { useBoardSnapshot, type BoardSnapshot } from '../../data/supervisor-board-hooks';
import { useNow } from '../../ui/use-now';
import { floorOf } from '../../../src-shared/domain/supervision/floor-of';
import { recordFloor, startOfDay, useBoardHistory } from './board-history';
import { dayOf } from './agent-timeline';
import { queueToday, type QueueToday } from './queue-today';

export interface Board {
  snapshot: BoardSnapshot;
  now: number;
  queueLines: Map<string, QueueFigures>;
  agentLines: Map<string, AgentFigures>;
  today: Map<string, QueueToday>;
}

/**
 * The board's figures, recomputed when the cache changes (at most once a frame) and every second
 * for the clocks, with the shared formulas; each moment is also recorded for the day chart and
 * the agents' timelines.
 */
export function useBoard(): Board | undefined {
  const snapshot = useBoardSnapshot();
  const now = useNow();
  const history = useBoardHistory();
  const floor = useMemo(
    () => snapshot && floorOf(snapshot.agents, snapshot.queues, snapshot.open, snapshot.at),
    [snapshot],
  );
  const today = useMemo(
    () =>
      snapshot &&
      queueToday(snapshot.queues, [...snapshot.open, ...snapshot.endedToday], startOfDay(snapshot.at)),
    [snapshot],
  );
  useEffect(() => {
    if (!floor || !today) return;
    const shares = [...today.values()].filter((d) => d.serviceLevel !== null);
    const serviceLevel =
      shares.length === 0
        ? null
        : Math.round((100 * shares.reduce((s, d) => s + (d.serviceLevel ?? 0), 0)) / shares.length);
    recordFloor(snapshot?.at ?? 0, { waiting: floor.waiting.length, serviceLevel }, snapshot?.agents ?? []);
  }, [floor, today, snapshot]);
  return useMemo(() => {
    if (!snapshot || !floor || !today) return undefined;
    const at = { ...floor, now };
    const dayStart = startOfDay(now);
    return {
      snapshot,
      now,
      queueLines: new Map(queueFigures(at).map((line) => [line.queueId, line])),
      agentLines: new Map(
        floor.agents.map((agent) => [
          agent.id,
          agentFigures(agent, now, dayOf(history.timelines.get(agent.id) ?? [], dayStart)),
        ]),
      ),
      today,
    };
  }, [snapshot, floor, today, now, history]);
}
