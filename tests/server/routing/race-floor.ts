// The race floor: one fresh database with the minimal org and 50 phone agents, and the racing
// consoles that answer every offer at once on two server processes (race.test.ts).
import { randomInt, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../../src-server/db/database';
import { agentStates, queues, users } from '../../../src-server/db/schema';
import { hashPassword } from '../../../src-server/platform/password';
import { DEFAULT_QUEUE_ROUTING } from '../../../src-server/db/stored-routing';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import type { Ack } from '../../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SinceResponse, SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { REDIS_TEST_URL } from '../support/services';
import { openSocket } from '../support/server-process';
import { request } from '../support/test-server';

export const AGENT_COUNT = 50;
/** Calls per race: every offer of each is raced for by all 50 agents on both nodes at once. */
export const CALLS = 2 * AGENT_COUNT;
/**
 * Long: a console retries when its node is gone (the socket fails pending acks at once), not
 * because a loaded machine answers slowly (a retry racing its original is another matter).
 */
export const ACK_TIMEOUT_MS = 30_000;
/** Calls only, one at a time: the tightest capacity there is. */
export const PHONE_ONLY = { phone: 1, email: 0, web: 0, chat: 0, callback: 0 };
export const PHONE_CAPACITY = PHONE_ONLY.phone;
export const racerIds = Array.from(
  { length: AGENT_COUNT },
  (_, i) => `usr_racer_${String(i).padStart(2, '0')}`,
);

/** The part of a logged contact the checks read (the rest of the schema may grow). */
export const LoggedContact = z.object({
  id: z.string(),
  status: z.string(),
  agentId: z.string().nullable(),
  version: z.number(),
});
export type LoggedContact = z.infer<typeof LoggedContact>;
export const HOLDING = new Set(['offered', 'active', 'wrap_up']);
/**
 * What an agent is told when they accept an offer made to someone else, or an offer that has
 * moved on since (an Accept retried after its node died may find the contact already theirs).
 */
export const NOT_YOURS = /not offered to you|Changed by someone else|The contact is [a-z-]+, not offered$/;
/** …and what else a refused Accept may say: the offer ran out before the Accept came. */
export const CLEAR_REFUSAL = new RegExp(`${NOT_YOURS.source}|offer has expired`);

export interface AcceptAttempt {
  agentId: string;
  contactId: string;
  offeredTo: string | null;
  answer: Ack<unknown>;
}

/** Everything the racing consoles saw that the checks need. */
export interface Race {
  contactIds: string[];
  attempts: AcceptAttempt[];
  /** Refused ends and wrap-ups, internal errors: none expected. */
  problems: string[];
}

// ---------------------------------------------------------------------------------------------
// The floor: one fresh database, the minimal org plus 50 phone agents, server processes on it.

export async function seedFloor(url: string, offerTimeoutSeconds?: number): Promise<void> {
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    await insertMinimalOrg(database.db);
    const passwordHash = await hashPassword(ORG.password);
    await database.db.insert(users).values(
      racerIds.map((id) => ({
        id,
        username: id.slice('usr_'.length),
        displayName: id,
        passwordHash,
        roles: ['agent'],
        teamId: ORG.teams.en,
        languages: ['en'],
        capacity: PHONE_ONLY,
      })),
    );
    await database.db.insert(agentStates).values(racerIds.map((userId) => ({ userId })));
    if (offerTimeoutSeconds !== undefined) {
      const offerTimeouts = { ...DEFAULT_QUEUE_ROUTING.offerTimeouts, phone: offerTimeoutSeconds };
      await database.db
        .update(queues)
        .set({ routing: { ...DEFAULT_QUEUE_ROUTING, offerTimeouts }, version: sql`${queues.version} + 1` })
        .where(eq(queues.id, ORG.queues.en));
    }
  } finally {
    await database.close();
  }
}

export interface CommandSent {
  commandId: string;
  type: string;
  payload: unknown;
  expectedVersion?: number | undefined;
}

/** One command over one socket, waiting patiently for its answer. */
export const sendOver = (socket: Socket, command: CommandSent): Promise<Ack<unknown>> =>
  request(socket, SOCKET_EVENTS.command, command, ACK_TIMEOUT_MS);

/**
 * A console of one racing agent: on every offer of a race contact it sees — its own or anyone
 * else's — it sends Accept at once; with its own accepted, it ends the call and completes the
 * wrap-up. Commands survive a dying node: an unanswered command, or one answered "unavailable",
 * is sent again with the same id once the console is connected anywhere again (as the console's
 * outbox does).
 */
export function racingAgent(id: string, token: string, race: Race, isRaceContact: (id: string) => boolean) {
  let socket: Socket | null = null;
  let lastSyncId = 0;
  let isHoldingBack = false;
  const seen = new Set<string>();
  let waitingForSocket: (() => void)[] = [];

  async function send(type: string, payload: unknown, expectedVersion?: number): Promise<Ack<unknown>> {
    const commandId = randomUUID();
    for (;;) {
      const current = socket;
      if (!current?.connected) {
        await new Promise<void>((ready) => waitingForSocket.push(ready));
        continue;
      }
      try {
        const answer = await sendOver(current, { commandId, type, payload, expectedVersion });
        // "The database is unavailable; send the command again with the same id": as the outbox does.
        if (answer.ok || answer.error.code !== 'unavailable') return answer;
        await new Promise((wait) => setTimeout(wait, 200));
      } catch {
        // No answer: the node died (a lost socket fails its acks at once), ask again with the same id.
      }
    }
  }

  function onEvent(event: SyncEvent): void {
    lastSyncId = Math.max(lastSyncId, event.syncId);
    if (event.type !== 'contact.changed') return;
    const contact = LoggedContact.parse(event.payload);
    const offer = `${contact.id}@${contact.version}`;
    if (contact.status !== 'offered' || !isRaceContact(contact.id) || seen.has(offer)) return;
    if (isHoldingBack) return;
    seen.add(offer);
    void raceFor(contact);
  }

  async function raceFor(contact: LoggedContact): Promise<void> {
    const contactId = contact.id;
    const answer = await send(COMMAND_TYPES.acceptContact, { contactId }, contact.version);
    race.attempts.push({ agentId: id, contactId, offeredTo: contact.agentId, answer });
    if (!answer.ok) return;
    for (const type of [COMMAND_TYPES.endContact, COMMAND_TYPES.completeWrapUp]) {
      const done = await send(type, { contactId });
      if (!done.ok) race.problems.push(`${id} ${type} ${contactId}: ${done.error.message}`);
    }
  }

  /** Asks for everything after the last position seen, as a reconnecting console does. */
  async function catchUp(current: Socket): Promise<void> {
    for (let more = true; more;) {
      const since = { lastSyncId };
      const page = await request<SinceResponse>(current, SOCKET_EVENTS.syncSince, since, ACK_TIMEOUT_MS);
      if (!page.ok) throw new Error(`${id} sync:since refused: ${page.error.message}`);
      page.data.events.forEach(onEvent);
      lastSyncId = page.data.lastSyncId;
      more = page.data.hasMore;
    }
  }

  return {
    id,
    /** Connects to `url` (first time or after losing a node), goes Available and catches up. */
    async connectTo(url: string): Promise<void> {
      socket?.disconnect();
      isHoldingBack = false;
      const next = await openSocket(url, token);
      next.on(SOCKET_EVENTS.syncEvent, onEvent);
      socket = next;
      const available = await sendOver(next, {
        commandId: randomUUID(),
        type: COMMAND_TYPES.setAgentState,
        payload: { state: 'available' },
      });
      if (!available.ok) throw new Error(`${id} cannot go Available: ${available.error.message}`);
      if (lastSyncId > 0) await catchUp(next);
      const waiting = waitingForSocket;
      waitingForSocket = [];
      waiting.forEach((ready) => ready());
    },
    /** Lets new offers sit unanswered (the person has not clicked yet) until the next connect. */
    holdBack(): void {
      isHoldingBack = true;
    },
    disconnect(): void {
      socket?.disconnect();
    },
  };
}

export async function createRaceContacts(creators: Socket[], contactIds: string[]): Promise<void> {
  const answers = await Promise.all(
    contactIds.map((contactId, i) =>
      sendOver(creators[i % creators.length]!, {
        commandId: randomUUID(),
        type: COMMAND_TYPES.createContact,
        payload: {
          contactId,
          channel: 'phone',
          queueId: ORG.queues.en,
          from: '+14155550134',
          subject: 'Race',
        },
      }),
    ),
  );
  expect(answers.filter((a) => !a.ok)).toEqual([]);
}

/**
 * The server has no setting for its Redis stream name (every node uses "agentdeck"), so a race
 * picks one of Redis's spare databases: two runs at once rarely share one (and when they do,
 * racers still answer only their own race's offers).
 */
export function ownRedisDatabase(): string {
  const url = new URL(REDIS_TEST_URL);
  url.pathname = `/${randomInt(1, 16)}`;
  return url.toString();
}
