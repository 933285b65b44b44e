import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { contactMonitors, evaluations, outboundJobs } from '../../../src-server/db/schema';
import type { Answer, ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import type { FollowUpTask, TemplateResult } from '../../../src-shared/protocol/coaching-commands';
import { eventually } from '../support/test-server';
import { COACHING, fullMarks, newId, withAnswer } from './coaching-fixture';
import { openCoachingFloor, type Person } from './coaching-session';
import { KINDS, serverForSuite } from '../support/server-test';

interface ErrorBody {
  error: { code: string; message: string; details?: { key: string; code: string }[] };
}

describe.each(KINDS)('coaching refusals, on the socket and over HTTP, on %s', (kind) => {
  const server = serverForSuite(kind);
  let carl: Person, dana: Person, ana: Person, ben: Person, eva: Person;
  let version: ScorecardVersion;
  let phone: Answer[];

  const storedFor = async (contactId: string) => {
    const [row] = await server.database.db
      .select({ n: count() })
      .from(evaluations)
      .where(eq(evaluations.contactId, contactId));
    return row?.n ?? 0;
  };
  const draftOf = (contactId: string, answers: Answer[], submit = false) => ({
    evaluationId: newId(),
    versionId: version.id,
    contactId,
    answers,
    submit,
  });

  beforeAll(async () => {
    ({
      people: { carl, dana, ana, ben, eva },
      version,
    } = await openCoachingFloor(server, ['carl', 'dana', 'ana', 'ben', 'eva']));
    phone = fullMarks(version, 'phone');
  });

  it('refuses each bad answer naming the criterion, and stores nothing', async () => {
    const cases: [Answer[], string, string][] = [
      [withAnswer(phone, { key: 'probing_questions', value: 9 }), 'probing_questions', 'out_of_range'],
      [[...phone, { key: 'no_such_thing', value: true }], 'no_such_thing', 'unknown_key'],
      [withAnswer(phone, { key: 'identity_verified', value: null }), 'identity_verified', 'na_not_allowed'],
      [withAnswer(phone, { key: 'greeting_opening', value: false }), 'greeting_opening', 'comment_required'],
    ];
    for (const [answers, key, code] of cases) {
      const socket = await carl.command(
        'evaluation:save-draft',
        draftOf(COACHING.contacts.anaCall2, answers, true),
      );
      expect(socket, key).toMatchObject({ ok: false, error: { code: 'invalid' } });
      if (!socket.ok) {
        expect(socket.error.message).toContain(key);
        expect(socket.error.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ key, code })]),
        );
      }
      const res = await carl.post('/api/v1/evaluations', {
        versionId: version.id,
        contactId: COACHING.contacts.anaCall2,
        answers,
        submit: true,
      });
      expect(res.status, key).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.message).toContain(key);
      expect(body.error.details?.some((d) => d.key === key && d.code === code)).toBe(true);
    }
    expect(await storedFor(COACHING.contacts.anaCall2)).toBe(0);
  });

  it('refuses a submit on a retired version’s draft', async () => {
    const imported = await carl.command<TemplateResult>('scorecard:import', {
      templateId: newId(),
      versionId: newId(),
      file: COACHING.scorecardFile,
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const versionId = imported.data.entity.version.id;
    await carl.command('scorecard:publish', { versionId });
    const draft = { ...draftOf(COACHING.contacts.anaCall, phone), versionId };
    expect((await carl.command('evaluation:save-draft', draft)).ok).toBe(true);
    expect((await carl.command('scorecard:retire', { versionId })).ok).toBe(true);
    const submit = await carl.command('evaluation:submit', { evaluationId: draft.evaluationId });
    expect(submit).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!submit.ok) expect(submit.error.message).toContain('retired');
    const res = await carl.post(`/api/v1/evaluations/${draft.evaluationId}/submit`, {});
    expect(res.status).toBe(400);
    // A published version never changes.
    const edit = await carl.command('scorecard:save-draft', {
      templateId: imported.data.entity.template.id,
      versionId,
      content: { name: 'x', description: '', sections: [] },
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps coaches to their teams and agents off scoring others or themselves as a coach', async () => {
    const outOfScope = await dana.command('evaluation:save-draft', draftOf(COACHING.contacts.anaCall, phone));
    expect(outOfScope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const outOfScopeHttp = await dana.post('/api/v1/evaluations', {
      versionId: version.id,
      contactId: COACHING.contacts.anaCall,
      answers: phone,
    });
    expect(outOfScopeHttp.status).toBe(403);
    expect((await dana.command('evaluation:save-draft', draftOf(COACHING.contacts.evaCall, phone))).ok).toBe(
      true,
    );

    const agentAsCoach = await ana.command(
      'evaluation:save-draft',
      draftOf(COACHING.contacts.anaCall, phone),
    );
    expect(agentAsCoach).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const agentAsCoachHttp = await ben.post('/api/v1/evaluations', {
      versionId: version.id,
      contactId: COACHING.contacts.anaCall,
      answers: phone,
    });
    expect(agentAsCoachHttp.status).toBe(403);
    const othersContact = await eva.command(
      'evaluation:self-assess',
      draftOf(COACHING.contacts.anaCall, phone),
    );
    expect(othersContact).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const self = await ana.post('/api/v1/evaluations', {
      versionId: version.id,
      contactId: COACHING.contacts.anaCall,
      answers: phone,
      kind: 'self',
      submit: true,
    });
    expect(self.status).toBe(200);
    expect(((await self.json()) as Evaluation).kind).toBe('self');
  });

  it('shows agents only their own released evaluations, and lets only them dispute and someone else resolve', async () => {
    const submitted = await carl.command<Evaluation>(
      'evaluation:save-draft',
      draftOf(COACHING.contacts.anaCall, phone, true),
    );
    if (!submitted.ok) throw new Error(submitted.error.message);
    const id = submitted.data.entity.id;
    expect((await ana.get(`/api/v1/evaluations/${id}`)).status).toBe(404);
    expect(await ana.command('evaluation:acknowledge', { evaluationId: id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await ana.post(`/api/v1/evaluations/${id}/release`, {})).status).toBe(403);
    await carl.command('evaluation:release', { evaluationId: id });
    expect((await ana.get(`/api/v1/evaluations/${id}`)).status).toBe(200);
    expect((await ben.get(`/api/v1/evaluations/${id}`)).status).toBe(404);
    expect((await ben.get(`/api/v1/evaluations?agent=usr_ana`)).status).toBe(403);
    expect(
      await ben.command('evaluation:dispute', { evaluationId: id, items: [{ key: 'clarity', reason: 'x' }] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      (await carl.post(`/api/v1/evaluations/${id}/dispute`, { items: [{ key: 'clarity', reason: 'x' }] }))
        .status,
    ).toBe(403);
    const badKey = await ana.post(`/api/v1/evaluations/${id}/dispute`, {
      items: [{ key: 'not_a_key', reason: 'x' }],
    });
    expect(badKey.status).toBe(400);
    expect(((await badKey.json()) as ErrorBody).error.message).toContain('not_a_key');
    expect(
      (
        await ana.post(`/api/v1/evaluations/${id}/dispute`, {
          items: [{ key: 'clarity', reason: 'I was clear' }],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await ana.post(`/api/v1/evaluations/${id}/resolve`, {
          decisions: [{ key: 'clarity', decision: 'rejected' }],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await dana.post(`/api/v1/evaluations/${id}/resolve`, {
          decisions: [{ key: 'clarity', decision: 'rejected' }],
        })
      ).status,
    ).toBe(404);
    const noRescore = await carl.post(`/api/v1/evaluations/${id}/resolve`, {
      decisions: [{ key: 'clarity', decision: 'accepted' }],
    });
    expect(noRescore.status).toBe(400);
    const resolved = await carl.post(`/api/v1/evaluations/${id}/resolve`, {
      decisions: [{ key: 'clarity', decision: 'rejected', note: 'Heard it twice' }],
    });
    expect(((await resolved.json()) as Evaluation).resolution?.outcome).toBe('rejected');

    const task = await carl.command<FollowUpTask>('coaching-task:assign', {
      taskId: newId(),
      evaluationId: id,
      skills: ['communication_fundamentals'],
      title: 'Refresher: plain words',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    if (!task.ok) throw new Error(task.error.message);
    expect(await ben.command('coaching-task:done', { taskId: task.data.entity.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const done = await ana.post(`/api/v1/coaching/tasks/${task.data.entity.id}/done`);
    expect(((await done.json()) as FollowUpTask).state).toBe('done');
  });

  it('releases at a set time through the deadline row', async () => {
    const submitted = await carl.command<Evaluation>(
      'evaluation:save-draft',
      draftOf(COACHING.contacts.anaChat, fullMarks(version, 'chat'), true),
    );
    if (!submitted.ok) throw new Error(submitted.error.message);
    const at = new Date(Date.now() + 1_000).toISOString();
    const later = await carl.command<Evaluation>('evaluation:release', {
      evaluationId: submitted.data.entity.id,
      at,
    });
    expect(later.ok && later.data.entity).toMatchObject({ state: 'submitted' });
    await eventually(
      async () => (await ana.get(`/api/v1/evaluations/${submitted.data.entity.id}`)).status === 200,
      15_000,
      'the release at its set time',
    );
  });

  it('monitors a live call only for coaches in scope, as a call control with the coach’s number', async () => {
    const byAgent = await ben.command('contact:monitor', {
      contactId: COACHING.contacts.anaLive,
      mode: 'monitor',
    });
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const outOfScope = await dana.post(`/api/v1/contacts/${COACHING.contacts.anaLive}/monitor`, {
      mode: 'barge',
    });
    expect(outOfScope.status).toBe(403);
    const closedCall = await carl.command('contact:monitor', {
      contactId: COACHING.contacts.anaCall,
      mode: 'monitor',
    });
    expect(closedCall).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const ok = await carl.post(`/api/v1/contacts/${COACHING.contacts.anaLive}/monitor`, { mode: 'whisper' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ mode: 'whisper', phone: '+14155550100' });
    const db = server.database.db;
    const recorded = await db
      .select()
      .from(contactMonitors)
      .where(eq(contactMonitors.contactId, COACHING.contacts.anaLive));
    expect(recorded).toHaveLength(1);
    const jobs = await db.select().from(outboundJobs).where(eq(outboundJobs.kind, 'call_control'));
    expect(jobs.map((j) => j.payload)).toContainEqual(
      expect.objectContaining({
        action: 'whisper',
        callId: 'cti-call-live-1',
        target: { phone: '+14155550100' },
      }),
    );
  });
});
