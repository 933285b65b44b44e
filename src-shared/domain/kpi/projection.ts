import type { Contact } from '../../protocol/contacts';
import type { CaseSummary } from '../../protocol/entities';
import { EVENT_TYPES, type SyncEvent } from '../../protocol/sync';
import { deltaChange, type KpiDelta, type KpiRow } from './aggregate';
import { observeCaseClock, type CaseClock } from './backlog';
import { caseDeltas, type CaseHistory, type FactOwner } from './case-facts';
import { contactDeltas } from './contact-deltas';
import { markEscalated, observeContact, type ContactContext, type ContactLife } from './contact-life';
import { observeAgent, presenceDeltas, type AgentPresence } from './presence';
import type { KpiProjectionSettings } from './settings';

/**
 * The KPI projection of the event log, in memory: feed it the log's events in order and it answers
 * the rows to add for each. The server keeps the same per-entity facts (a contact's life, an
 * agent's presence, a case's history) in its tables and calls the same functions; a rebuild is
 * this fold over the whole log, so live figures and a rebuild agree by construction.
 *
 * From the log it reads: `contact.changed` (contact lives), `agent.state-changed` and
 * `agent.updated` (presence), `case.changed` (escalation of the contacts on it, resolutions for
 * first-contact resolution, the backlog clock). Survey answers and evaluations are not events yet:
 * the server adds their rows with `csatDeltas` and `qaDeltas`.
 */
export class KpiProjector {
  readonly contacts = new Map<string, ContactLife>();
  readonly agents = new Map<string, AgentPresence>();
  readonly caseClocks = new Map<string, CaseClock>();
  /**
   * Public so a server can load the entities an event batch touches from its tables and store
   * them back afterwards: the fold itself stays this class's.
   */
  readonly caseHistories = new Map<string, CaseHistory>();
  /** The contacts seen on each case, oldest first, and the case's last status. */
  readonly caseContacts = new Map<string, string[]>();
  readonly caseStatus = new Map<string, CaseSummary['status']>();

  constructor(
    private readonly context: ContactContext,
    private readonly settings: KpiProjectionSettings,
  ) {}

  /** The rows one event adds (merged per key, no zero rows). `at` defaults to the event's own time. */
  apply(event: SyncEvent, at = Date.parse(event.at)): KpiRow[] {
    switch (event.type) {
      case EVENT_TYPES.contactChanged:
        return this.contactChanged(event.payload, at);
      case EVENT_TYPES.agentStateChanged:
      case EVENT_TYPES.agentUpdated: {
        const { presence, closed } = observeAgent(
          this.agents.get(event.payload.id) ?? null,
          event.payload,
          at,
        );
        this.agents.set(presence.agentId, presence);
        return closed ? deltaChange([], presenceDeltas(closed)) : [];
      }
      case EVENT_TYPES.caseChanged:
        return this.caseChanged(event.payload, at);
      default:
        return [];
    }
  }

  private contactChanged(contact: Contact, at: number): KpiRow[] {
    const before = this.contacts.get(contact.id) ?? null;
    const life = observeContact(before, contact, at, this.context);
    if (life === before) return [];
    this.contacts.set(contact.id, life);
    const rows = this.lifeChange(before, life);
    const ids = contact.caseId ? (this.caseContacts.get(contact.caseId) ?? []) : [];
    if (contact.caseId && !ids.includes(contact.id)) {
      // A contact newly on a case (at intake or linked later): for first-contact resolution.
      this.caseContacts.set(contact.caseId, [...ids, contact.id]);
      const history = this.historyOf(contact.caseId);
      rows.push(
        ...this.historyChange(history, {
          ...history,
          contactsAt: [...history.contactsAt, Date.parse(contact.createdAt)],
        }),
      );
    }
    return rows;
  }

  private caseChanged(summary: CaseSummary, at: number): KpiRow[] {
    const previous = this.caseStatus.get(summary.id);
    this.caseStatus.set(summary.id, summary.status);
    const clock = this.caseClocks.get(summary.id) ?? null;
    this.caseClocks.set(
      summary.id,
      observeCaseClock(
        clock,
        { caseId: summary.id, createdAt: Date.parse(summary.createdAt), status: summary.status },
        at,
      ),
    );
    if (summary.status === previous) return [];
    const rows: KpiRow[] = [];
    if (summary.status === 'escalated') {
      for (const id of this.caseContacts.get(summary.id) ?? []) {
        const life = this.contacts.get(id);
        if (!life || !isOpen(life)) continue;
        const escalated = markEscalated(life);
        this.contacts.set(id, escalated);
        rows.push(...this.lifeChange(life, escalated));
      }
    }
    if (summary.status === 'resolved') {
      const history = this.historyOf(summary.id);
      const resolution = { at, owner: this.resolutionOwner(summary) };
      rows.push(
        ...this.historyChange(history, { ...history, resolutions: [...history.resolutions, resolution] }),
      );
    }
    return rows;
  }

  /** A resolution belongs to the case's queue, the channel of its first contact, and its last agent. */
  private resolutionOwner(summary: CaseSummary): FactOwner {
    const lives = (this.caseContacts.get(summary.id) ?? []).flatMap((id) => this.contacts.get(id) ?? []);
    const lastAnswered = lives
      .flatMap((life) => life.legs)
      .filter((leg) => leg.agentId !== null)
      .at(-1);
    return {
      queueId: summary.queueId,
      channel: lives[0]?.channel ?? null,
      agentId: lastAnswered?.agentId ?? null,
      teamId: lastAnswered?.teamId ?? null,
    };
  }

  private historyOf(caseId: string): CaseHistory {
    return this.caseHistories.get(caseId) ?? { caseId, contactsAt: [], resolutions: [] };
  }

  private historyChange(before: CaseHistory, after: CaseHistory): KpiRow[] {
    this.caseHistories.set(after.caseId, after);
    return deltaChange(caseDeltas(before, this.settings), caseDeltas(after, this.settings));
  }

  private lifeChange(before: ContactLife | null, after: ContactLife): KpiRow[] {
    const old: KpiDelta[] = before ? contactDeltas(before, this.settings) : [];
    return deltaChange(old, contactDeltas(after, this.settings));
  }
}

function isOpen(life: ContactLife): boolean {
  const outcome = life.legs.at(-1)?.outcome;
  return outcome === undefined || outcome === 'open';
}
