import type { Agent, Queue } from '../../../src-shared/protocol/entities';
import type { QueueLoad } from '../../data/contact-hooks';

/** One queue's line on the supervisor's board. */
export interface QueueBoardRow {
  queueId: string;
  name: string;
  waiting: number;
  /** When the longest-waiting contact entered the queue; null when nobody waits. */
  oldestQueuedAt: string | null;
  /** Agents of the queue's team who are signed in (any state but offline). */
  loggedIn: number;
  available: number;
}

/** The board's lines, in the queues' order: waiting work from the cache, staffing from its agents. */
export function queueBoardRows(
  queues: Queue[],
  agents: Agent[],
  loads: ReadonlyMap<string, QueueLoad>,
): QueueBoardRow[] {
  const staff = agents.filter((a) => a.roles.includes('agent') && !a.disabled);
  return queues.map((queue) => {
    const team = staff.filter((a) => a.teamId === queue.teamId);
    const load = loads.get(queue.id);
    return {
      queueId: queue.id,
      name: queue.name,
      waiting: load?.waiting ?? 0,
      oldestQueuedAt: load?.oldestQueuedAt ?? null,
      loggedIn: team.filter((a) => a.state !== 'offline').length,
      available: team.filter((a) => a.state === 'available').length,
    };
  });
}
