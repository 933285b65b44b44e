import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../../src-server/db/schema';
import { ORG, type FixtureUser } from '../../fixtures/minimal-org';
import { startTestServer, type TestServer } from '../support/test-server';

const { jane, jose } = ORG.customers;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** Issue 15: the Screen pop lists the customer's last interactions across every channel. */
describe("a customer's last interactions", () => {
  let server: TestServer;
  const tokens = {} as Record<FixtureUser, string>;
  const get = (path: string, user?: FixtureUser) =>
    fetch(`${server.url}${path}`, { headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });
  const interactions = async (customerId: string, user: FixtureUser, query = '') => {
    const res = await get(`/api/v1/customers/${customerId}/interactions${query}`, user);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const user of Object.keys(ORG.users) as FixtureUser[])
      tokens[user] = (await server.login(user)).token;
    const common = { queueId: ORG.queues.en, subject: '', language: 'en' };
    await server.database.db.insert(contacts).values([
      {
        ...common,
        id: 'con_phone',
        channel: 'phone',
        status: 'closed',
        customerId: jane,
        caseId: ORG.cases.en,
        disposition: 'resolved',
        createdAt: minutesAgo(300),
      },
      // An email whose sender was matched through the case only: still Jane's.
      {
        ...common,
        id: 'con_email',
        channel: 'email',
        status: 'closed',
        caseId: ORG.cases.en,
        createdAt: minutesAgo(200),
      },
      {
        ...common,
        id: 'con_chat',
        channel: 'chat',
        status: 'abandoned',
        customerId: jane,
        createdAt: minutesAgo(100),
      },
      {
        ...common,
        id: 'con_form',
        channel: 'web',
        status: 'queued',
        customerId: jane,
        createdAt: minutesAgo(1),
      },
      {
        ...common,
        id: 'con_jose',
        channel: 'phone',
        status: 'closed',
        queueId: ORG.queues.es,
        customerId: jose,
        caseId: ORG.cases.es,
      },
    ]);
  });
  afterAll(() => server.close());

  it('lists every channel newest first, with date, queue, outcome and case', async () => {
    const { status, body } = await interactions(jane, 'ana');
    expect(status, JSON.stringify(body)).toBe(200);
    const list = body.interactions as Record<string, unknown>[];
    expect(list.map((i) => [i.contactId, i.channel, i.status, i.disposition])).toEqual([
      ['con_form', 'web', 'queued', null],
      ['con_chat', 'chat', 'abandoned', null],
      ['con_email', 'email', 'closed', null],
      ['con_phone', 'phone', 'closed', 'resolved'],
    ]);
    expect(list[3]).toMatchObject({
      queueId: ORG.queues.en,
      queueName: 'Support EN',
      caseNumber: expect.any(Number),
    });
    expect(list[2]?.caseNumber).toBe(list[3]?.caseNumber);
    expect(list[0]?.caseNumber).toBeNull();
    expect(new Date(String(list[3]?.at)).getTime()).toBeLessThan(new Date(String(list[0]?.at)).getTime());
  });

  it('gives the newest N when asked for fewer', async () => {
    const { body } = await interactions(jane, 'sofia', '?limit=2');
    expect((body.interactions as { contactId: string }[]).map((i) => i.contactId)).toEqual([
      'con_form',
      'con_chat',
    ]);
  });

  it('answers a customer out of scope, or missing, with 404 and nothing else', async () => {
    for (const [id, user] of [
      [jose, 'ana'],
      [jane, 'eva'],
      ['cus_missing', 'ana'],
    ] as const) {
      const { status, body } = await interactions(id, user);
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: 'not_found', message: `No customer ${id}` } });
    }
    expect((await interactions(jose, 'admin')).status).toBe(200);
  });

  it('refuses a bad limit naming the field, and a request without a token', async () => {
    for (const limit of ['0', '51', 'ten', '2.5']) {
      const { status, body } = await interactions(jane, 'ana', `?limit=${limit}`);
      expect(status, limit).toBe(400);
      expect(JSON.stringify(body), limit).toContain('limit');
    }
    expect((await get(`/api/v1/customers/${jane}/interactions`)).status).toBe(401);
  });
});
