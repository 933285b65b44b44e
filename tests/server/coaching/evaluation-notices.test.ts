import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../../src-server/db/schema';
import { releaseDueEvaluations } from '../../../src-server/features/coaching/release-timers';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { ConsoleNotification } from '../../../src-shared/protocol/supervisor-entities';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG } from '../../fixtures/minimal-org';
import { collect, eventually } from '../support/test-server';
import { COACHING, fullMarks, newId, withAnswer } from './coaching-fixture';
import { openCoachingFloor, type Person } from './coaching-session';
import { KINDS, serverForSuite } from '../support/server-test';

/** The console notices a socket was pushed, in order. */
function noticesIn(events: SyncEvent[]): ConsoleNotification[] {
  return events.flatMap((e) => (e.type === 'notification.changed' ? [e.payload] : []));
}

async function listed(person: Person): Promise<ConsoleNotification[]> {
  const res = await person.get('/api/v1/notifications');
  expect(res.status).toBe(200);
  return ((await res.json()) as { notifications: ConsoleNotification[] }).notifications;
}

describe.each(KINDS)('evaluation notices in the console on %s', (kind) => {
  const server = serverForSuite(kind);
  let carl: Person, ana: Person, sofia: Person;
  let version: ScorecardVersion;

  beforeAll(async () => {
    ({
      people: { carl, ana, sofia },
      version,
    } = await openCoachingFloor(server, ['carl', 'ana', 'sofia']));
  });

  async function submitted(contactId: string, channel: 'phone' | 'chat'): Promise<Evaluation> {
    const answers = withAnswer(fullMarks(version, channel), { key: 'empathy', value: 3 });
    const done = await carl.command<Evaluation>('evaluation:save-draft', {
      evaluationId: newId(),
      versionId: version.id,
      contactId,
      answers,
      submit: true,
    });
    if (!done.ok) throw new Error(`submit refused: ${done.error.message}`);
    return done.data.entity;
  }

  it('tells the agent of a release and of the resolution, the coach of the dispute; each only to them', async () => {
    const anaSees = collect<SyncEvent>(ana.socket, SOCKET_EVENTS.syncEvent);
    const carlSees = collect<SyncEvent>(carl.socket, SOCKET_EVENTS.syncEvent);
    const sofiaSees = collect<SyncEvent>(sofia.socket, SOCKET_EVENTS.syncEvent);
    const evaluation = await submitted(COACHING.contacts.anaChat, 'chat');
    // Submitting is between coaches: the agent hears nothing yet.
    expect(noticesIn(anaSees)).toEqual([]);

    expect((await carl.command('evaluation:release', { evaluationId: evaluation.id })).ok).toBe(true);
    await eventually(() => noticesIn(anaSees).length === 1, 10_000, 'the agent to be told of the release');
    expect(noticesIn(anaSees)[0]).toMatchObject({
      userId: ORG.users.ana.id,
      kind: 'evaluation_released',
      contactId: COACHING.contacts.anaChat,
      readAt: null,
      params: { evaluationId: evaluation.id, by: 'Carl', score: evaluation.finalScore?.toFixed(1) },
    });

    const disputed = await ana.command('evaluation:dispute', {
      evaluationId: evaluation.id,
      items: [{ key: 'empathy', reason: 'I said I was sorry twice' }],
    });
    expect(disputed.ok).toBe(true);
    await eventually(() => noticesIn(carlSees).length === 1, 10_000, 'the coach to be told of the dispute');
    expect(noticesIn(carlSees)[0]).toMatchObject({
      userId: ORG.users.carl.id,
      kind: 'evaluation_disputed',
      params: { evaluationId: evaluation.id, by: 'Ana', criteria: 'Empathy' },
    });

    const resolved = await carl.command('evaluation:resolve', {
      evaluationId: evaluation.id,
      decisions: [{ key: 'empathy', decision: 'rejected', note: 'Apologising is not empathy' }],
    });
    expect(resolved.ok).toBe(true);
    await eventually(() => noticesIn(anaSees).length === 2, 10_000, 'the agent to be told of the resolution');
    expect(noticesIn(anaSees)[1]).toMatchObject({
      kind: 'evaluation_dispute_resolved',
      params: { by: 'Carl', outcome: 'rejected', note: 'Apologising is not empathy' },
    });

    // Persisted: a console that starts later reads them; each person reads only their own.
    expect((await listed(ana)).map((n) => n.kind)).toEqual([
      'evaluation_dispute_resolved',
      'evaluation_released',
    ]);
    expect((await listed(carl)).map((n) => n.kind)).toEqual(['evaluation_disputed']);
    expect(noticesIn(sofiaSees)).toEqual([]);
    expect(noticesIn(carlSees)).toHaveLength(1);
  });

  it('tells the coach when the agent acknowledges, and the agent when a set release time comes', async () => {
    const carlSees = collect<SyncEvent>(carl.socket, SOCKET_EVENTS.syncEvent);
    const evaluation = await submitted(COACHING.contacts.anaCall, 'phone');
    const releaseAt = new Date(Date.now() + 3_600_000);
    const scheduled = await sofia.command('evaluation:release', {
      evaluationId: evaluation.id,
      at: releaseAt.toISOString(),
    });
    expect(scheduled.ok).toBe(true);
    const noticesOfIt = () =>
      server.database.db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, ORG.users.ana.id), eq(notifications.kind, 'evaluation_released')),
        );
    const before = (await noticesOfIt()).filter((n) => n.params.evaluationId === evaluation.id);
    expect(before).toEqual([]);

    // The deadline sweeper's own step, an hour on: released by the clock, in the author's name.
    await server.database.db.transaction((tx) =>
      releaseDueEvaluations(tx, new Date(releaseAt.getTime() + 60_000), 10),
    );
    const after = (await noticesOfIt()).filter((n) => n.params.evaluationId === evaluation.id);
    expect(after).toHaveLength(1);
    expect(after[0]?.params).toMatchObject({ by: 'Carl' });

    expect((await ana.command('evaluation:acknowledge', { evaluationId: evaluation.id })).ok).toBe(true);
    await eventually(
      () => noticesIn(carlSees).some((n) => n.kind === 'evaluation_acknowledged'),
      10_000,
      'the coach to be told of the acknowledgement',
    );
    expect(noticesIn(carlSees).find((n) => n.kind === 'evaluation_acknowledged')).toMatchObject({
      userId: ORG.users.carl.id,
      params: { evaluationId: evaluation.id, by: 'Ana' },
    });
  });

  it('sends no notice when a step is refused', async () => {
    const evaluation = await submitted(COACHING.contacts.anaCall2, 'phone');
    const premature = await ana.command('evaluation:acknowledge', { evaluationId: evaluation.id });
    expect(premature.ok).toBe(false);
    const carlNotices = await listed(carl);
    expect(carlNotices.filter((n) => n.params.evaluationId === evaluation.id)).toEqual([]);
  });
});
