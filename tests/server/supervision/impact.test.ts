import { beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { ImpactPreview } from '../../../src-shared/protocol/supervision';
import { ORG } from '../../fixtures/minimal-org';
import { createContact, runCommand, watchContacts } from '../support/contact-commands';
import { KINDS, serverForSuite } from '../support/server-test';
import { eventually } from '../support/test-server';
import { call, insertOtherSupervisor, OTHER_SUPERVISOR, tokenOf } from './supervision-fixtures';

describe.each(KINDS)('impact preview and jump on %s', (kind) => {
  const server = serverForSuite(kind);
  let ana: Socket, sofia: Socket;
  let sofiaToken: string;
  let anaSees: Map<string, Contact>;

  beforeAll(async () => {
    await insertOtherSupervisor(server.database.db);
    ana = await server.connect('ana');
    sofia = await server.connect('sofia');
    sofiaToken = (await server.login('sofia')).token;
    anaSees = watchContacts(ana);
  });

  it('shows what a jump costs the customer it passes, then jumps; others are refused', async () => {
    await runCommand(ana, 'agent:set-state', { state: 'available' });
    const first = await createContact(sofia, { queueId: ORG.queues.en });
    await eventually(() => anaSees.get(first.id)?.status === 'offered', 5000, 'the first call offered');
    expect((await runCommand(ana, 'contact:accept', { contactId: first.id })).ok).toBe(true);
    const older = await createContact(sofia, { queueId: ORG.queues.en, from: '+14155550100' });
    const younger = await createContact(sofia, { queueId: ORG.queues.en, from: '+14155550101' });

    const path = `/api/v1/contacts/${younger.id}/impact?action=jump`;
    const preview = await call<ImpactPreview>(server.url, sofiaToken, 'GET', path);
    expect(preview.status).toBe(200);
    const passed = preview.body.affected.find((a) => a.contactId === older.id);
    expect(passed).toBeDefined();
    expect(passed!.waitAfterS!).toBeGreaterThan(passed!.waitBeforeS!);
    expect(preview.body.summary.slipped).toBe(1);

    for (const token of [
      (await server.login('ana')).token,
      await tokenOf(server.url, OTHER_SUPERVISOR.username),
    ]) {
      expect((await call(server.url, token, 'GET', path)).status).toBe(403);
      expect((await call(server.url, token, 'POST', `/api/v1/contacts/${younger.id}/jump`, {})).status).toBe(
        403,
      );
    }
    const bad = await call(server.url, sofiaToken, 'GET', `${path}&agentId=${ORG.users.ben.id}`);
    expect(bad.status).toBe(400);

    const jumped = await call<{ contact: Contact }>(
      server.url,
      sofiaToken,
      'POST',
      `/api/v1/contacts/${younger.id}/jump`,
      {
        reason: 'Platinum customer on the line',
      },
    );
    expect(jumped.status).toBe(200);
    const after = await call<ImpactPreview>(server.url, sofiaToken, 'GET', path);
    expect(after.body.affected).toEqual([]);
  });
});
