import type { Contact } from '../../src-shared/protocol/contacts';
import type { Agent, Queue, Team } from '../../src-shared/protocol/entities';
import { db } from './db';
import { useFrameLiveQuery } from './frame-live-query';

/** Everything the supervisor's board reads from the cache (today's figures come pushed: board-today-store). */
export interface BoardSnapshot {
  /** Epoch ms the cache was read. */
  at: number;
  agents: Agent[];
  teams: Team[];
  queues: Queue[];
  /** Contacts still open (queued, offered, active, wrap-up). */
  open: Contact[];
}

const OPEN = ['queued', 'offered', 'active', 'wrap_up'] as const;

/** The board's snapshot, re-read when the cache changes and rendered at most once a frame. */
export function useBoardSnapshot(): BoardSnapshot | undefined {
  return useFrameLiveQuery(async () => {
    const at = Date.now();
    const [agents, teams, queues, open] = await Promise.all([
      db.agents.toArray(),
      db.teams.toArray(),
      db.queues.toArray(),
      db.contacts.where('status').anyOf(OPEN).toArray(),
    ]);
    return {
      at,
      agents: agents.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
      queues: queues.sort((a, b) => a.name.localeCompare(b.name)),
      open,
    };
  }, []);
}
