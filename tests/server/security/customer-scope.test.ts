import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { contacts } from '../../../src-server/db/schema';
import { ORG, type FixtureUser } from '../../fixtures/minimal-org';
import { createContact } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';

const { jane, jose } = ORG.customers;

/** Issue 13, finding 4: customers are read like cases, within the reader's work. */
describe.each(KINDS)('customer reads scoped like cases on %s', (kind) => {
  const server = serverForSuite(kind);
  const tokens = {} as Record<FixtureUser, string>;
  const get = (path: string, user: FixtureUser) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
  const customer = async (id: string, user: FixtureUser) => {
    const res = await get(`/api/v1/customers/${id}`, user);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const casesOf = async (id: string, user: FixtureUser) =>
    ((await customer(id, user)).body.customer as { cases: { id: string }[] }).cases.map((c) => c.id);
  const search = async (q: string, user: FixtureUser) =>
    (
      (await (await get(`/api/v1/customers?q=${encodeURIComponent(q)}`, user)).json()) as {
        customers: { id: string }[];
      }
    ).customers.map((c) => c.id);

  beforeAll(async () => {
    for (const user of Object.keys(ORG.users) as FixtureUser[])
      tokens[user] = (await server.login(user)).token;
  });

  it('an agent reads the customers of the queues they serve, with those cases', async () => {
    expect((await customer(jane, 'ana')).status).toBe(200);
    expect(await casesOf(jane, 'ana')).toEqual([ORG.cases.en]);
    expect(await search('jane', 'ana')).toEqual([jane]);
    expect(await casesOf(jose, 'eva')).toEqual([ORG.cases.es]);
  });

  it('a customer out of scope answers 404 exactly like a missing one, and is not found by search', async () => {
    const outOfScope = await customer(jose, 'ana');
    const missing = await customer('cus_missing', 'ana');
    expect(outOfScope.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(outOfScope.body).toEqual({
      error: { code: 'not_found', message: `No customer ${jose}` },
    });
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'No customer cus_missing' } });
    expect(await search('jose', 'ana')).toEqual([]);
    expect(await search('+34', 'ana')).toEqual([]);
    expect((await customer(jane, 'eva')).status).toBe(404);
    expect((await customer(jose, 'carl')).status).toBe(404); // a coach: the same rule as cases
  });

  it('supervisors and admins read every customer and all their cases', async () => {
    for (const user of ['sofia', 'admin'] as const) {
      expect(await casesOf(jose, user)).toEqual([ORG.cases.es]);
      expect(await casesOf(jane, user)).toEqual([ORG.cases.en]);
      expect(await search('o', user)).toEqual([jane, jose].sort());
    }
  });

  it("a caller offered to an agent from another queue pops for them, without that queue's cases", async () => {
    const sofia = await server.connect('sofia');
    const call = await createContact(sofia, {
      queueId: ORG.queues.es,
      customerId: jose,
      from: '+34612345678',
    });
    expect((await customer(jose, 'ana')).status).toBe(404);
    // Overflow offers a Spanish queue's call to ana.
    await server.database.db
      .update(contacts)
      .set({ status: 'offered', agentId: ORG.users.ana.id })
      .where(eq(contacts.id, call.id));
    expect((await customer(jose, 'ana')).status).toBe(200);
    expect(await casesOf(jose, 'ana')).toEqual([]);
    expect(await search('jose', 'ana')).toEqual([jose]);
  });
});
