import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { cases } from '../../../src-server/db/schema';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand } from '../support/contact-commands';
import { startTestServer, type TestServer } from '../support/test-server';

const HOUR = 3_600_000;

/** Issue 15: the case status flow, enforced on the server, and the SLA due time it carries. */
describe('case status flow and SLA', () => {
  let server: TestServer;
  let ana: Socket;
  let eva: Socket;
  let carl: Socket;
  const move = (socket: Socket, status: unknown, caseId: unknown = ORG.cases.en) =>
    runCommand<{ entity: { status: string; version: number; slaDueAt: string } }>(socket, 'case:set-status', {
      caseId,
      status,
    });
  const rowOf = async (caseId: string) => {
    const [found] = await server.database.db.select().from(cases).where(eq(cases.id, caseId));
    if (!found) throw new Error('fixture case missing');
    return found;
  };
  const row = () => rowOf(ORG.cases.en);

  beforeAll(async () => {
    server = await startTestServer();
    [ana, eva, carl] = await Promise.all([
      server.connect('ana'),
      server.connect('eva'),
      server.connect('carl'),
    ]);
  });
  afterAll(() => server.close());

  it('moves an open case through pending, resolved and a reopen, restarting the SLA clock', async () => {
    const pending = await move(ana, 'pending_customer');
    expect(pending.ok && pending.data.entity.status).toBe('pending_customer');
    expect((await move(ana, 'resolved')).ok).toBe(true);
    const before = Date.now();
    const reopened = await move(ana, 'open');
    if (!reopened.ok) throw new Error(reopened.error.message);
    // medium priority: due 24 hours from the reopen
    const due = new Date(reopened.data.entity.slaDueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000);
    expect((await row()).status).toBe('open');
  });

  it('refuses a move the flow does not allow, naming what is allowed, and changes nothing', async () => {
    const before = await row();
    const ack = await move(ana, 'closed');
    expect(ack).toMatchObject({
      ok: false,
      error: {
        code: 'unprocessable',
        message: expect.stringContaining('allowed: pending_customer, escalated, resolved'),
      },
    });
    expect(await row()).toEqual(before);
  });

  it('keeps a closed case closed', async () => {
    expect((await move(ana, 'resolved')).ok).toBe(true);
    expect((await move(ana, 'closed')).ok).toBe(true);
    const ack = await move(ana, 'open');
    expect(ack).toMatchObject({
      ok: false,
      error: { code: 'unprocessable', message: expect.stringContaining('allowed: none') },
    });
    expect((await row()).status).toBe('closed');
  });

  it('refuses agents outside the queue, coaches, unknown statuses and cases', async () => {
    expect(await move(eva, 'pending_customer', ORG.cases.es)).toMatchObject({ ok: true });
    expect(await move(eva, 'pending_customer')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await move(carl, 'open', ORG.cases.es)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const bad = await move(ana, 'solved');
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(JSON.stringify(bad)).toContain('status'); // the refusal names the field
    expect(await move(ana, 'open', 'case_missing')).toMatchObject({ ok: false });
    expect(await move(ana, 'open', 42)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses a move made on an older version with a conflict carrying the case as it is now', async () => {
    const before = await row();
    const stale = await runCommand(
      ana,
      'case:set-status',
      { caseId: ORG.cases.en, status: 'open' },
      { expectedVersion: before.version - 1 },
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        details: { id: ORG.cases.en, status: before.status, version: before.version },
      },
    });
    expect(await row()).toEqual(before);
  });

  it('applies a move made on the current version', async () => {
    const { version } = await rowOf(ORG.cases.es);
    const moved = await runCommand<{ entity: { status: string; version: number } }>(
      eva,
      'case:set-status',
      { caseId: ORG.cases.es, status: 'open' },
      { expectedVersion: version },
    );
    expect(moved).toMatchObject({ ok: true, data: { entity: { status: 'open', version: version + 1 } } });
  });

  it('gives every case read its priority and SLA due time', async () => {
    const res = await fetch(`${server.url}/api/v1/cases/${ORG.cases.es}`, {
      headers: { authorization: `Bearer ${(await server.login('sofia')).token}` },
    });
    const body = (await res.json()) as { case: { priority: string; slaDueAt: string; createdAt: string } };
    expect(body.case.priority).toBe('medium');
    expect(new Date(body.case.slaDueAt).getTime() - new Date(body.case.createdAt).getTime()).toBe(24 * HOUR);
  });
});
