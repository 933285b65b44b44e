import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { contacts, samplingDraws, samplingPlans } from '../../../src-server/db/schema';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type {
  SamplingDraw,
  SamplingPlan,
  SamplingPlanBody,
  WorkItem,
} from '../../../src-shared/protocol/coaching-sampling';
import { drawSample, periodToSample } from '../../../src-shared/domain/coaching/sampling';
import { ORG } from '../../fixtures/minimal-org';
import { hasPostgres } from '../support/services';
import { startOnOwnDatabase, type DatabaseKind, type TestServer } from '../support/test-server';
import { fullMarks, insertCoachingFixture, newId } from './coaching-fixture';
import { publishDefaultScorecard, signInAs, type Person } from './coaching-session';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Contacts closed last week (the period a draw made now samples): ana 3, ben 1, eva 2. */
const LAST_WEEK = {
  ana: ['ct_s_ana_1', 'ct_s_ana_2', 'ct_s_ana_3'],
  ben: ['ct_s_ben_1'],
  eva: ['ct_s_eva_1', 'ct_s_eva_2'],
} as const;

describe.each(kinds)('sampling plans, draws and the worklist, on %s', (kind) => {
  let server: TestServer;
  let carl: Person, dana: Person, ana: Person;
  let version: ScorecardVersion;
  let planBody: SamplingPlanBody;
  let plan: SamplingPlan;
  let draw: SamplingDraw;

  const storedDraws = async () =>
    (await server.database.db.select({ n: count() }).from(samplingDraws))[0]?.n ?? 0;
  const storedPlans = async () =>
    (await server.database.db.select({ n: count() }).from(samplingPlans))[0]?.n ?? 0;
  const worklistOf = async (person: Person) => {
    const res = await person.get('/api/v1/coaching/worklist');
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: WorkItem[] }).items;
  };

  beforeAll(async () => {
    server = await startOnOwnDatabase(kind);
    const db = server.database.db;
    await insertCoachingFixture(db);
    const lastWeek = periodToSample({ period: 'week', timeZone: 'UTC' }, Date.now());
    const closedAt = new Date(lastWeek.start + 36 * 60 * 60 * 1000);
    const closed = (id: string, agentId: string, queueId: string, caseId: string) => ({
      id,
      channel: 'phone',
      status: 'closed',
      queueId,
      agentId,
      caseId,
      from: '+14155550134',
      endedAt: closedAt,
    });
    await db
      .insert(contacts)
      .values([
        ...LAST_WEEK.ana.map((id) => closed(id, ORG.users.ana.id, ORG.queues.en, ORG.cases.en)),
        ...LAST_WEEK.ben.map((id) => closed(id, ORG.users.ben.id, ORG.queues.en, ORG.cases.en)),
        ...LAST_WEEK.eva.map((id) => closed(id, ORG.users.eva.id, ORG.queues.es, ORG.cases.es)),
      ]);
    carl = await signInAs(server, 'carl');
    dana = await signInAs(server, 'dana');
    ana = await signInAs(server, 'ana');
    version = await publishDefaultScorecard(carl);
    planBody = {
      name: 'EN weekly',
      templateId: version.templateId,
      perAgent: 2,
      period: 'week',
      channels: [],
      queueIds: [],
      teamIds: [ORG.teams.en],
      timeZone: 'UTC',
      dueAfterDays: 30,
      active: true,
    };
  });
  afterAll(async () => {
    await server?.close();
  });

  it('saves a plan on the socket and lists it over HTTP', async () => {
    const saved = await carl.command<SamplingPlan>('sampling:save-plan', { planId: newId(), plan: planBody });
    if (!saved.ok) throw new Error(saved.error.message);
    plan = saved.data.entity;
    expect(plan).toMatchObject({ name: 'EN weekly', perAgent: 2, createdBy: ORG.users.carl.id, version: 1 });
    const res = await carl.get('/api/v1/sampling-plans');
    expect(res.status).toBe(200);
    const { plans } = (await res.json()) as { plans: SamplingPlan[] };
    expect(plans.map((p) => p.id)).toContain(plan.id);
    // A coach of other teams is not shown it: their list holds their teams' plans only.
    const danas = (await (await dana.get('/api/v1/sampling-plans')).json()) as { plans: SamplingPlan[] };
    expect(danas.plans.map((p) => p.id)).not.toContain(plan.id);
  });

  it('draws last week at random from a recorded seed, reproducibly, once per period', async () => {
    const res = await carl.post(`/api/v1/sampling-plans/${plan.id}/draw`, { seed: 42 });
    expect(res.status).toBe(200);
    draw = (await res.json()) as SamplingDraw;
    expect(draw.seed).toBe(42);
    const ana2 = draw.picks.find((p) => p.agentId === ORG.users.ana.id)?.contactIds ?? [];
    expect(ana2).toHaveLength(2);
    for (const id of ana2) expect(LAST_WEEK.ana).toContain(id);
    expect(draw.picks.find((p) => p.agentId === ORG.users.ben.id)?.contactIds).toEqual([...LAST_WEEK.ben]);
    expect(draw.picks.some((p) => p.agentId === ORG.users.eva.id)).toBe(false);
    expect(draw.shortfalls).toContainEqual({ agentId: ORG.users.ben.id, wanted: 2, available: 1 });

    // The recorded seed and the same contacts give the same picks.
    const again = drawSample({
      rules: plan,
      period: { start: Date.parse(draw.periodStart), end: Date.parse(draw.periodEnd), label: '' },
      seed: draw.seed,
      candidates: [...LAST_WEEK.ana, ...LAST_WEEK.ben].map((contactId) => ({
        contactId,
        agentId: contactId.includes('ana') ? ORG.users.ana.id : ORG.users.ben.id,
        channel: 'phone' as const,
        queueId: ORG.queues.en,
        teamId: ORG.teams.en,
        closedAt: Date.parse(draw.periodStart) + 1,
      })),
    });
    expect(again.picks).toEqual(draw.picks);

    const twice = await carl.command('sampling:draw', { planId: plan.id, drawId: newId() });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!twice.ok) expect(twice.error.message).toContain('seed 42');
    expect(await storedDraws()).toBe(1);
    const listed = (await (await carl.get('/api/v1/sampling-plans')).json()) as { draws: SamplingDraw[] };
    expect(listed.draws.map((d) => d.id)).toEqual([draw.id]);
  });

  it('puts the drawn contacts on the worklists of the coaches of those teams, done once scored', async () => {
    const drawn = draw.picks.flatMap((p) => p.contactIds);
    const carls = await worklistOf(carl);
    expect(carls.map((i) => i.contactId).sort()).toEqual([...drawn].sort());
    for (const item of carls)
      expect(item).toMatchObject({
        source: 'sample',
        planId: plan.id,
        status: 'due',
        // Described, so the coach recognises the contact without its id.
        contact: { channel: 'phone', from: '+14155550134' },
      });
    // Named by the server: a coach's directory may not hold every agent a plan drew.
    const names: Record<string, string> = { [ORG.users.ana.id]: 'Ana', [ORG.users.ben.id]: 'Ben' };
    for (const item of carls) expect(item.agentName).toBe(names[item.agentId]);
    expect(await worklistOf(dana)).toEqual([]);

    const contactId = drawn[0]!;
    const scored = await carl.command('evaluation:save-draft', {
      evaluationId: newId(),
      versionId: version.id,
      contactId,
      answers: fullMarks(version, 'phone'),
      submit: true,
    });
    expect(scored.ok).toBe(true);
    const after = await worklistOf(carl);
    expect(after.find((i) => i.contactId === contactId)?.status).toBe('done');
    expect(after.at(-1)?.contactId).toBe(contactId);
  });

  it('shows what is overdue, and a contact picked by hand while its draft is open', async () => {
    const esPlan = await dana.command<SamplingPlan>('sampling:save-plan', {
      planId: newId(),
      plan: { ...planBody, name: 'ES weekly', teamIds: [ORG.teams.es], dueAfterDays: 0 },
    });
    if (!esPlan.ok) throw new Error(esPlan.error.message);
    const drawn = await dana.command<SamplingDraw>('sampling:draw', {
      planId: esPlan.data.entity.id,
      drawId: newId(),
    });
    if (!drawn.ok) throw new Error(drawn.error.message);
    expect(Number.isInteger(drawn.data.entity.seed)).toBe(true);
    const danas = await worklistOf(dana);
    expect(danas.map((i) => i.contactId).sort()).toEqual([...LAST_WEEK.eva]);
    for (const item of danas) expect(item.status).toBe('overdue');

    const draft = await dana.command('evaluation:save-draft', {
      evaluationId: newId(),
      versionId: version.id,
      contactId: 'ct_eva_call',
      answers: [],
    });
    expect(draft.ok).toBe(true);
    const withManual = await worklistOf(dana);
    expect(withManual.find((i) => i.contactId === 'ct_eva_call')).toMatchObject({
      source: 'manual',
      planId: null,
      dueAt: null,
      status: 'due',
    });
  });

  it('refuses bad plans and draws naming the field, on the socket and over HTTP, and stores nothing', async () => {
    const plansBefore = await storedPlans();
    const drawsBefore = await storedDraws();
    const save = (person: Person, body: unknown) =>
      person.command('sampling:save-plan', { planId: newId(), plan: body });

    const zeroPerAgent = await save(carl, { ...planBody, perAgent: 0 });
    expect(zeroPerAgent).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!zeroPerAgent.ok) expect(JSON.stringify(zeroPerAgent.error)).toContain('perAgent');
    const badZone = await carl.post('/api/v1/sampling-plans', {
      plan: { ...planBody, timeZone: 'Mars/Base' },
    });
    expect(badZone.status).toBe(400);
    expect(((await badZone.json()) as ErrorBody).error.message).toContain('timeZone');
    const noTemplate = await save(carl, { ...planBody, templateId: 'tpl_missing' });
    expect(noTemplate).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!noTemplate.ok) expect(noTemplate.error.message).toContain('templateId');

    const otherTeam = await save(carl, { ...planBody, teamIds: [ORG.teams.es] });
    expect(otherTeam).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!otherTeam.ok) expect(otherTeam.error.message).toContain(ORG.teams.es);
    expect((await carl.post('/api/v1/sampling-plans', { plan: { ...planBody, teamIds: [] } })).status).toBe(
      403,
    );
    expect(await save(ana, planBody)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await ana.post('/api/v1/sampling-plans', { plan: planBody })).status).toBe(403);

    const stale = await carl.command(
      'sampling:save-plan',
      { planId: plan.id, plan: { ...planBody, perAgent: 3 } },
      { expectedVersion: 0 },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await dana.command('sampling:draw', { planId: plan.id, drawId: newId() })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await carl.post('/api/v1/sampling-plans/plan_missing/draw', {})).status).toBe(404);
    expect((await carl.post(`/api/v1/sampling-plans/${plan.id}/draw`, { seed: -1 })).status).toBe(400);
    expect((await ana.post(`/api/v1/sampling-plans/${plan.id}/draw`, {})).status).toBe(403);
    expect((await ana.get('/api/v1/coaching/worklist')).status).toBe(403);
    expect((await ana.get('/api/v1/sampling-plans')).status).toBe(403);

    expect(await storedPlans()).toBe(plansBefore);
    expect(await storedDraws()).toBe(drawsBefore);
  });

  it('lets the author change a plan by version, and a paused plan is not drawn', async () => {
    const paused = await carl.command<SamplingPlan>(
      'sampling:save-plan',
      { planId: plan.id, plan: { ...planBody, active: false } },
      { expectedVersion: plan.version },
    );
    if (!paused.ok) throw new Error(paused.error.message);
    expect(paused.data.entity).toMatchObject({ active: false, version: plan.version + 1 });
    const drawn = await carl.command('sampling:draw', { planId: plan.id, drawId: newId() });
    expect(drawn).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!drawn.ok) expect(drawn.error.message).toContain('paused');
  });
});
