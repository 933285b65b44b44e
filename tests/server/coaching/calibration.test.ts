import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { evaluationScores, evaluations } from '../../../src-server/db/schema';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type {
  CalibrationReport,
  CalibrationSession,
} from '../../../src-shared/protocol/coaching-calibration';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { ORG } from '../../fixtures/minimal-org';
import { COACHING, fullMarks, newId, withAnswer } from './coaching-fixture';
import { openCoachingFloor, type Person } from './coaching-session';
import { KINDS, serverForSuite } from '../support/server-test';

describe.each(KINDS)('a blind calibration session with three coaches on %s', (kind) => {
  const server = serverForSuite(kind);
  let carl: Person, dana: Person, eli: Person, ana: Person;
  let version: ScorecardVersion;

  beforeAll(async () => {
    ({
      people: { carl, dana, eli, ana },
      version,
    } = await openCoachingFloor(server, ['carl', 'dana', 'eli', 'ana']));
  });

  it('keeps scores blind until it closes, then reports Krippendorff’s alpha, deviations and a verdict', async () => {
    const contactIds = [COACHING.contacts.anaCall, COACHING.contacts.evaCall];
    const created = await carl.post('/api/v1/calibrations', {
      versionId: version.id,
      contactIds,
      coachIds: [ORG.users.carl.id, COACHING.users.dana, COACHING.users.eli],
    });
    expect(created.status).toBe(200);
    const session = (await created.json()) as CalibrationSession;
    expect(session).toMatchObject({ state: 'open', expertId: null });

    const base = fullMarks(version, 'phone');
    const scoresOf: Record<string, (contact: string) => typeof base> = {
      carl: () => base,
      dana: (c) => (c === COACHING.contacts.evaCall ? withAnswer(base, { key: 'empathy', value: 4 }) : base),
      eli: () => withAnswer(base, { key: 'clarity', value: 3 }),
    };
    for (const [name, person] of [
      ['carl', carl],
      ['dana', dana],
      ['eli', eli],
    ] as const) {
      for (const contactId of contactIds) {
        // Dana coaches the Spanish team, but in the session she scores whatever team handled it.
        const res = await person.post('/api/v1/evaluations', {
          versionId: version.id,
          contactId,
          calibrationId: session.id,
          answers: scoresOf[name]!(contactId),
        });
        expect(res.status, `${name} on ${contactId}`).toBe(200);
        expect(((await res.json()) as Evaluation).kind).toBe('calibration');
      }
    }

    const blind = (await (await dana.get(`/api/v1/calibrations/${session.id}`)).json()) as {
      evaluations: Evaluation[];
    };
    expect(blind.evaluations).toHaveLength(2);
    expect(new Set(blind.evaluations.map((e) => e.authorId))).toEqual(new Set([COACHING.users.dana]));
    const early = await dana.get(`/api/v1/calibrations/${session.id}/report`);
    expect(early.status).toBe(409);
    const carlsEvaluation = (await (await carl.get(`/api/v1/calibrations/${session.id}`)).json()) as {
      evaluations: Evaluation[];
    };
    const hidden = await dana.get(`/api/v1/evaluations/${carlsEvaluation.evaluations[0]!.id}`);
    expect(hidden.status).toBe(404);
    const outsider = await ana.get(`/api/v1/calibrations/${session.id}`);
    expect(outsider.status).toBe(403);

    const byCoach = await dana.post(`/api/v1/calibrations/${session.id}/close`);
    expect(byCoach.status).toBe(403);
    const closed = await carl.post(`/api/v1/calibrations/${session.id}/close`);
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as CalibrationSession).state).toBe('closed');
    const lateScore = await eli.post('/api/v1/evaluations', {
      versionId: version.id,
      contactId: contactIds[0],
      calibrationId: session.id,
      answers: base,
    });
    expect(lateScore.status).toBe(409);

    const report = (await (
      await dana.get(`/api/v1/calibrations/${session.id}/report`)
    ).json()) as CalibrationReport;
    expect(report.metric.overall).toBe('interval');
    expect(report.metric.byCriterion.clarity).toBe('interval');
    expect(report.metric.byCriterion.identity_verified).toBe('nominal');
    expect(report.reference).toBe('consensus');
    expect(report.raters.map((r) => r.coachId).sort()).toEqual(
      [ORG.users.carl.id, COACHING.users.dana, COACHING.users.eli].sort(),
    );
    const deviation = (id: string) => report.raters.find((r) => r.coachId === id)?.deviation ?? NaN;
    // Eli scored clarity low on both contacts: furthest from the consensus.
    expect(deviation(COACHING.users.eli)).toBeGreaterThan(deviation(ORG.users.carl.id));
    expect(report.sample).toMatchObject({ contacts: 2, raters: 3 });
    expect(['reliable', 'tentative', 'unreliable', 'not_enough_data']).toContain(report.verdict.level);
    expect(report.verdict.text.length).toBeGreaterThan(10);

    const open = (await (await dana.get(`/api/v1/calibrations/${session.id}`)).json()) as {
      evaluations: Evaluation[];
    };
    expect(open.evaluations).toHaveLength(6);

    // Calibration never counts in agents' scores, nor shows to the agent.
    const db = server.database.db;
    const calibrationIds = open.evaluations.map((e) => e.id);
    const [scored] = await db
      .select({ n: count() })
      .from(evaluationScores)
      .where(eq(evaluationScores.evaluationId, calibrationIds[0]!));
    expect(scored?.n).toBe(0);
    const mine = (await (await ana.get('/api/v1/evaluations')).json()) as { evaluations: Evaluation[] };
    expect(mine.evaluations.filter((e) => e.kind === 'calibration')).toEqual([]);
    const [stored] = await db
      .select({ n: count() })
      .from(evaluations)
      .where(eq(evaluations.calibrationId, session.id));
    expect(stored?.n).toBe(6);
  });

  it('refuses a session coach a contact outside it and a non-coach the session', async () => {
    const res = await carl.post('/api/v1/calibrations', {
      versionId: version.id,
      contactIds: [COACHING.contacts.anaCall],
      coachIds: [ORG.users.carl.id, ORG.users.ana.id],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(ORG.users.ana.id);
    const session = await carl.command<CalibrationSession>('calibration:create', {
      calibrationId: newId(),
      versionId: version.id,
      contactIds: [COACHING.contacts.anaCall],
      coachIds: [ORG.users.carl.id, COACHING.users.dana],
    });
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    const outside = await dana.command('calibration:submit', {
      calibrationId: session.data.entity.id,
      evaluationId: newId(),
      contactId: COACHING.contacts.evaCall,
      answers: fullMarks(version, 'phone'),
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const notInSession = await eli.command('calibration:submit', {
      calibrationId: session.data.entity.id,
      evaluationId: newId(),
      contactId: COACHING.contacts.anaCall,
      answers: fullMarks(version, 'phone'),
    });
    expect(notInSession).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('names every coach of every team to the one who sets up a session, and nobody to an agent', async () => {
    const res = await carl.get('/api/v1/coaching/raters');
    expect(res.status).toBe(200);
    const { raters } = (await res.json()) as { raters: { id: string }[] };
    expect(raters.map((r) => r.id)).toEqual(
      expect.arrayContaining([ORG.users.carl.id, COACHING.users.dana, COACHING.users.eli]),
    );
    expect(raters.map((r) => r.id)).not.toContain(ORG.users.ana.id);
    expect((await ana.get('/api/v1/coaching/raters')).status).toBe(403);
  });
});
