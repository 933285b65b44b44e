import { isOpen, nextOpening } from '../routing/business-hours';
import { planRoutingPass } from '../routing/plan';
import type { RoutingContact, RoutingQueue } from '../routing/types';
import { MinHeap } from './min-heap';
import { GroupEligibility, passCandidates } from './pass-candidates';
import { handleMs, type QueueState } from './queue-state';
import { finish, freePlaces, give, hasFreePlace, toSimAgent, type SimAgent } from './sim-agents';
import { WaitingLine } from './waiting-line';

/**
 * The forecast behind expected waits and the impact preview: the routing engine's own passes
 * (`planRoutingPass`: its priority order, eligibility, capacity and choice of agent), replayed
 * forward in time. Each offered contact is taken at once and frees its agent's place after its
 * queue's average handle time; a pass runs whenever something could let a contact be offered —
 * a place frees, a contact reaches an overflow level, a queue opens. Nobody new arrives, nobody
 * hangs up, declines, signs in or comes back from Away. docs/SUPERVISION.md has the method and
 * its limits.
 */

/** How far ahead the forecast looks: a contact not offered by then has no expected wait. */
export const DEFAULT_HORIZON_MS = 24 * 3600 * 1000;

export interface ForecastOptions {
  horizonMs?: number;
  /**
   * Contacts that would arrive now, each weighed as if it alone arrived: a probe is placed when
   * a pass would offer it, but takes nobody's place — the pass is planned again without it — so
   * the real contacts' forecast is unchanged and each probe's is the one it would have alone.
   */
  probes?: readonly RoutingContact[];
  /** Stop once every probe is placed (when their waits are all that is asked). */
  untilProbesPlaced?: boolean;
}

/** When and to whom the forecast offers a contact. */
export interface Placement {
  at: number;
  agentId: string;
}

type SimEvent =
  | { at: number; kind: 'release'; agentId: string; contactId: string }
  | { at: number; kind: 'overflow'; contactId: string }
  | { at: number; kind: 'open'; queueId: string };

const eventKey = (e: SimEvent) =>
  e.kind === 'release'
    ? `r${e.agentId}\u0000${e.contactId}`
    : e.kind === 'overflow'
      ? `o${e.contactId}`
      : `q${e.queueId}`;

function compareEvents(a: SimEvent, b: SimEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  const [x, y] = [eventKey(a), eventKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** What changed at one moment: who may now be offered what. */
interface Changes {
  freed: Set<string>;
  overflowed: Set<string>;
  opened: Set<string>;
}

class Forecast {
  readonly placements = new Map<string, Placement>();
  private readonly queues: Map<string, RoutingQueue>;
  private readonly agents: Map<string, SimAgent>;
  private readonly line: WaitingLine;
  private readonly events = new MinHeap<SimEvent>(compareEvents);
  private readonly openings = new Map<string, number>();
  private readonly openMemo = new Map<string, boolean>();
  private readonly eligibility: GroupEligibility;
  private readonly probeIds: Set<string>;

  constructor(
    private readonly state: QueueState,
    probes: readonly RoutingContact[],
  ) {
    this.queues = new Map(state.queues.map((q) => [q.id, q]));
    this.agents = new Map(state.agents.map((a) => [a.id, toSimAgent(a, state)]));
    const contacts = [...state.contacts, ...probes];
    this.line = new WaitingLine(contacts);
    this.eligibility = new GroupEligibility(this.line, this.queues);
    this.probeIds = new Set(probes.map((p) => p.id));
    for (const agent of this.agents.values()) {
      for (const w of agent.work) this.events.push(release(agent, w.contact.id, w.releaseAt));
    }
    for (const contact of contacts) this.scheduleOverflow(contact);
  }

  run(options: ForecastOptions): Map<string, Placement> {
    const horizon = this.state.now + (options.horizonMs ?? DEFAULT_HORIZON_MS);
    let at = this.state.now;
    // Work due to end now (a deadline already passed) frees its place before the first pass.
    this.takeEventsAt(at);
    let changes: Changes | null = null; // null: the first pass, over everything
    for (;;) {
      this.pass(at, changes);
      if (this.line.size === 0) break;
      if (options.untilProbesPlaced && [...this.probeIds].every((id) => this.placements.has(id))) break;
      const next = this.events.peek();
      if (!next || next.at > horizon) break;
      at = next.at;
      changes = this.takeEventsAt(at);
    }
    return this.placements;
  }

  /**
   * One routing pass at `at`. After every pass no waiting contact has an eligible agent with a
   * free place (the plan's own guarantee), so later only what changed can lead to an offer: a
   * freed place (a pass over those agents suffices) or a contact that overflowed or a queue that
   * opened (a pass over those contacts suffices). Both at once, or the first pass: everything.
   */
  private pass(at: number, changes: Changes | null): void {
    this.openMemo.clear();
    const isWidening = changes !== null && (changes.overflowed.size > 0 || changes.opened.size > 0);
    const isFreeing = changes !== null && changes.freed.size > 0;
    const candidates =
      isFreeing && !isWidening
        ? [...changes.freed].flatMap((id) => this.agents.get(id) ?? [])
        : [...this.agents.values()];
    const agents = candidates.filter(hasFreePlace);
    if (agents.length > 0) {
      const select = () =>
        isWidening
          ? isFreeing
            ? this.line.reachable(freePlaces(agents))
            : this.widened(changes)
          : changes === null
            ? this.line.reachable(freePlaces(agents))
            : this.freedCandidates(at, agents);
      this.offer(at, agents, select);
    }
    this.scheduleOpenings(at);
  }

  private offer(at: number, agents: SimAgent[], select: () => RoutingContact[]): void {
    const plan = this.planWithoutProbes(at, agents, select);
    for (const offer of plan.offers) {
      const contact = this.line.get(offer.contactId);
      const agent = this.agents.get(offer.agentId);
      if (!contact || !agent) continue;
      this.line.remove(contact.id);
      this.placements.set(contact.id, { at, agentId: agent.routing.id });
      const releaseAt = at + handleMs(this.state.handleTimes, contact.queueId, contact.channel);
      give(agent, contact, releaseAt);
      this.events.push(release(agent, contact.id, releaseAt));
    }
  }

  /** The pass's plan once every probe it would offer is placed and out of the line. */
  private planWithoutProbes(at: number, agents: SimAgent[], select: () => RoutingContact[]) {
    for (;;) {
      const contacts = select();
      const plan = planRoutingPass({
        contacts,
        queues: this.state.queues,
        agents: agents.map((a) => a.routing),
        now: at,
        candidateLimit: 1,
        isQueueOpen: (queueId) => this.isQueueOpen(queueId, at),
      });
      const probed = plan.offers.filter((offer) => this.probeIds.has(offer.contactId));
      if (probed.length === 0) return plan;
      for (const offer of probed) {
        this.placements.set(offer.contactId, { at, agentId: offer.agentId });
        this.line.remove(offer.contactId);
      }
    }
  }

  /** What the agents who just freed a place could be offered: their best-ranked eligible contacts. */
  private freedCandidates(at: number, agents: SimAgent[]): RoutingContact[] {
    const search = {
      line: this.line,
      queues: this.queues,
      eligibility: this.eligibility,
      isQueueOpen: (queueId: string) => this.isQueueOpen(queueId, at),
      at,
    };
    const routing = agents.map((a) => a.routing);
    return passCandidates(search, routing, freePlaces(agents));
  }

  /** The contacts an overflow or an opening may have brought within an agent's reach. */
  private widened(changes: Changes): RoutingContact[] {
    const contacts = new Map<string, RoutingContact>();
    for (const id of changes.overflowed) {
      const contact = this.line.get(id);
      if (contact) contacts.set(id, contact);
    }
    for (const queueId of changes.opened) {
      for (const contact of this.line.liveIn(queueId)) contacts.set(contact.id, contact);
    }
    return [...contacts.values()];
  }

  private takeEventsAt(at: number): Changes {
    const changes: Changes = { freed: new Set(), overflowed: new Set(), opened: new Set() };
    while (this.events.peek()?.at === at) {
      const event = this.events.pop()!;
      if (event.kind === 'release') {
        const agent = this.agents.get(event.agentId);
        if (agent) finish(agent, event.contactId, at);
        changes.freed.add(event.agentId);
      } else if (event.kind === 'overflow') {
        if (this.line.get(event.contactId)) changes.overflowed.add(event.contactId);
      } else {
        this.openings.delete(event.queueId);
        changes.opened.add(event.queueId);
      }
    }
    return changes;
  }

  /** Overflow levels rise at `overflowAfterSeconds` and twice that: eligibility widens then. */
  private scheduleOverflow(contact: RoutingContact): void {
    const after = this.queues.get(contact.queueId)?.routing.overflowAfterSeconds ?? 0;
    if (after <= 0) return;
    for (const at of [contact.queuedAt + after * 1000, contact.queuedAt + 2 * after * 1000]) {
      if (at > this.state.now) this.events.push({ at, kind: 'overflow', contactId: contact.id });
    }
  }

  /** A closed queue holding live contacts gets a pass when it opens. */
  private scheduleOpenings(at: number): void {
    for (const queue of this.queues.values()) {
      const hours = queue.routing.businessHours;
      if (hours.weekly.length === 0 && hours.holidays.length === 0) continue;
      if ((this.openings.get(queue.id) ?? -Infinity) > at || this.isQueueOpen(queue.id, at)) continue;
      if (this.line.liveIn(queue.id).length === 0) continue;
      const opensAt = nextOpening(hours, at);
      // Closed for the next two weeks: nothing to wait for (and nothing to look up again).
      this.openings.set(queue.id, opensAt ?? Infinity);
      if (opensAt !== null && opensAt > at)
        this.events.push({ at: opensAt, kind: 'open', queueId: queue.id });
    }
  }

  private isQueueOpen(queueId: string, at: number): boolean {
    const key = `${queueId}\u0000${at}`;
    let open = this.openMemo.get(key);
    if (open === undefined) {
      const hours = this.queues.get(queueId)?.routing.businessHours;
      // Around the clock with no holiday: open without reading a clock.
      open = hours ? (hours.weekly.length === 0 && hours.holidays.length === 0) || isOpen(hours, at) : false;
      this.openMemo.set(key, open);
    }
    return open;
  }
}

function release(agent: SimAgent, contactId: string, at: number): SimEvent {
  return { at, kind: 'release', agentId: agent.routing.id, contactId };
}

/**
 * When the routing engine is expected to offer each queued contact, and to whom, if nothing but
 * the passing of time changes the floor. A contact absent from the result is not expected to be
 * offered within the horizon (no agent who could take it frees up in time, or none exists).
 * Deterministic: the same state gives the same forecast.
 */
export function forecastOffers(state: QueueState, options: ForecastOptions = {}): Map<string, Placement> {
  return new Forecast(state, options.probes ?? []).run(options);
}
