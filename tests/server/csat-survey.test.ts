import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src-server/db/database';
import { cases, csatSurveys, kpiIntervals, outboundJobs } from '../../src-server/db/schema';
import { signSurveyToken } from '../../src-server/features/surveys/survey-token';
import { CaseResponse } from '../../src-shared/protocol/http';
import { ORG } from '../fixtures/minimal-org';
import { runCommand } from './support/contact-commands';
import { hasPostgres } from './support/services';
import { startTestRelay, type TestRelay } from './support/smtp-relay';
import {
  TEST_JWT_SECRET,
  eventually,
  startOnOwnDatabase,
  type DatabaseKind,
  type TestServer,
} from './support/test-server';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const SEND_WAIT_MS = 10_000;
const SECRET = new TextEncoder().encode(TEST_JWT_SECRET);

/** A new open case of Jane's in the EN queue, which ana serves. */
async function newCase(db: Db, customerId: string = ORG.customers.jane): Promise<string> {
  const id = `case_${randomUUID()}`;
  await db.insert(cases).values({
    id,
    customerId,
    subject: `Printer on fire ${id.slice(-6)}`,
    status: 'open',
    severity: 3,
    productId: 'prd_ledger',
    queueId: ORG.queues.en,
  });
  return id;
}

const surveysOf = (db: Db, caseId: string) =>
  db.select().from(csatSurveys).where(eq(csatSurveys.caseId, caseId));

/** The survey link in a mail's text. */
function linkIn(mail: ParsedMail): string {
  const link = /https?:\/\/\S+\/survey\/[\w.-]+/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`no survey link in: ${mail.text}`);
  return link;
}

const postForm = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe.each(kinds)('customer satisfaction survey on %s', (kind) => {
  let relay: TestRelay;
  let server: TestServer;
  let db: Db;
  let ana: Socket;
  let anaToken: string;

  const resolveCase = async (caseId: string, status: 'resolved' | 'closed' = 'resolved') => {
    const ack = await runCommand(ana, 'case:set-status', { caseId, status });
    if (!ack.ok) throw new Error(ack.error.message);
  };
  /** Resolves a new case of Jane's and waits for its survey email; returns the case and the link. */
  const surveyed = async () => {
    const caseId = await newCase(db);
    const before = relay.accepted.length;
    await resolveCase(caseId);
    await eventually(() => relay.accepted.length > before, SEND_WAIT_MS, 'the survey email');
    return { caseId, mail: relay.accepted.at(-1)!, link: linkIn(relay.accepted.at(-1)!) };
  };
  const setPreference = (customerId: string, body: unknown, token = anaToken) =>
    fetch(`${server.url}/api/v1/customers/${customerId}/survey-preference`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    relay = await startTestRelay();
    server = await startOnOwnDatabase(kind, {
      env: { AGENTDECK_SMTP_RELAY_URL: relay.url, AGENTDECK_SURVEY_RATE_LIMIT: '1000' },
    });
    db = server.database.db;
    ana = await server.connect('ana');
    anaToken = (await server.login('ana')).token;
  });
  afterAll(async () => {
    await server?.close();
    await relay?.close();
  });

  it('emails a survey when a case is resolved; the answer shows on the case, its contact and agent', async () => {
    const { caseId, mail, link } = await surveyed();
    const [number] = await db.select({ n: cases.number }).from(cases).where(eq(cases.id, caseId));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe('jane.roe@acme.com');
    expect(mail.subject).toBe(`How did we do? Case #${number!.n}`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(link.startsWith(`${server.url}/survey/`)).toBe(true);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<legend>How satisfied are you with the support you received?</legend>');
    expect(html.match(/type="radio" name="rating"/g)).toHaveLength(5);
    expect(html).toContain('<label for="comment">');

    const answered = await postForm(link, { rating: '4', comment: 'Quick and <b>kind</b>.' });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('Thank you!');

    const [survey] = await surveysOf(db, caseId);
    expect(survey).toMatchObject({ rating: 4, comment: 'Quick and <b>kind</b>.', agentId: ORG.users.ana.id });
    expect(survey?.sentAt).not.toBeNull();
    const res = await fetch(`${server.url}/api/v1/cases/${caseId}`, {
      headers: { authorization: `Bearer ${anaToken}` },
    });
    const { case: detail } = CaseResponse.parse(await res.json());
    expect(detail.csat).toMatchObject({
      rating: 4,
      comment: 'Quick and <b>kind</b>.',
      agentId: ORG.users.ana.id,
    });
    expect(Date.parse(detail.csat!.answeredAt)).toBeGreaterThan(Date.now() - 60_000);

    // Counted in the KPI rows: ana's CSAT, in the case's queue.
    const kpi = await db
      .select({ rated4: kpiIntervals.csatRated4, queueId: kpiIntervals.queueId })
      .from(kpiIntervals)
      .where(eq(kpiIntervals.agentId, ORG.users.ana.id));
    expect(kpi.filter((row) => row.rated4 > 0).map((row) => row.queueId)).toEqual([ORG.queues.en]);
  });

  it('takes one answer per link: a second post is 409 and the first answer stays', async () => {
    const { caseId, link } = await surveyed();
    expect((await postForm(link, { rating: '5' })).status).toBe(200);
    const again = await postForm(link, { rating: '1', comment: 'changed my mind' });
    expect(again.status).toBe(409);
    expect((await fetch(link)).status).toBe(409);
    expect((await surveysOf(db, caseId))[0]).toMatchObject({ rating: 5, comment: '' });
  });

  it('refuses a bad rating (400) or an oversized body (413) and stores nothing', async () => {
    const { caseId, link } = await surveyed();
    for (const rating of ['0', '6', '4.5', 'great', '']) {
      const res = await postForm(link, { rating, comment: 'x' });
      expect(res.status, rating).toBe(400);
      expect(await res.text()).toContain('Please choose a rating from 1 to 5.');
    }
    expect((await postForm(link, { rating: '3', comment: 'y'.repeat(2001) })).status).toBe(400);
    expect((await postForm(link, { rating: '3', comment: 'z'.repeat(20_000) })).status).toBe(413);
    expect((await surveysOf(db, caseId))[0]).toMatchObject({ answeredAt: null, rating: null });
    // Still answerable.
    expect((await postForm(link, { rating: '3' })).status).toBe(200);
  });

  it('answers 404 to forged, unknown and huge tokens, and 410 to an expired one', async () => {
    const { caseId, link } = await surveyed();
    const token = link.split('/survey/')[1]!;
    const base = `${server.url}/survey/`;
    const forged = await signSurveyToken(
      new TextEncoder().encode('x'.repeat(40)),
      'srv_x',
      new Date(Date.now() + 3_600_000),
    );
    const unknown = await signSurveyToken(SECRET, 'srv_unknown', new Date(Date.now() + 3_600_000));
    const [row] = await surveysOf(db, caseId);
    const expired = await signSurveyToken(SECRET, row!.id, new Date(Date.now() - 1000));
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    for (const bad of [forged, unknown, tampered, 'not-a-token', 'a'.repeat(1500)]) {
      expect((await fetch(base + bad)).status, bad.slice(0, 20)).toBe(404);
      expect((await postForm(base + bad, { rating: '5' })).status, bad.slice(0, 20)).toBe(404);
    }
    // Beyond the router's parameter length: refused before any handler runs (414 URI Too Long).
    expect((await fetch(base + 'a'.repeat(5000))).status).toBe(414);
    expect((await fetch(base + expired)).status).toBe(410);
    expect((await postForm(base + expired, { rating: '5' })).status).toBe(410);
    // The survey's own expiry holds too, whatever a token says.
    await db
      .update(csatSurveys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(csatSurveys.id, row!.id));
    expect((await postForm(link, { rating: '5' })).status).toBe(410);
    expect((await surveysOf(db, caseId))[0]?.answeredAt).toBeNull();
  });

  it('asks once per case: closing a resolved case queues no second survey', async () => {
    const { caseId } = await surveyed();
    await resolveCase(caseId, 'closed');
    expect(await surveysOf(db, caseId)).toHaveLength(1);
  });

  it("honours the customer's frequency: never, then monthly, then every case", async () => {
    const surveyJobs = async () =>
      (await db.select().from(outboundJobs).where(eq(outboundJobs.kind, 'survey_email'))).length;
    const never = await setPreference(ORG.customers.jane, { frequency: 'never' });
    expect(never.status).toBe(200);
    expect(await never.json()).toMatchObject({
      preference: { customerId: ORG.customers.jane, frequency: 'never' },
    });
    const jobsBefore = await surveyJobs();
    const first = await newCase(db);
    await resolveCase(first);
    expect(await surveysOf(db, first)).toHaveLength(0);
    expect(await surveyJobs()).toBe(jobsBefore);

    // Monthly: Jane had a survey minutes ago (the tests above), so none now.
    expect((await setPreference(ORG.customers.jane, { frequency: 'monthly' })).status).toBe(200);
    const second = await newCase(db);
    await resolveCase(second);
    expect(await surveysOf(db, second)).toHaveLength(0);

    expect((await setPreference(ORG.customers.jane, { frequency: 'every_case' })).status).toBe(200);
    const { caseId } = await surveyed();
    expect(await surveysOf(db, caseId)).toHaveLength(1);
  });

  it('refuses survey preference changes from outside the route roles or scope, changing nothing', async () => {
    const carl = (await server.login('carl')).token;
    expect((await setPreference(ORG.customers.jane, { frequency: 'never' }, carl)).status).toBe(403);
    expect((await setPreference(ORG.customers.jane, { frequency: 'never' }, '')).status).toBe(401);
    // José's cases are in the ES queue, which ana does not serve: hidden as a missing customer.
    expect((await setPreference(ORG.customers.jose, { frequency: 'never' })).status).toBe(404);
    const bad = await setPreference(ORG.customers.jane, { frequency: 'weekly' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('frequency');
    const caseId = await newCase(db);
    await resolveCase(caseId);
    expect(await surveysOf(db, caseId)).toHaveLength(1);
  });
});

describe('survey page rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startOnOwnDatabase('embedded', { env: { AGENTDECK_SURVEY_RATE_LIMIT: '3' } });
  });
  afterAll(() => server?.close());

  it('answers 429 with Retry-After once an address has used its requests for the minute', async () => {
    const url = `${server.url}/survey/not-a-token`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(url)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const refused = await fetch(url, { method: 'POST', body: 'rating=5' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
