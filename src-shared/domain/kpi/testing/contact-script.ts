import type { Channel } from '../../../protocol/channels';
import type { Contact } from '../../../protocol/contacts';
import type { Agent, AgentState } from '../../../protocol/entities';
import { EVENT_TYPES, type SyncEvent } from '../../../protocol/sync';
import type { ContactContext } from '../contact-life';

/**
 * Writes a contact's `contact.changed` events the way the server's transitions do
 * (features/contacts/contact-transitions.ts, channels/phone/call-transitions.ts,
 * routing/deadlines.ts): each step returns the whole contact with a new version, like the log.
 */
export interface ContactEvent {
  contact: Contact;
  at: number;
}

const iso = (at: number): string => new Date(at).toISOString();

export class ContactScript {
  readonly events: ContactEvent[] = [];
  private contact: Contact;

  constructor(init: {
    id: string;
    channel: Channel;
    queueId: string;
    at: number;
    dueAt?: number;
    caseId?: string;
  }) {
    const scheduled = init.dueAt !== undefined;
    this.contact = {
      id: init.id,
      channel: init.channel,
      status: scheduled ? 'scheduled' : 'queued',
      provider: null,
      ivr: {},
      heldAt: null,
      queueId: init.queueId,
      agentId: null,
      customerId: null,
      caseId: init.caseId ?? null,
      from: '+14155550134',
      subject: '',
      language: 'en',
      impact: 'medium',
      urgency: 'medium',
      priority: 0,
      createdAt: iso(init.at),
      queuedAt: iso(init.dueAt ?? init.at),
      dueAt: scheduled ? iso(init.dueAt ?? init.at) : null,
      offerExpiresAt: null,
      answeredAt: null,
      endedAt: null,
      wrapUpDueAt: null,
      closedAt: null,
      disposition: null,
      overflowLevel: 0,
      transfers: 0,
      declinedBy: [],
      reasons: [],
      version: 1,
    };
    this.events.push({ contact: this.contact, at: init.at });
  }

  get current(): Contact {
    return this.contact;
  }

  private change(at: number, changes: Partial<Contact>): this {
    this.contact = { ...this.contact, ...changes, version: this.contact.version + 1 };
    this.events.push({ contact: this.contact, at });
    return this;
  }

  /** A scheduled callback comes due (routing/deadlines.ts callbackDue). */
  due(at: number): this {
    return this.change(at, { status: 'queued', queuedAt: iso(at) });
  }

  offer(agentId: string, at: number): this {
    return this.change(at, { status: 'offered', agentId, offerExpiresAt: iso(at + 20_000) });
  }

  /** Declined or timed out: back in line at its place (`queuedAt` kept). */
  decline(at: number): this {
    return this.change(at, { status: 'queued', agentId: null, offerExpiresAt: null });
  }

  accept(at: number): this {
    return this.change(at, { status: 'active', answeredAt: iso(at), offerExpiresAt: null });
  }

  hold(at: number): this {
    return this.change(at, { heldAt: iso(at) });
  }

  resume(at: number): this {
    return this.change(at, { heldAt: null });
  }

  end(at: number): this {
    const endedAt = this.contact.endedAt ?? iso(at);
    return this.change(at, { status: 'wrap_up', endedAt, wrapUpDueAt: iso(at + 120_000), heldAt: null });
  }

  /** Wrap-up completed (or timed out). */
  close(at: number): this {
    return this.change(at, { status: 'closed', closedAt: iso(at), wrapUpDueAt: null });
  }

  abandon(at: number): this {
    return this.change(at, {
      status: 'abandoned',
      agentId: null,
      offerExpiresAt: null,
      endedAt: iso(at),
      heldAt: null,
    });
  }

  /** To another queue (waits there from now) or straight to a named agent. */
  transfer(at: number, target: { queueId?: string; agentId?: string }): this {
    return this.change(at, {
      status: target.agentId ? 'offered' : 'queued',
      queueId: target.queueId ?? this.contact.queueId,
      agentId: target.agentId ?? null,
      heldAt: null,
      queuedAt: iso(at),
      transfers: this.contact.transfers + 1,
      declinedBy: [],
    });
  }
}

/** Teams and service-level targets of the tests: phone 20 s, email 24 h, chat 60 s, callback 5 min. */
export const TEST_CONTEXT: ContactContext = {
  targetSeconds: (_queueId, channel) =>
    ({ phone: 20, email: 24 * 3600, web: 4 * 3600, chat: 60, callback: 300 })[channel],
  teamOf: (agentId) => (agentId.startsWith('b') ? 'team-b' : 'team-a'),
  callbackWindow: (contact) =>
    contact.dueAt ? { from: Date.parse(contact.dueAt), to: Date.parse(contact.dueAt) + 30 * 60_000 } : null,
};

let nextSyncId = 1;

/** A contact change as the event log carries it. */
export function contactChanged(contact: Contact, at: number): SyncEvent {
  return {
    syncId: nextSyncId++,
    type: EVENT_TYPES.contactChanged,
    entityKind: 'contact',
    entityId: contact.id,
    entityVersion: contact.version,
    payload: contact,
    at: new Date(at).toISOString(),
  };
}

/** An agent state change as the event log carries it. */
export function agentStateChanged(agent: Agent, at: number): SyncEvent {
  return {
    syncId: nextSyncId++,
    type: EVENT_TYPES.agentStateChanged,
    entityKind: 'agent',
    entityId: agent.id,
    entityVersion: agent.version,
    payload: agent,
    at: new Date(at).toISOString(),
  };
}

const agentVersions = new Map<string, number>();

/** An agent of the tests in `state` since `at` (each call a newer version). */
export function testAgent(id: string, state: AgentState, at: number, teamId = 'team-a'): Agent {
  const version = (agentVersions.get(id) ?? 0) + 1;
  agentVersions.set(id, version);
  return {
    id,
    username: id,
    displayName: id,
    roles: ['agent'],
    teamId,
    tier: 1,
    disabled: false,
    version,
    languages: ['en'],
    state,
    reasonCode: state === 'away' ? 'lunch' : null,
    stateSince: iso(at),
    routing: { skills: [], capacity: { phone: 1, email: 5, web: 5, chat: 3, callback: 1 } },
    missedOffers: 0,
    idleSince: iso(at),
  };
}
