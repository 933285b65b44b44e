import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import type { SinceResponse, SyncEvent } from '../../src-shared/protocol/sync';
import { ORG } from '../fixtures/minimal-org';
import { startNodes, type Nodes } from './support/server-test';
import { hasPostgres, hasRedis } from './support/services';
import { collect, eventually, request, type TestServer } from './support/test-server';

const servicesHere = (await hasPostgres()) && (await hasRedis());

describe.runIf(servicesHere)('two server nodes on one PostgreSQL, sharing rooms through Redis', () => {
  let deployment: Nodes | undefined;
  let nodeA: TestServer, nodeB: TestServer;

  beforeAll(async () => {
    deployment = await startNodes(2);
    nodeA = deployment.nodes[0]!;
    nodeB = deployment.nodes[1]!;
  });
  afterAll(() => deployment?.close());

  it('an event caused through node A reaches a console connected to node B', async () => {
    const anaOnA = await nodeA.connect('ana');
    const sofiaOnB = await nodeB.connect('sofia');
    const seen = collect<SyncEvent>(sofiaOnB, SOCKET_EVENTS.syncEvent);
    const answer = await request(anaOnA, SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'agent:set-state',
      payload: { state: 'available' },
    });
    expect(answer.ok).toBe(true);
    await eventually(() => seen.some((e) => e.entityId === ORG.users.ana.id), 5000, 'event on node B');
  });

  it('a console that moves from node A to node B misses nothing', async () => {
    const benOnA = await nodeA.connect('ben');
    const start = await request<SinceResponse>(benOnA, SOCKET_EVENTS.syncSince, { lastSyncId: 0 });
    if (!start.ok) throw new Error('since failed');
    benOnA.disconnect();
    const anaOnA = await nodeA.connect('ana');
    const bodies = ['first while ben is away', 'second while ben is away'];
    for (const body of bodies) {
      const answer = await request(anaOnA, SOCKET_EVENTS.command, {
        commandId: randomUUID(),
        type: 'case:add-note',
        payload: { caseId: ORG.cases.en, noteId: randomUUID(), body, visibility: 'internal' },
      });
      expect(answer.ok).toBe(true);
    }
    const benOnB = await nodeB.connect('ben');
    const caughtUp = await request<SinceResponse>(benOnB, SOCKET_EVENTS.syncSince, {
      lastSyncId: start.data.lastSyncId,
    });
    if (!caughtUp.ok) throw new Error('since failed');
    expect(caughtUp.data.events.map((e) => (e.payload as { body: string }).body)).toEqual(bodies);
  });

  it('disabling a user on node B ends their socket on node A', async () => {
    const benOnA = await nodeA.connect('ben');
    const adminOnB = await nodeB.connect('admin');
    const ended: unknown[] = [];
    benOnA.on(SOCKET_EVENTS.sessionEnded, (p) => ended.push(p));
    const answer = await request(adminOnB, SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'user:set-disabled',
      payload: { userId: ORG.users.ben.id, disabled: true },
    });
    expect(answer.ok).toBe(true);
    await eventually(() => !benOnA.connected, 5000, 'ben dropped on node A');
    expect(ended).toEqual([{ reason: 'disabled' }]);
  });
});
