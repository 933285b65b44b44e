import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { coachProfiles } from '../../../src-server/db/schema';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SinceResponse, SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG } from '../../fixtures/minimal-org';
import { collect, eventually, request, startTestServer, type TestServer } from '../support/test-server';

const agentIdsOf = async (socket: Socket) => {
  const start = await request<SinceResponse>(socket, SOCKET_EVENTS.syncSince, { lastSyncId: 0 });
  if (!start.ok) throw new Error('since failed');
  return (start.data.snapshot?.agents ?? []).map((a) => a.id).sort();
};

/**
 * Issue 11: a coach who coaches several teams (carl: his own Support EN and, by his coach profile,
 * Support ES) receives every coached team's agents — in the snapshot, from GET /agents and live —
 * while an agent still sees only their own team.
 */
describe('the directory a coach of several teams receives', () => {
  let server: TestServer;
  let carl: Socket;
  let ana: Socket;

  beforeAll(async () => {
    server = await startTestServer();
    await server.database.db
      .insert(coachProfiles)
      .values({ userId: ORG.users.carl.id, teamIds: [ORG.teams.es] });
    carl = await server.connect('carl');
    ana = await server.connect('ana');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('holds the agents of every coached team in the snapshot, and only its own team for an agent', async () => {
    const { ana: a, ben, eva } = ORG.users;
    expect(await agentIdsOf(carl)).toEqual([a.id, ben.id, eva.id].sort());
    expect(await agentIdsOf(ana)).toEqual([a.id, ben.id].sort());
  });

  it('lists them over HTTP too', async () => {
    const { token } = await server.login('carl');
    const res = await fetch(`${server.url}/api/v1/agents`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { agents: { id: string }[] };
    expect(body.agents.map((x) => x.id)).toContain(ORG.users.eva.id);
  });

  it("pushes a coached team's state changes to the coach live", async () => {
    const seen = collect<SyncEvent>(carl, SOCKET_EVENTS.syncEvent);
    const eva = await server.connect('eva');
    const answer = await request(eva, SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'agent:set-state',
      payload: { state: 'available' },
    });
    expect(answer.ok).toBe(true);
    await eventually(
      () => seen.some((e) => e.entityId === ORG.users.eva.id && e.type === 'agent.state-changed'),
      10_000,
      "eva's state change at carl's console",
    );
  });
});
