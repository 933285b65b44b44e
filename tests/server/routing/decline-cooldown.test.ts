import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { runRoutingPass } from '../../../src-server/routing/routing-pass';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually } from '../support/test-server';

/**
 * Issue 11, finding 6: a declined call is not offered straight back to the agent who declined it,
 * even when nobody else is free, until the queue's decline cool-down (default 60 s) has passed.
 */
describe.each(KINDS)('the decline cool-down (%s)', (kind) => {
  const server = serverForSuite(kind);

  const contactRow = async (id: string) =>
    (
      (await server.database.db.execute(
        sql`select status, agent_id from contacts where id = ${id}`,
      )) as unknown as {
        rows: { status: string; agent_id: string | null }[];
      }
    ).rows[0];

  it('keeps a declined call away from the only agent until the cool-down has passed', async () => {
    const sofia = await server.connect('sofia');
    const ana = await server.connect('ana');
    expect((await runCommand(ana, 'agent:set-state', { state: 'available' })).ok).toBe(true);
    const call = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(async () => (await contactRow(call.id))?.status === 'offered', 10_000, 'the offer');
    expect((await runCommand(ana, 'contact:decline', { contactId: call.id })).ok).toBe(true);

    await server.app.routing.runOnce();
    expect(await contactRow(call.id)).toEqual({ status: 'queued', agent_id: null });
    await runRoutingPass(server.database.db, new Date(Date.now() + 30_000));
    expect(await contactRow(call.id)).toEqual({ status: 'queued', agent_id: null });

    await runRoutingPass(server.database.db, new Date(Date.now() + 61_000));
    expect(await contactRow(call.id)).toEqual({ status: 'offered', agent_id: ORG.users.ana.id });
  });
});
