import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { ContactResponse, type Contact } from '../../../src-shared/protocol/contacts';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually } from '../support/test-server';

/**
 * Issue 11, finding 3: with every agent of the queue signed in and in wrap-up, a new call waits
 * because they are all in wrap-up — not "nobody logged in" — with when the first is free, and no
 * such alert is raised; a team all Away is said to be away.
 */
describe.each(KINDS)('why a contact waits while agents wrap up (%s)', (kind) => {
  const server = serverForSuite(kind);
  let sofia: Socket;

  const contactRow = async (id: string) =>
    (
      (await server.database.db.execute(
        sql`select status, agent_id, reasons from contacts where id = ${id}`,
      )) as unknown as { rows: { status: string; agent_id: string | null; reasons: string[] }[] }
    ).rows[0];

  /** The agent takes a call and ends it: they are in wrap-up, signed in. */
  const intoWrapUp = async (agent: Socket, agentId: string) => {
    expect((await runCommand(agent, 'agent:set-state', { state: 'available' })).ok).toBe(true);
    const call = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(async () => (await contactRow(call.id))?.agent_id === agentId, 10_000, 'the offer');
    expect((await runCommand(agent, 'contact:accept', { contactId: call.id })).ok).toBe(true);
    const ended = await runCommand<{ entity: Contact }>(agent, 'contact:end', { contactId: call.id });
    expect(ended.ok && ended.data.entity.status).toBe('wrap_up');
  };

  beforeAll(async () => {
    sofia = await server.connect('sofia');
  });

  it('says all_in_wrap_up and raises no "nobody logged in" alert', async () => {
    const ana = await server.connect('ana');
    const ben = await server.connect('ben');
    await intoWrapUp(ana, ORG.users.ana.id);
    await intoWrapUp(ben, ORG.users.ben.id);

    const waiting = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(async () => (await contactRow(waiting.id))?.reasons.length === 1, 10_000, 'a reason');
    expect(await contactRow(waiting.id)).toEqual({
      status: 'queued',
      agent_id: null,
      reasons: ['all_in_wrap_up'],
    });
    // Next free: the earlier of ana's and ben's wrap-up maximums, as the contact tells consoles.
    const { rows } = (await server.database.db.execute(
      sql`select (select min(wrap_up_due_at) from contacts where status = 'wrap_up') as first_free`,
    )) as unknown as { rows: { first_free: Date | string }[] };
    const firstFree = new Date(rows[0]!.first_free).toISOString();
    const { token } = await server.login('sofia');
    const response = await fetch(`${server.url}/api/v1/contacts/${waiting.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const shown = ContactResponse.parse(await response.json());
    expect(shown.contact).toMatchObject({ reasons: ['all_in_wrap_up'], nextFreeAt: firstFree });
    await server.app.routing.runOnce();
    const alerts = await server.database.db.execute(
      sql`select 1 from queue_alerts where kind = 'nobody_logged_in' and active`,
    );
    expect((alerts as unknown as { rows: unknown[] }).rows).toEqual([]);
  });

  it('says all_away when everyone of the team who is signed in is Away, not "nobody logged in"', async () => {
    const eva = await server.connect('eva');
    const away = await runCommand(eva, 'agent:set-state', { state: 'away', reasonCode: 'lunch' });
    expect(away.ok).toBe(true);
    const waiting = await createContact(sofia, { queueId: ORG.queues.es });
    await eventually(async () => (await contactRow(waiting.id))?.reasons.length === 1, 10_000, 'a reason');
    expect(await contactRow(waiting.id)).toEqual({ status: 'queued', agent_id: null, reasons: ['all_away'] });
  });
});
