import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src-server/db/database';
import * as schema from '../../src-server/db/schema';
import { isEmpty, seedDemoData, type SeedCounts } from '../../src-server/db/seed';
import { verifyPassword } from '../../src-server/platform/password';
import { E164_PATTERN, normalizePhone } from '../../src-shared/domain/phone';
import { CASE_STATUSES, CHANNELS, CUSTOMER_TIERS } from '../../src-shared/protocol/entities';

const NOW = new Date('2026-03-18T14:30:00Z');
const DAY_MS = 86_400_000;

async function snapshot(database: Database) {
  const { db } = database;
  return {
    companies: (
      await db.select({ v: schema.companies.name }).from(schema.companies).orderBy(asc(schema.companies.id))
    ).map((r) => r.v),
    emails: (
      await db.select({ v: schema.customers.email }).from(schema.customers).orderBy(asc(schema.customers.id))
    ).map((r) => r.v),
    subjects: (
      await db.select({ v: schema.cases.subject }).from(schema.cases).orderBy(asc(schema.cases.number))
    ).map((r) => r.v),
    contactIds: (
      await db.select({ v: schema.contacts.id }).from(schema.contacts).orderBy(asc(schema.contacts.id))
    ).map((r) => r.v),
  };
}

describe('demo seed', () => {
  let first: Database;
  let counts: SeedCounts;
  const progress: { step: string; done: number; total: number }[] = [];

  beforeAll(async () => {
    first = await openDatabase({ kind: 'embedded', dataDir: null });
    expect(await isEmpty(first.db)).toBe(true);
    counts = await seedDemoData(first.db, {
      seed: 42,
      now: NOW,
      onProgress: (step, done, total) => progress.push({ step, done, total }),
    });
  });
  afterAll(() => first?.close());

  it('fills a fresh database, reporting progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(10);
    const last = progress.at(-1);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(last).toEqual({ step: 'kbArticles', done: total, total });
    expect(progress.every((p, i) => i === 0 || p.done > (progress[i - 1]?.done ?? 0))).toBe(true);
  });

  it('is no longer empty afterwards', async () => {
    expect(await isEmpty(first.db)).toBe(false);
  });

  it('creates the expected amounts of everything', async () => {
    expect(counts).toMatchObject({
      teams: 5,
      queues: 5,
      products: 6,
      companies: 200,
      customers: 600,
      cases: 1200,
      messages: 1200,
    });
    expect(counts.skills).toBe(6 + 4 + 3);
    expect(counts.users).toBeGreaterThanOrEqual(21);
    expect(counts.kbArticles).toBeGreaterThanOrEqual(36);
    expect(counts.cannedResponses).toBe(5);
    expect(counts.notes).toBeGreaterThan(100);
    expect(counts.contacts).toBeGreaterThan(1500);
    expect(counts.contacts).toBeLessThan(3500);
    const [row] = await first.db.select({ n: sql<number>`count(*)::int` }).from(schema.cases);
    expect(row?.n).toBe(1200);
  });

  it('gives the same data for the same seed and moment, and other data for another seed', async () => {
    const second = await openDatabase({ kind: 'embedded', dataDir: null });
    const third = await openDatabase({ kind: 'embedded', dataDir: null });
    try {
      await seedDemoData(second.db, { seed: 42, now: NOW });
      await seedDemoData(third.db, { seed: 43, now: NOW });
      const [a, b, c] = await Promise.all([snapshot(first), snapshot(second), snapshot(third)]);
      expect(b).toEqual(a);
      expect(c.companies).not.toEqual(a.companies);
    } finally {
      await second.close();
      await third.close();
    }
  });

  it('gives every customer a unique E.164 phone that normalises to itself, and a unique email at the company domain', async () => {
    const rows = await first.db
      .select({
        phone: schema.customers.phone,
        email: schema.customers.email,
        domain: schema.companies.domain,
      })
      .from(schema.customers)
      .innerJoin(schema.companies, eq(schema.companies.id, schema.customers.companyId));
    for (const { phone, email, domain } of rows) {
      expect(phone).toMatch(E164_PATTERN);
      expect(normalizePhone(phone)).toBe(phone);
      expect(email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+@[a-z0-9.-]+$/);
      expect(email.endsWith(`@${domain}`)).toBe(true);
    }
    expect(new Set(rows.map((r) => r.phone)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.email)).size).toBe(rows.length);
  });

  it('has companies of every tier, with some contracts expired and most running', async () => {
    const rows = await first.db.select().from(schema.companies);
    expect(new Set(rows.map((r) => r.tier))).toEqual(new Set(CUSTOMER_TIERS));
    const expired = rows.filter((r) => r.contractExpiresAt < NOW).length;
    expect(expired).toBeGreaterThan(rows.length * 0.07);
    expect(expired).toBeLessThan(rows.length * 0.25);
    expect(new Set(rows.map((r) => r.domain)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  it('has the demo accounts with their roles and the password "demo", and an agent state for every agent', async () => {
    const expected = {
      ana: 'agent',
      ben: 'agent',
      carl: 'coach',
      sofia: 'supervisor',
      admin: 'admin',
    } as const;
    for (const [username, role] of Object.entries(expected)) {
      const [user] = await first.db.select().from(schema.users).where(eq(schema.users.username, username));
      expect(user, username).toBeDefined();
      expect(user?.id).toBe(`usr_${username}`);
      expect(user?.roles).toEqual([role]);
      expect(await verifyPassword('demo', user?.passwordHash ?? '')).toBe(true);
      expect(await verifyPassword('wrong', user?.passwordHash ?? '')).toBe(false);
    }
    const [ana] = await first.db.select().from(schema.users).where(eq(schema.users.id, 'usr_ana'));
    expect(ana).toMatchObject({ teamId: 'team_support_en', tier: 1, languages: ['en', 'es'] });

    const agents = (await first.db.select().from(schema.users)).filter((u) => u.roles.includes('agent'));
    const states = await first.db.select().from(schema.agentStates);
    expect(states.map((s) => s.userId).sort()).toEqual(agents.map((a) => a.id).sort());
    expect(states.every((s) => s.state === 'offline')).toBe(true);
    const skilled = new Set((await first.db.select().from(schema.agentSkills)).map((s) => s.userId));
    for (const agent of agents) expect(skilled.has(agent.id), agent.username).toBe(true);
  });

  it('has cases in every status with one first message each, old ones mostly closed', async () => {
    const cases = await first.db.select().from(schema.cases);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    const old = cases.filter((c) => c.createdAt.getTime() < NOW.getTime() - 60 * DAY_MS);
    const oldDone = old.filter((c) => c.status === 'closed' || c.status === 'resolved').length;
    expect(oldDone / old.length).toBeGreaterThan(0.85);
    const messages = await first.db.select().from(schema.messages);
    expect(new Set(messages.map((m) => m.caseId)).size).toBe(cases.length);
    expect(messages.every((m) => m.direction === 'inbound')).toBe(true);
  });

  it('has contacts on each of the 30 days before now, all finished by now, across every channel', async () => {
    const contacts = await first.db.select().from(schema.contacts);
    const dayOf = (d: Date) => d.toISOString().slice(0, 10);
    const days = new Set(contacts.map((c) => dayOf(c.createdAt)));
    for (let back = 1; back <= 30; back++)
      expect(days.has(dayOf(new Date(NOW.getTime() - back * DAY_MS)))).toBe(true);
    expect(contacts.every((c) => c.createdAt.getTime() >= NOW.getTime() - 31 * DAY_MS)).toBe(true);
    expect(new Set(contacts.map((c) => c.channel))).toEqual(new Set(CHANNELS));

    const abandoned = contacts.filter((c) => c.status === 'abandoned');
    expect(abandoned.length / contacts.length).toBeGreaterThan(0.02);
    expect(abandoned.length / contacts.length).toBeLessThan(0.09);
    expect(abandoned.every((c) => c.agentId === null && c.answeredAt === null)).toBe(true);

    const closed = contacts.filter((c) => c.status === 'closed');
    expect(closed.length + abandoned.length).toBe(contacts.length);
    for (const c of closed) {
      expect(c.agentId).not.toBeNull();
      expect(c.disposition).not.toBeNull();
      const times = [c.createdAt, c.answeredAt, c.endedAt, c.wrapUpEndedAt].map((t) => t?.getTime() ?? NaN);
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(times[3]).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('sends callers with lapsed contracts to Inside Sales', async () => {
    const rows = await first.db
      .select({
        queueId: schema.contacts.queueId,
        channel: schema.contacts.channel,
        expires: schema.companies.contractExpiresAt,
        at: schema.contacts.createdAt,
      })
      .from(schema.contacts)
      .innerJoin(schema.customers, eq(schema.customers.id, schema.contacts.customerId))
      .innerJoin(schema.companies, eq(schema.companies.id, schema.customers.companyId));
    const lapsedPhone = rows.filter((r) => r.channel === 'phone' && r.expires < r.at);
    expect(lapsedPhone.length).toBeGreaterThan(0);
    expect(lapsedPhone.every((r) => r.queueId === 'q_inside_sales')).toBe(true);
  });

  it('has knowledge-base articles for every product with several paragraphs', async () => {
    const articles = await first.db.select().from(schema.kbArticles);
    const products = await first.db.select().from(schema.products);
    for (const product of products)
      expect(articles.filter((a) => a.productId === product.id).length).toBeGreaterThanOrEqual(5);
    for (const article of articles)
      expect(article.body.split('\n\n').length, article.title).toBeGreaterThanOrEqual(2);
  });
});
