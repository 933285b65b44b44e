import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-server/db/database';
import { users } from '../../../src-server/db/schema';
import { hashPassword } from '../../../src-server/platform/password';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { ORG, insertMinimalOrg } from '../../fixtures/minimal-org';
import { ownRedisDatabase } from '../routing/race-floor';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { createTestDatabase, hasPostgres, hasRedis } from '../support/services';
import { openSocket, signIn, startServerProcess, type ServerProcess } from '../support/server-process';
import { eventually } from '../support/test-server';
import { call } from './supervision-fixtures';

const servicesHere = (await hasPostgres()) && (await hasRedis());
const ROUNDS = 6;
/** A second supervisor of Support EN, so two supervisors of the queue's team race. */
const SUE = { id: 'usr_sue', username: 'sue' } as const;

type Answer = { status: number; body: { error?: { code: string; message: string } } };

/**
 * Issue 14: "exactly one holder, always" with two server processes on one PostgreSQL (and Redis).
 * Two supervisors, each signed in on a different node, move the same email Ana holds at the same
 * instant — one to Ben, one back to the queue. Exactly one wins; the other is told the contact
 * moved and where it is now; the audit has one move, and the contact has one holder.
 */
describe.runIf(servicesHere)('two supervisors reassign the same contact on two server nodes', () => {
  const closers: (() => Promise<void>)[] = [];
  let nodes: ServerProcess[];
  let sql: pg.Client;
  let ana: Socket, ben: Socket, admin: Socket;
  let tokens: { sofia: string; sue: string };
  let seen: Map<string, Contact>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    closers.unshift(database.drop);
    const seeded = await openDatabase({ kind: 'postgres', url: database.url });
    try {
      await insertMinimalOrg(seeded.db);
      await seeded.db.insert(users).values({
        id: SUE.id,
        username: SUE.username,
        displayName: 'Sue',
        passwordHash: await hashPassword(ORG.password),
        roles: ['supervisor'],
        teamId: ORG.teams.en,
        languages: ['en'],
      });
    } finally {
      await seeded.close();
    }
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    closers.unshift(() => sql.end());
    const redisUrl = ownRedisDatabase();
    nodes = await Promise.all(
      [0, 1].map(() => startServerProcess({ DATABASE_URL: database.url, REDIS_URL: redisUrl })),
    );
    nodes.forEach((node) => closers.unshift(node.stop));
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const socketOf = async (node: ServerProcess, username: string) => {
      const socket = await openSocket(node.url, await signIn(node.url, username, ORG.password));
      closers.unshift(async () => void socket.disconnect());
      return socket;
    };
    [ana, ben, admin] = await Promise.all([socketOf(a, 'ana'), socketOf(b, 'ben'), socketOf(b, 'admin')]);
    seen = watchContacts(admin);
    tokens = {
      sofia: await signIn(a.url, 'sofia', ORG.password),
      sue: await signIn(b.url, SUE.username, ORG.password),
    };
    // Ben is Away (a supervisor may still force work on him); Ana takes every new email.
    expect((await runCommand(ben, 'agent:set-state', { state: 'away', reasonCode: 'break' })).ok).toBe(true);
    expect((await runCommand(ana, 'agent:set-state', { state: 'available' })).ok).toBe(true);
  }, 90_000);
  afterAll(async () => {
    for (const close of closers) await close().catch(() => undefined);
  });

  /** A new email offered to Ana (the only one available) and accepted by her. */
  const emailHeldByAna = async (): Promise<Contact> => {
    const email = await createContact(admin, {
      queueId: ORG.queues.en,
      channel: 'email',
      from: 'jane.roe@acme.com',
    });
    await eventually(
      () => seen.get(email.id)?.agentId === ORG.users.ana.id,
      10_000,
      'the email offered to ana',
    );
    expect((await runCommand(ana, 'contact:accept', { contactId: email.id })).ok).toBe(true);
    return email;
  };

  /**
   * Finishes a round's email with whoever it went to (Ben by a forced move; one moved back to the
   * queue is handed to Ana), so an unanswered offer never fills Ana's capacity in a later round.
   */
  const settle = async (contactId: string): Promise<void> => {
    for (;;) {
      let current: Contact | undefined;
      await eventually(
        () => {
          current = seen.get(contactId);
          return current?.status === 'closed' || current?.status === 'queued' || !!current?.agentId;
        },
        20_000,
        "the round's email settled somewhere",
      );
      if (!current || current.status === 'closed') return;
      if (current.status === 'queued') {
        // Back in the queue it is kept away from Ana (the cool-down): hand it to her by name.
        const queued = current.version;
        const b = nodes[1] as ServerProcess;
        await call(b.url, tokens.sue, 'POST', `/api/v1/contacts/${contactId}/reassign`, {
          agentId: ORG.users.ana.id,
          force: true,
        });
        await eventually(() => (seen.get(contactId)?.version ?? 0) > queued, 10_000, 'handed to ana');
        continue;
      }
      const holder = current.agentId === ORG.users.ben.id ? ben : ana;
      const next =
        current.status === 'offered'
          ? 'contact:accept'
          : current.status === 'active'
            ? 'contact:end'
            : 'contact:complete-wrap-up';
      const version = current.version;
      await runCommand(holder, next, { contactId });
      await eventually(() => (seen.get(contactId)?.version ?? 0) > version, 10_000, `${next} applied`);
    }
  };

  it('lets exactly one of them move it; the other gets a 409 saying where it is now', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    for (let round = 0; round < ROUNDS; round++) {
      const email = await emailHeldByAna();
      const path = `/api/v1/contacts/${email.id}/reassign`;
      const from = { expectedAgentId: ORG.users.ana.id };
      const [toBen, toQueue] = (await Promise.all([
        call(a.url, tokens.sofia, 'POST', path, {
          ...from,
          agentId: ORG.users.ben.id,
          force: true,
          reason: 'Ben knows it',
        }),
        call(b.url, tokens.sue, 'POST', path, {
          ...from,
          queueId: ORG.queues.en,
          reason: 'Back to the line',
        }),
      ])) as [Answer, Answer];

      const statuses = [toBen.status, toQueue.status].sort();
      expect(statuses, `round ${round}: ${JSON.stringify([toBen.body, toQueue.body])}`).toEqual([200, 409]);
      const loser = toBen.status === 409 ? toBen : toQueue;
      expect(loser.body.error?.code).toBe('conflict');
      expect(loser.body.error?.message).toMatch(/^It moved: the contact is /);

      const audit = await sql.query<{ to_agent_id: string | null; by_user_id: string }>(
        'select to_agent_id, by_user_id from reassignments where contact_id = $1',
        [email.id],
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0]?.by_user_id).toBe(toBen.status === 200 ? ORG.users.sofia.id : SUE.id);
      if (toBen.status === 200) {
        const [row] = (await sql.query('select status, agent_id from contacts where id = $1', [email.id]))
          .rows;
        expect(row).toEqual({ status: 'offered', agent_id: ORG.users.ben.id });
      }
      // Both nodes' consoles end up agreeing with the row: one holder, as committed.
      const [final] = (
        await sql.query<{ agent_id: string | null; version: number }>(
          'select agent_id, version from contacts where id = $1',
          [email.id],
        )
      ).rows;
      await eventually(
        () => seen.get(email.id)?.version === final?.version,
        10_000,
        'the last change pushed',
      );
      expect(seen.get(email.id)?.agentId ?? null).toBe(final?.agent_id ?? null);
      await settle(email.id);
    }
    for (const node of nodes) expect(node.errorLines()).toEqual([]);
  }, 120_000);

  it('against Ana ending the contact at that instant: either it ends with her or it moves, never both', async () => {
    const b = nodes[1] as ServerProcess;
    for (let round = 0; round < ROUNDS; round++) {
      const email = await emailHeldByAna();
      const [moved, ended] = await Promise.all([
        call(b.url, tokens.sue, 'POST', `/api/v1/contacts/${email.id}/reassign`, {
          expectedAgentId: ORG.users.ana.id,
          agentId: ORG.users.ben.id,
          force: true,
        }) as Promise<Answer>,
        runCommand(ana, 'contact:end', { contactId: email.id }),
      ]);
      const [row] = (await sql.query('select status, agent_id from contacts where id = $1', [email.id])).rows;
      const reassigned = (await sql.query('select 1 from reassignments where contact_id = $1', [email.id]))
        .rowCount;
      if (moved.status === 200) {
        expect(ended.ok, `round ${round}: ana ended a contact already moved`).toBe(false);
        expect(row).toEqual({ status: 'offered', agent_id: ORG.users.ben.id });
        expect(reassigned).toBe(1);
        await settle(email.id);
      } else {
        expect(ended.ok).toBe(true);
        expect(moved.status).toBe(409);
        expect(moved.body.error?.message).toBe(
          `It cannot be moved now: the contact is with Ana (wrap-up) in queue ${ORG.queues.en}`,
        );
        expect(row).toEqual({ status: 'wrap_up', agent_id: ORG.users.ana.id });
        expect(reassigned).toBe(0);
        expect((await runCommand(ana, 'contact:complete-wrap-up', { contactId: email.id })).ok).toBe(true);
      }
    }
    for (const node of nodes) expect(node.errorLines()).toEqual([]);
  }, 120_000);
});
