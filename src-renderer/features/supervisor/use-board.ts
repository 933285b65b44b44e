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
import type { AgentToday, QueueToday } from '../../../src-shared/protocol/board-today';
import { useBoardToday } from './board-today-store';

export interface Board {
  snapshot: BoardSnapshot;
  now: number;
  queueLines: Map<string, QueueFigures>;
  agentLines: Map<string, AgentFigures>;
  /** Queues' figures for today from the server (service level as the KPI report, expected wait). */
  today: Map<string, QueueToday>;
  /** Agents' figures for today from the server (occupancy, offers missed today, consoles). */
  agentToday: Map<string, AgentToday>;
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
  const pushed = useBoardToday();
  const today = useMemo(
    () => new Map<string, QueueToday>(pushed?.queues.map((q) => [q.queueId, q])),
    [pushed],
  );
  const agentToday = useMemo(
    () => new Map<string, AgentToday>(pushed?.agents.map((a) => [a.agentId, a])),
    [pushed],
  );
  useEffect(() => {
    if (!floor) return;
    const shares = [...today.values()].flatMap((d) => d.serviceLevelPercent ?? []);
    const serviceLevel =
      shares.length === 0 ? null : Math.round(shares.reduce((s, d) => s + d, 0) / shares.length);
    recordFloor(snapshot?.at ?? 0, { waiting: floor.waiting.length, serviceLevel }, snapshot?.agents ?? []);
  }, [floor, today, snapshot]);
  return useMemo(() => {
    if (!snapshot || !floor) return undefined;
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
      agentToday,
    };
  }, [snapshot, floor, today, agentToday, now, history]);
}
