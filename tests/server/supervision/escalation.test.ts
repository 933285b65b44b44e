import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outboundJobs, users } from '../../../src-server/db/schema';
import type { EscalationRule } from '../../../src-shared/protocol/escalation';
import type { CaseDetail } from '../../../src-shared/protocol/entities';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { ORG } from '../../fixtures/minimal-org';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually, request, settle } from '../support/test-server';
import { call } from './supervision-fixtures';

const RULES_PATH = '/api/v1/admin/escalation-rules';

/** Severity 2 cases (the English one): escalated at once and Sofia told; a second later priority high. */
const chain: EscalationRule = {
  id: 'severe',
  name: 'Severe and unresolved',
  enabled: true,
  conditions: { severities: [2], statuses: ['new', 'open', 'escalated'] },
  steps: [
    {
      key: 'escalate',
      afterSeconds: 0,
      actions: [
        { type: 'set_status', status: 'escalated' },
        { type: 'notify', roles: [], userIds: [ORG.users.sofia.id], channels: ['console', 'email'] },
      ],
    },
    { key: 'raise', afterSeconds: 1, actions: [{ type: 'raise_priority', to: 'high' }] },
  ],
};

describe.each(KINDS)('automatic escalation rules on %s', (kind) => {
  const server = serverForSuite(kind);
  let adminToken: string;

  beforeAll(async () => {
    await server.database.db
      .update(users)
      .set({ email: 'sofia@agentdeck.test' })
      .where(eq(users.id, ORG.users.sofia.id));
    adminToken = (await server.login('admin')).token;
  });

  it('refuses anyone but an admin, on HTTP and on the socket, and a bad rule naming the field', async () => {
    for (const who of ['ana', 'carl', 'sofia'] as const) {
      const token = (await server.login(who)).token;
      const res = await call(server.url, token, 'PUT', RULES_PATH, { rules: [chain] });
      expect(res.status, who).toBe(403);
      expect((await call(server.url, token, 'GET', RULES_PATH)).status, who).toBe(403);
    }
    const ana = await server.connect('ana');
    const ack = await request(ana, SOCKET_EVENTS.command, {
      commandId: crypto.randomUUID(),
      type: 'escalation:save-rules',
      payload: { rules: [chain] },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await call(server.url, adminToken, 'PUT', RULES_PATH, {
      rules: [{ ...chain, steps: [{ ...chain.steps[0], key: 'Has Spaces' }] }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('key');
    const stored = await call<{ rules: EscalationRule[]; version: number }>(
      server.url,
      adminToken,
      'GET',
      RULES_PATH,
    );
    expect(stored.body).toEqual({ rules: [], version: 0 });
  });

  it('fires each step once, in the case history with the rule, telling the person named by console and email', async () => {
    const sofia = await server.connect('sofia');
    const seen: SyncEvent[] = [];
    sofia.on(SOCKET_EVENTS.syncEvent, (e: SyncEvent) => seen.push(e));
    const saved = await call(server.url, adminToken, 'PUT', RULES_PATH, { rules: [chain] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, rules: [{ id: 'severe' }] });

    const caseOf = async (id: string) =>
      (await call<{ case: CaseDetail }>(server.url, adminToken, 'GET', `/api/v1/cases/${id}`)).body.case;
    await eventually(async () => (await caseOf(ORG.cases.en)).escalations.length === 2, 10_000, 'both steps');
    const kase = await caseOf(ORG.cases.en);
    expect(kase.status).toBe('escalated');
    expect(kase.escalations).toMatchObject([
      {
        stepKey: 'severe:escalate',
        ruleName: 'Severe and unresolved',
        status: 'escalated',
        notified: ['Sofia'],
      },
      { stepKey: 'severe:raise', priority: 'high', notified: [] },
    ]);
    // The Spanish case (severity 3) is left alone.
    expect((await caseOf(ORG.cases.es)).escalations).toEqual([]);

    await eventually(
      () => seen.some((e) => e.type === 'notification.changed' && e.payload.kind === 'case_escalated'),
      5000,
      'Sofia told on her console',
    );
    await settle(2500);
    const told = seen.filter((e) => e.type === 'notification.changed' && e.payload.kind === 'case_escalated');
    expect(told).toHaveLength(1);
    expect(told[0]?.payload).toMatchObject({
      caseId: ORG.cases.en,
      params: { rule: 'Severe and unresolved' },
    });
    expect((await caseOf(ORG.cases.en)).escalations).toHaveLength(2);

    const mails = await server.database.db
      .select()
      .from(outboundJobs)
      .where(eq(outboundJobs.kind, 'staff_email'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.payload).toMatchObject({ to: ['sofia@agentdeck.test'] });
  });

  it('saving the rules again does not fire a step twice', async () => {
    const again = await call(server.url, adminToken, 'PUT', RULES_PATH, { rules: [chain] });
    expect(again.body).toMatchObject({ version: 2 });
    await settle(2500);
    const kase = (
      await call<{ case: CaseDetail }>(server.url, adminToken, 'GET', `/api/v1/cases/${ORG.cases.en}`)
    ).body.case;
    expect(kase.escalations).toHaveLength(2);
  });
});
