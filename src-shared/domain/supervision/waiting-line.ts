import type { Channel } from '../../protocol/channels';
import { LIVE_CHANNELS } from '../routing/plan';
import type { RoutingContact } from '../routing/types';

/**
 * The queued contacts of a forecast, grouped so that a routing pass need not see them all.
 *
 * Contacts alike in everything routing reads but their place in line — queue, channel, language,
 * impact, urgency and customer tier, none jumped ahead — form a class. Within a class the older
 * contact always ranks first (its SLA pressure and age are never lower) and any agent eligible for
 * the younger is eligible for the older (its overflow level is never lower). So a pass offers a
 * class's contacts from the front. A contact jumped ahead is a class of its own.
 *
 * Classes of one queue, channel and language form a group: the same agents are eligible for all
 * of them at the same overflow level (`assessAgent` reads nothing else of a contact).
 */
export interface ContactClass {
  group: ContactGroup;
  /** Oldest first (then by id): routing order within the class at any moment. */
  contacts: RoutingContact[];
  /** Contacts before this index have all been offered. */
  head: number;
  waiting: number;
}

export interface ContactGroup {
  queueId: string;
  channel: Channel;
  /** Any one of its contacts: what eligibility reads of them all. */
  sample: RoutingContact;
  key: string;
  /** Its classes with a contact still waiting. */
  classes: ContactClass[];
}

export class WaitingLine {
  private readonly classes = new Map<string, ContactClass>();
  private readonly groups = new Map<string, ContactGroup>();
  private readonly groupsByChannel = new Map<Channel, ContactGroup[]>();
  private readonly waiting = new Map<string, { contact: RoutingContact; line: ContactClass }>();

  constructor(contacts: readonly RoutingContact[]) {
    for (const contact of contacts) {
      const line = this.classFor(contact);
      line.contacts.push(contact);
      line.waiting += 1;
      this.waiting.set(contact.id, { contact, line });
    }
    for (const line of this.classes.values()) line.contacts.sort(byPlaceInLine);
  }

  private classFor(contact: RoutingContact): ContactClass {
    const groupKey = [contact.queueId, contact.channel, contact.language].join('\u0000');
    let group = this.groups.get(groupKey);
    if (!group) {
      const { queueId, channel } = contact;
      group = { queueId, channel, sample: contact, key: groupKey, classes: [] };
      this.groups.set(groupKey, group);
      this.groupsByChannel.set(channel, [...(this.groupsByChannel.get(channel) ?? []), group]);
    }
    const key = classOf(contact);
    let line = this.classes.get(key);
    if (!line) {
      line = { group, contacts: [], head: 0, waiting: 0 };
      this.classes.set(key, line);
      group.classes.push(line);
    }
    return line;
  }

  get size(): number {
    return this.waiting.size;
  }

  get(contactId: string): RoutingContact | undefined {
    return this.waiting.get(contactId)?.contact;
  }

  /** An offered contact leaves the line; a class left empty leaves its group. */
  remove(contactId: string): void {
    const entry = this.waiting.get(contactId);
    if (!entry) return;
    this.waiting.delete(contactId);
    const { line } = entry;
    line.waiting -= 1;
    if (line.waiting === 0) line.group.classes = line.group.classes.filter((c) => c !== line);
  }

  /** The contacts of a queue on live channels: those a closed queue holds back. */
  liveIn(queueId: string): RoutingContact[] {
    const live: RoutingContact[] = [];
    for (const { contact } of this.waiting.values()) {
      if (contact.queueId === queueId && LIVE_CHANNELS.includes(contact.channel)) live.push(contact);
    }
    return live;
  }

  /** The groups of a channel (some may have no class left). */
  groupsOf(channel: Channel): readonly ContactGroup[] {
    return this.groupsByChannel.get(channel) ?? [];
  }

  /** The index of the first contact still waiting in a class at or after `from` (-1: none). */
  nextWaiting(line: ContactClass, from: number): number {
    if (from === line.head) {
      // Offered contacts leave from the front; skip them once for good.
      while (line.head < line.contacts.length && !this.waiting.has(line.contacts[line.head]!.id)) {
        line.head += 1;
      }
      from = line.head;
    }
    for (let n = from; n < line.contacts.length; n += 1) {
      if (this.waiting.has(line.contacts[n]!.id)) return n;
    }
    return -1;
  }

  /** The first `free[channel]` contacts still waiting of every class: all a pass could offer. */
  reachable(free: Readonly<Record<Channel, number>>): RoutingContact[] {
    const reached: RoutingContact[] = [];
    for (const group of this.groups.values()) {
      const limit = free[group.channel];
      if (limit <= 0) continue;
      for (const line of group.classes) {
        let n = this.nextWaiting(line, line.head);
        for (let taken = 0; n >= 0 && taken < limit; taken += 1) {
          reached.push(line.contacts[n]!);
          n = this.nextWaiting(line, n + 1);
        }
      }
    }
    return reached;
  }
}

function classOf(contact: RoutingContact): string {
  if ((contact.jumpedAt ?? null) !== null) return `jumped\u0000${contact.id}`;
  const { queueId, channel, language, impact, urgency, customerTier } = contact;
  return [queueId, channel, language, impact, urgency, customerTier ?? '-'].join('\u0000');
}

function byPlaceInLine(a: RoutingContact, b: RoutingContact): number {
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}
