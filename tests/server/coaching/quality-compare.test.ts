import { beforeAll, describe, expect, it } from 'vitest';
import { kpiIntervals } from '../../../src-server/db/schema';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import type { BeforeAfterResponse, CsatResponse } from '../../../src-shared/protocol/coaching-http';
import { ORG } from '../../fixtures/minimal-org';
import { COACHING, fullMarks, newId, withAnswer } from './coaching-fixture';
import { openCoachingFloor, type Person } from './coaching-session';
import { KINDS, serverForSuite } from '../support/server-test';

describe.each(KINDS)('skills before and after a follow-up, QA beside CSAT, on %s', (kind) => {
  const server = serverForSuite(kind);
  let carl: Person, dana: Person, ana: Person;
  let version: ScorecardVersion;

  const submit = async (contactId: string, answers = fullMarks(version, 'phone')) => {
    const done = await carl.command<Evaluation>('evaluation:save-draft', {
      evaluationId: newId(),
      versionId: version.id,
      contactId,
      answers,
      submit: true,
    });
    if (!done.ok) throw new Error(done.error.message);
    return done.data.entity;
  };
  const read = async <T>(person: Person, path: string) => {
    const res = await person.get(path);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    ({
      people: { carl, dana, ana },
      version,
    } = await openCoachingFloor(server, ['carl', 'dana', 'ana']));
  });

  it('compares a coached skill before and after its follow-up, with the sample sizes', async () => {
    const weak = withAnswer(
      withAnswer(fullMarks(version, 'phone'), { key: 'confirmed_understanding', value: false }),
      { key: 'history_checked', value: false },
    );
    const first = await submit(COACHING.contacts.anaCall, weak);
    expect((await carl.command('evaluation:release', { evaluationId: first.id })).ok).toBe(true);
    const task = await carl.post('/api/v1/coaching/tasks', {
      evaluationId: first.id,
      skills: ['information_gathering'],
      title: 'Confirm and check history',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(task.status).toBe(200);
    await submit(COACHING.contacts.anaCall2);

    const { tasks } = await read<BeforeAfterResponse>(carl, '/api/v1/coaching/analytics/follow-ups');
    expect(tasks).toHaveLength(1);
    const [skill] = tasks[0]!.skills;
    expect(tasks[0]!.agentId).toBe(ORG.users.ana.id);
    expect(skill).toMatchObject({
      skill: 'information_gathering',
      before: { n: 1, isTooSmall: true },
      after: { n: 1, mean: 100, isTooSmall: true },
      isTooSmall: true,
    });
    expect(skill!.before.mean).toBeLessThan(100);
    expect(skill!.change).toBeCloseTo(100 - skill!.before.mean!, 6);

    const narrow = await read<BeforeAfterResponse>(
      carl,
      '/api/v1/coaching/analytics/follow-ups?windowDays=3&minSample=1',
    );
    expect(narrow.tasks[0]!.skills[0]).toMatchObject({ isTooSmall: false });
    expect((await read<BeforeAfterResponse>(dana, '/api/v1/coaching/analytics/follow-ups')).tasks).toEqual(
      [],
    );
  });

  it('says there is no CSAT until survey answers exist, then puts it beside QA per agent', async () => {
    const none = await read<CsatResponse>(carl, '/api/v1/coaching/analytics/csat');
    expect(none.hasCsat).toBe(false);
    expect(none.agents.find((a) => a.agentId === ORG.users.ana.id)?.qa.n).toBe(2);

    const interval = new Date(Date.now() - 86_400_000);
    interval.setUTCMinutes(0, 0, 0);
    const key = { intervalStart: interval, queueId: ORG.queues.en, channel: 'phone' };
    await server.database.db.insert(kpiIntervals).values([
      { ...key, agentId: ORG.users.ana.id, teamId: ORG.teams.en, csatRated5: 2, csatRated1: 1 },
      { ...key, agentId: ORG.users.ben.id, teamId: ORG.teams.en, csatRated4: 1 },
      { ...key, queueId: ORG.queues.es, agentId: ORG.users.eva.id, teamId: ORG.teams.es, csatRated3: 1 },
    ]);
    const some = await read<CsatResponse>(carl, '/api/v1/coaching/analytics/csat');
    expect(some.hasCsat).toBe(true);
    const ana2 = some.agents.find((a) => a.agentId === ORG.users.ana.id);
    expect(ana2?.csat.n).toBe(3);
    expect(ana2?.csat.mean).toBeCloseTo(200 / 3, 6);
    expect(some.agents.find((a) => a.agentId === ORG.users.ben.id)).toMatchObject({
      qa: { n: 0, mean: null },
      csat: { n: 1, mean: 75 },
    });
    expect(some.agents.some((a) => a.agentId === ORG.users.eva.id)).toBe(false);
    expect(some.correlation).toMatchObject({ defined: false, reason: 'too_few_pairs', n: 1 });
  });

  it('refuses agents and a bad range, naming the field', async () => {
    expect((await ana.get('/api/v1/coaching/analytics/csat')).status).toBe(403);
    expect((await ana.get('/api/v1/coaching/analytics/follow-ups')).status).toBe(403);
    const bad = await carl.get('/api/v1/coaching/analytics/follow-ups?windowDays=0');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('windowDays');
    const badFrom = await carl.get('/api/v1/coaching/analytics/csat?from=yesterday');
    expect(badFrom.status).toBe(400);
    expect(await badFrom.text()).toContain('from');
  });
});
