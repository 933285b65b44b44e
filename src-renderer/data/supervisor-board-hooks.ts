import type { Contact } from '../../src-shared/protocol/contacts';
import type { Agent, Queue, Team } from '../../src-shared/protocol/entities';
import { db } from './db';
import { useFrameLiveQuery } from './frame-live-query';

/** Everything the supervisor's board reads, in one snapshot of the cache. */
export interface BoardSnapshot {
  /** Epoch ms the cache was read. */
  at: number;
  agents: Agent[];
  teams: Team[];
  queues: Queue[];
  /** Contacts still open (queued, offered, active, wrap-up). */
  open: Contact[];
  /** Contacts that ended today (closed or abandoned since local midnight). */
  endedToday: Contact[];
}

const OPEN = ['queued', 'offered', 'active', 'wrap_up'] as const;

function startOfToday(now: number): string {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
}

/** The board's snapshot, re-read when the cache changes and rendered at most once a frame. */
export function useBoardSnapshot(): BoardSnapshot | undefined {
  return useFrameLiveQuery(async () => {
    const at = Date.now();
    const since = startOfToday(at);
    const [agents, teams, queues, open, ended] = await Promise.all([
      db.agents.toArray(),
      db.teams.toArray(),
      db.queues.toArray(),
      db.contacts.where('status').anyOf(OPEN).toArray(),
      db.contacts.where('status').anyOf(['closed', 'abandoned']).toArray(),
    ]);
    return {
      at,
      agents: agents.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
      queues: queues.sort((a, b) => a.name.localeCompare(b.name)),
      open,
      endedToday: ended.filter((c) => (c.closedAt ?? c.endedAt ?? c.queuedAt) >= since),
    };
  }, []);
}
