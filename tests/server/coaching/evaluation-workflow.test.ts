import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { evaluationRevisions, evaluations } from '../../../src-server/db/schema';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import type { AnalyticsTrendResponse } from '../../../src-shared/protocol/coaching-http';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { ORG } from '../../fixtures/minimal-org';
import { collect, eventually } from '../support/test-server';
import { COACHING, fullMarks, newId, withAnswer } from './coaching-fixture';
import { openCoachingFloor, signInAs, type Person } from './coaching-session';
import { KINDS, serverForSuite } from '../support/server-test';

describe.each(KINDS)('an evaluation from draft to resolved dispute on %s', (kind) => {
  const server = serverForSuite(kind);
  let carl: Person, ana: Person, sofia: Person;
  let version: ScorecardVersion;

  beforeAll(async () => {
    ({
      people: { carl, ana, sofia },
      version,
    } = await openCoachingFloor(server, ['carl', 'ana', 'sofia']));
  });

  it('scores a chat with an N/A and an anchored comment, releases it, and the agent disputes; the coach re-scores', async () => {
    const anaSees = collect<SyncEvent>(ana.socket, SOCKET_EVENTS.syncEvent);
    const evaluationId = newId();
    const answers = withAnswer(fullMarks(version, 'chat'), {
      key: 'empathy',
      value: 2,
      comment: 'Acknowledge the frustration before the fix',
      anchor: { kind: 'message', messageId: COACHING.chatLine },
    });
    const draft = await carl.command<Evaluation>('evaluation:save-draft', {
      evaluationId,
      versionId: version.id,
      contactId: COACHING.contacts.anaChat,
      answers: answers.filter((a) => a.key !== 'close'),
    });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.data.entity.state).toBe('draft');

    // A submit needs every applicable criterion answered.
    const incomplete = await carl.command('evaluation:submit', { evaluationId });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!incomplete.ok) expect(incomplete.error.message).toContain('close');

    const submitted = await carl.command<Evaluation>('evaluation:submit', { evaluationId, answers });
    expect(submitted.ok && submitted.data.entity).toMatchObject({ state: 'submitted', revision: 1 });
    if (!submitted.ok) return;
    const evaluation = submitted.data.entity;
    expect(evaluation.rawScore).toBeLessThan(evaluation.maxScore);
    expect(evaluation.answers.find((a) => a.key === 'hold_etiquette')?.value).toBeNull();
    expect(evaluation.sections.find((s) => s.key === 'communication')?.finalScore).toBeLessThan(100);

    const released = await carl.command<Evaluation>('evaluation:release', { evaluationId });
    expect(released.ok && released.data.entity.state).toBe('released');
    await eventually(
      () => anaSees.some((e) => e.type === 'evaluation.changed' && e.payload.state === 'released'),
      10_000,
      'the agent to see the released evaluation',
    );
    expect(
      anaSees
        .filter((e) => e.type === 'evaluation.changed')
        .map((e) => e.type === 'evaluation.changed' && e.payload.state),
    ).toEqual(['released']);

    const disputed = await ana.command<Evaluation>('evaluation:dispute', {
      evaluationId,
      items: [{ key: 'empathy', reason: 'I did acknowledge it in my second line' }],
    });
    expect(disputed.ok && disputed.data.entity).toMatchObject({
      state: 'disputed',
      disputes: [{ key: 'empathy' }],
    });

    const byAgent = await ana.command('evaluation:resolve', {
      evaluationId,
      decisions: [{ key: 'empathy', decision: 'rejected' }],
    });
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const resolved = await carl.command<Evaluation>('evaluation:resolve', {
      evaluationId,
      decisions: [{ key: 'empathy', decision: 'accepted', note: 'You did, in the second line' }],
      answers: withAnswer(answers, { key: 'empathy', value: 5 }),
    });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    const final = resolved.data.entity;
    expect(final).toMatchObject({
      state: 'resolved',
      revision: 2,
      resolution: { outcome: 'accepted', revision: 2 },
    });
    expect(final.history.map((h) => h.revision)).toEqual([1]);
    expect(final.history[0]?.answers.find((a) => a.key === 'empathy')?.value).toBe(2);
    expect(final.finalScore).toBeGreaterThan(evaluation.finalScore ?? 0);

    const read = await ana.get(`/api/v1/evaluations/${evaluationId}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { evaluation: Evaluation }).evaluation.history).toHaveLength(1);
  });

  it('answers a repeated command with its first result and stores it once, on the socket and over HTTP', async () => {
    const commandId = newId();
    const payload = {
      evaluationId: newId(),
      versionId: version.id,
      contactId: COACHING.contacts.anaCall,
      answers: fullMarks(version, 'phone'),
      submit: true,
    };
    const first = await carl.command<Evaluation>('evaluation:save-draft', payload, { commandId });
    const again = await carl.command<Evaluation>('evaluation:save-draft', payload, { commandId });
    expect(again).toEqual(first);

    const key = newId();
    const body = {
      versionId: version.id,
      contactId: COACHING.contacts.anaCall2,
      answers: fullMarks(version, 'phone'),
      submit: true,
    };
    const one = await carl.post('/api/v1/evaluations', body, key);
    const two = await carl.post('/api/v1/evaluations', body, key);
    expect(one.status).toBe(200);
    const created = (await one.json()) as Evaluation;
    expect(created).toMatchObject({ rawScore: 105, finalScore: 105, maxScore: 105, state: 'submitted' });
    expect(created.sections.length).toBeGreaterThan(5);
    expect(await two.json()).toEqual(created);
    const db = server.database.db;
    const [stored] = await db
      .select({ n: count() })
      .from(evaluations)
      .where(eq(evaluations.contactId, COACHING.contacts.anaCall2));
    expect(stored?.n).toBe(1);

    // The agent sees nothing until release; after an HTTP release they do.
    const before = (await (await ana.get('/api/v1/evaluations')).json()) as { evaluations: Evaluation[] };
    expect(before.evaluations.map((e) => e.id)).not.toContain(created.id);
    const release = await carl.post(`/api/v1/evaluations/${created.id}/release`, {}, newId());
    expect(release.status).toBe(200);
    const after = (await (await ana.get('/api/v1/evaluations')).json()) as { evaluations: Evaluation[] };
    expect(after.evaluations.map((e) => e.id)).toContain(created.id);
    const ack = await ana.post(`/api/v1/evaluations/${created.id}/acknowledge`, {});
    expect(((await ack.json()) as Evaluation).state).toBe('acknowledged');
  });

  it('re-scores by the author or a supervisor as a new revision, and refuses anyone else', async () => {
    const evaluationId = newId();
    const answers = fullMarks(version, 'phone');
    await carl.command('evaluation:save-draft', {
      evaluationId,
      versionId: version.id,
      contactId: COACHING.contacts.anaCall,
      answers,
      submit: true,
    });
    const bySupervisor = await sofia.command<Evaluation>('evaluation:rescore', {
      evaluationId,
      answers: withAnswer(answers, {
        key: 'identity_verified',
        value: false,
        comment: 'No verification at all',
      }),
      reason: 'Listened again: no identity check',
    });
    expect(bySupervisor.ok && bySupervisor.data.entity).toMatchObject({ revision: 2, finalScore: 0 });
    if (bySupervisor.ok) expect(bySupervisor.data.entity.rawScore).toBeGreaterThan(80);
    const revisions = await server.database.db
      .select()
      .from(evaluationRevisions)
      .where(eq(evaluationRevisions.evaluationId, evaluationId));
    expect(revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
    if (bySupervisor.ok) expect(bySupervisor.data.entity.history[0]?.authorId).toBe(ORG.users.carl.id);

    const eli = await signInAs(server, 'eli');
    const byOtherCoach = await eli.command('evaluation:rescore', {
      evaluationId,
      answers,
      reason: 'I would score it higher',
    });
    expect(byOtherCoach).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const byAgent = await ana.command('evaluation:rescore', { evaluationId, answers, reason: 'Mine' });
    // Agents may not re-score at all: refused on the role, before anything about it is read.
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('reports quality trends per agent and per section with the sample size beside every average', async () => {
    const byAgent = (await (
      await carl.get('/api/v1/coaching/analytics/trend?by=agent&period=month')
    ).json()) as AnalyticsTrendResponse;
    const anas = byAgent.series.find((s) => s.id === ORG.users.ana.id);
    expect(anas?.overall.n).toBeGreaterThanOrEqual(3);
    expect(anas?.overall.isTooSmall).toBe(true);
    expect(anas?.points[0]?.versionIds).toEqual([version.id]);
    const bySection = (await (
      await sofia.get('/api/v1/coaching/analytics/trend?by=section')
    ).json()) as AnalyticsTrendResponse;
    expect(bySection.series.map((s) => s.id)).toContain('communication');
    expect((await ana.get('/api/v1/coaching/analytics/trend')).status).toBe(403);
  });
});
