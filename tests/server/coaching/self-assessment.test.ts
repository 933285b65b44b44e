import { beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import type { AnalyticsTrendResponse } from '../../../src-shared/protocol/coaching-http';
import { ORG } from '../../fixtures/minimal-org';
import { COACHING, fullMarks, newId, withAnswer } from './coaching-fixture';
import { openCoachingFloor, type Person } from './coaching-session';
import { KINDS, serverForSuite } from '../support/server-test';

async function evaluationsAs(person: Person, query = ''): Promise<Evaluation[]> {
  const res = await person.get(`/api/v1/evaluations${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { evaluations: Evaluation[] }).evaluations;
}

describe.each(KINDS)('an agent assesses their own contact on %s', (kind) => {
  const server = serverForSuite(kind);
  let carl: Person, ana: Person, eva: Person;
  let version: ScorecardVersion;

  beforeAll(async () => {
    ({
      people: { carl, ana, eva },
      version,
    } = await openCoachingFloor(server, ['carl', 'ana', 'eva']));
  });

  it('keeps the self-assessment its own kind: seen by the coach beside theirs, never in QA analytics', async () => {
    const contactId = COACHING.contacts.anaCall;
    const selfId = newId();
    // A draft first, as the console saves while the agent types; then submitted.
    const draft = await ana.command<Evaluation>('evaluation:self-assess', {
      evaluationId: selfId,
      versionId: version.id,
      contactId,
      answers: fullMarks(version, 'phone').slice(0, 3),
    });
    expect(draft.ok && draft.data.entity).toMatchObject({
      kind: 'self',
      state: 'draft',
      authorId: ORG.users.ana.id,
    });
    // The coach does not see the agent's unfinished draft.
    expect((await evaluationsAs(carl, `?agent=${ORG.users.ana.id}`)).map((e) => e.id)).not.toContain(selfId);

    const submitted = await ana.command<Evaluation>('evaluation:submit', {
      evaluationId: selfId,
      answers: fullMarks(version, 'phone'),
    });
    expect(submitted.ok && submitted.data.entity).toMatchObject({ kind: 'self', state: 'submitted' });
    if (!submitted.ok) return;
    expect(submitted.data.entity.finalScore).toBeGreaterThan(99);

    // The coach scores the same contact lower.
    const coachScored = await carl.command<Evaluation>('evaluation:save-draft', {
      evaluationId: newId(),
      versionId: version.id,
      contactId,
      answers: withAnswer(fullMarks(version, 'phone'), { key: 'empathy', value: 1, comment: 'Cold' }),
      submit: true,
    });
    expect(coachScored.ok).toBe(true);
    if (!coachScored.ok) return;

    const seenByCoach = await evaluationsAs(carl, `?agent=${ORG.users.ana.id}`);
    const pair = seenByCoach.filter((e) => e.contactId === contactId);
    expect(pair.map((e) => e.kind).sort()).toEqual(['coach', 'self']);
    expect(pair.find((e) => e.kind === 'self')?.names).toMatchObject({ [ORG.users.ana.id]: 'Ana' });

    // Analytics count the coach's evaluation alone: one value, the coach's score.
    const trend = (await (
      await carl.get('/api/v1/coaching/analytics/trend?by=agent&period=month')
    ).json()) as AnalyticsTrendResponse;
    const anas = trend.series.find((s) => s.id === ORG.users.ana.id);
    expect(anas?.overall.n).toBe(1);
    expect(anas?.overall.mean).toBeCloseTo(coachScored.data.entity.finalScore ?? -1, 6);

    // A self-assessment is never released to anyone, nor re-scored as a coach's.
    const release = await carl.command('evaluation:release', { evaluationId: selfId });
    expect(release).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a self-assessment of someone else’s contact and a bad answer, storing nothing', async () => {
    const other = await eva.command('evaluation:self-assess', {
      evaluationId: newId(),
      versionId: version.id,
      contactId: COACHING.contacts.anaCall2,
      answers: [],
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const selfId = newId();
    const outOfRange = await ana.command('evaluation:self-assess', {
      evaluationId: selfId,
      versionId: version.id,
      contactId: COACHING.contacts.anaCall2,
      answers: [{ key: 'empathy', value: 9 }],
    });
    expect(outOfRange).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!outOfRange.ok) expect(outOfRange.error.message).toContain('empathy');
    expect((await evaluationsAs(ana)).map((e) => e.id)).not.toContain(selfId);
  });
});
