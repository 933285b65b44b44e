import type { Channel } from '../../protocol/channels';
import type { AgentState } from '../../protocol/entities';
import type { Floor, FloorAgent, FloorWork } from './floor';

/**
 * The supervisor board's figures, from the floor, so that the server (alerts, API) and the
 * console (the board) count the same way. Linear in queues + agents + waiting contacts.
 */

/** A queue's staff by state: its team's agents, as routing staffs a queue (docs/SUPERVISION.md). */
export interface StaffCounts {
  /** Any state but Offline: available + busy + wrapUp + away. */
  signedIn: number;
  available: number;
  busy: number;
  wrapUp: number;
  away: number;
}

export interface QueueFigures {
  queueId: string;
  waiting: number;
  waitingByChannel: Record<Channel, number>;
  /** Whole seconds the longest-waiting contact has waited; null when nobody waits. */
  longestWaitS: number | null;
  /** When that contact queued (the board ticks from it); null when nobody waits. */
  oldestQueuedAt: number | null;
  staff: StaffCounts;
}

const noChannels = (): Record<Channel, number> => ({ phone: 0, email: 0, web: 0, chat: 0, callback: 0 });
const noStaff = (): StaffCounts => ({ signedIn: 0, available: 0, busy: 0, wrapUp: 0, away: 0 });

const STAFF_FIELD: Readonly<Record<AgentState, keyof StaffCounts | null>> = {
  offline: null,
  available: 'available',
  busy: 'busy',
  wrap_up: 'wrapUp',
  away: 'away',
};

/** Each queue's line on the board, in the floor's queue order. */
export function queueFigures(floor: Floor): QueueFigures[] {
  const staffByTeam = new Map<string, StaffCounts>();
  for (const agent of floor.agents) {
    const field = STAFF_FIELD[agent.state];
    if (agent.teamId === null || field === null) continue;
    const counts = staffByTeam.get(agent.teamId) ?? noStaff();
    counts[field] += 1;
    counts.signedIn += 1;
    staffByTeam.set(agent.teamId, counts);
  }
  const lines = new Map(
    floor.queues.map((queue) => [
      queue.id,
      {
        queueId: queue.id,
        waiting: 0,
        waitingByChannel: noChannels(),
        longestWaitS: null as number | null,
        oldestQueuedAt: null as number | null,
        staff: { ...(staffByTeam.get(queue.teamId) ?? noStaff()) },
      } satisfies QueueFigures,
    ]),
  );
  for (const contact of floor.waiting) {
    const line = lines.get(contact.queueId);
    if (!line) continue;
    line.waiting += 1;
    line.waitingByChannel[contact.channel] += 1;
    if (line.oldestQueuedAt === null || contact.queuedAt < line.oldestQueuedAt)
      line.oldestQueuedAt = contact.queuedAt;
  }
  for (const line of lines.values()) {
    if (line.oldestQueuedAt !== null) line.longestWaitS = secondsBetween(line.oldestQueuedAt, floor.now);
  }
  return [...lines.values()];
}

/** One of an agent's contacts on the board: what, and for how long they have had it. */
export interface WorkFigures {
  contactId: string;
  queueId: string;
  channel: Channel;
  status: FloorWork['status'];
  heldS: number;
}

export interface AgentFigures {
  agentId: string;
  state: AgentState;
  reasonCode: string | null;
  timeInStateS: number;
  missedOffers: number;
  /** Oldest first. */
  work: WorkFigures[];
  /** Today's occupancy (0–1); null when the agent has not been signed in and present today. */
  occupancy: number | null;
}

/** The finished stretches of an agent's day, in ms per state (the current one is added from the floor). */
export interface AgentDay {
  /** Epoch ms the day began (local midnight of the center, the caller's choice). */
  dayStart: number;
  durations: Partial<Record<AgentState, number>>;
}

/**
 * Occupancy: time on work (Busy, Wrap-up) ÷ time signed in and not Away (Available, Busy,
 * Wrap-up), over the day so far — the finished stretches plus the current state since it began
 * (or since the day began). Null when that time is zero.
 */
export function occupancy(
  day: AgentDay,
  current: Pick<FloorAgent, 'state' | 'stateSince'>,
  now: number,
): number | null {
  const ms = { ...day.durations };
  const currentMs = Math.max(0, now - Math.max(current.stateSince, day.dayStart));
  ms[current.state] = (ms[current.state] ?? 0) + currentMs;
  const onWork = (ms.busy ?? 0) + (ms.wrap_up ?? 0);
  const present = onWork + (ms.available ?? 0);
  return present > 0 ? onWork / present : null;
}

/** An agent's line on the board (`day` absent: occupancy unknown). */
export function agentFigures(agent: FloorAgent, now: number, day?: AgentDay): AgentFigures {
  const work = [...agent.work]
    .sort((a, b) => a.since - b.since || (a.contactId < b.contactId ? -1 : 1))
    .map(({ contactId, queueId, channel, status, since }) => ({
      contactId,
      queueId,
      channel,
      status,
      heldS: secondsBetween(since, now),
    }));
  return {
    agentId: agent.id,
    state: agent.state,
    reasonCode: agent.reasonCode,
    timeInStateS: secondsBetween(agent.stateSince, now),
    missedOffers: agent.missedOffers,
    work,
    occupancy: day ? occupancy(day, agent, now) : null,
  };
}

/** Whole seconds from `from` to `to`, never negative (a clock slightly ahead reads as 0). */
function secondsBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 1000));
}
