import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../src-server/db/schema';
import { ORG, type FixtureUser } from '../fixtures/minimal-org';
import { startTestServer, type TestServer } from './support/test-server';

describe('read routes, scoped by role', () => {
  let server: TestServer;
  const tokens = {} as Record<FixtureUser, string>;
  const get = (path: string, user?: FixtureUser) =>
    fetch(`${server.url}${path}`, { headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });

  beforeAll(async () => {
    server = await startTestServer();
    for (const user of Object.keys(ORG.users) as FixtureUser[])
      tokens[user] = (await server.login(user)).token;
  });
  afterAll(() => server.close());

  it('refuses every data route without a token', async () => {
    for (const path of [
      '/api/v1/customers?q=jane',
      '/api/v1/agents',
      '/api/v1/cases/case_en',
      '/api/v1/admin/users',
      '/api/v1/me',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect((await res.json()).error.code).toBe('unauthenticated');
    }
  });

  it('finds customers by name, email, company and any phone formatting', async () => {
    const ids = async (q: string) =>
      (
        (await (await get(`/api/v1/customers?q=${encodeURIComponent(q)}`, 'sofia')).json()).customers as {
          id: string;
        }[]
      ).map((c) => c.id);
    expect(await ids('jane')).toEqual([ORG.customers.jane]);
    expect(await ids('jose.ruiz@')).toEqual([ORG.customers.jose]);
    expect(await ids('acme')).toEqual([ORG.customers.jane]);
    expect(await ids('(415) 555-0134')).toEqual([ORG.customers.jane]);
    expect(await ids('%')).toEqual([]); // wildcards are text, not patterns
    const res = await get(`/api/v1/customers?q=${'x'.repeat(300)}`, 'ana');
    expect(res.status).toBe(400);
  });

  it('shows a customer with company, contract and cases, and a case with notes and messages', async () => {
    const customer = (await (await get(`/api/v1/customers/${ORG.customers.jose}`, 'sofia')).json()).customer;
    expect(customer.company).toMatchObject({
      name: 'Soluciones Sol',
      tier: 'bronze',
      contractExpiresAt: '2020-01-01T00:00:00.000Z',
    });
    expect(customer.cases.map((c: { id: string }) => c.id)).toEqual([ORG.cases.es]);
    const theCase = (await (await get(`/api/v1/cases/${ORG.cases.en}`, 'ana')).json()).case;
    expect(theCase).toMatchObject({
      subject: 'Invoice export fails',
      product: 'Ledger Cloud',
      notes: [],
      messages: [],
    });
    expect(theCase.customer.id).toBe(ORG.customers.jane);
    expect((await get('/api/v1/customers/cus_missing', 'ana')).status).toBe(404);
    expect((await get('/api/v1/cases/case_missing', 'ana')).status).toBe(404);
    // Agents see their queues' cases (and those they worked on); another queue's answers as missing.
    expect((await get(`/api/v1/cases/${ORG.cases.es}`, 'ana')).status).toBe(404);
    expect((await get(`/api/v1/cases/${ORG.cases.es}`, 'eva')).status).toBe(200);
    expect((await get(`/api/v1/cases/${ORG.cases.en}`, 'eva')).status).toBe(404);
    expect((await get(`/api/v1/cases/${ORG.cases.es}`, 'sofia')).status).toBe(200);
    // Ana took a call on the Spanish case once (say, transferred to her): now she may read it.
    await server.database.db.insert(contacts).values({
      id: 'con_ana_es',
      channel: 'phone',
      status: 'closed',
      queueId: ORG.queues.es,
      agentId: ORG.users.ana.id,
      caseId: ORG.cases.es,
      from: '+34911234567',
      subject: 'Transferred call',
      language: 'es',
    });
    expect((await get(`/api/v1/cases/${ORG.cases.es}`, 'ana')).status).toBe(200);
  });

  it('lists agents with live state: supervisors see everyone, agents their team', async () => {
    const names = async (user: FixtureUser) =>
      ((await (await get('/api/v1/agents', user)).json()).agents as { username: string }[])
        .map((a) => a.username)
        .sort();
    expect(await names('sofia')).toEqual(['ana', 'ben', 'eva']);
    expect(await names('ana')).toEqual(['ana', 'ben']);
    expect(await names('eva')).toEqual(['eva']);
    const [agent] = (await (await get('/api/v1/agents', 'eva')).json()).agents;
    expect(agent).toMatchObject({ state: 'offline', teamId: ORG.teams.es, disabled: false });
  });

  it('keeps reports and admin screens to their roles', async () => {
    expect((await get('/api/v1/reports/volume?days=7', 'ana')).status).toBe(403);
    const report = await get('/api/v1/reports/volume?days=7', 'sofia');
    expect(report.status).toBe(200);
    expect((await report.json()).days).toHaveLength(7);
    expect((await get('/api/v1/admin/users', 'sofia')).status).toBe(403);
    const users = (await (await get('/api/v1/admin/users', 'admin')).json()).users;
    expect(users).toHaveLength(Object.keys(ORG.users).length);
    expect(users[0]).not.toHaveProperty('passwordHash');
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/customers',
      '/api/v1/customers/{id}',
      '/api/v1/cases/{id}',
      '/api/v1/agents',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(
      doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['username', 'password']);
  });

  it('answers health, readiness and Prometheus metrics', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await get('/readyz')).json()).toEqual({ status: 'ready', database: 'embedded' });
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toContain('agentdeck_http_request_duration_seconds_bucket');
    expect(metrics).toContain('agentdeck_socket_connections');
  });

  it('allows cross-origin API calls only from allowed origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight('file://')).headers.get('access-control-allow-origin')).toBe('file://');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
