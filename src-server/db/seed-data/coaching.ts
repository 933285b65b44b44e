import defaultScorecard from '../../../resources/scorecards/phone-and-case-handling.json';
import type { Answer, Criterion, ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { Channel } from '../../../src-shared/protocol/channels';
import type { Random } from '../../../src-shared/domain/random';
import { importScorecard } from '../../../src-shared/domain/coaching/scorecard-format';
import { appliesToChannel, scoreForm } from '../../../src-shared/domain/coaching/scoring';
import { skillScores } from '../../../src-shared/domain/coaching/analytics';
import { calibrationReport } from '../../../src-shared/domain/coaching/calibration';
import type { Tx } from '../database';
import * as schema from '../schema';
import type { DemoData } from './demo-data';
import { userIdOf } from './organisation';
import { DAY_MS } from './timing';

/**
 * Coaching demo data: coaches carl, dana and eli (and elena for Development) with their teams, the default scorecard
 * published, evaluations in every workflow state, a sampling plan, a follow-up task and one
 * closed calibration session with its report. Scores are computed by the same pure functions
 * the server uses, so the demo's numbers are what the server would have stored.
 */

export const DEMO_SCORECARD = { templateId: 'tpl_phone_case', versionId: 'ver_phone_case_1' } as const;

const COACH_PROFILES = [
  { userId: userIdOf('carl'), teamIds: ['team_support_en', 'team_tier2'], phone: '+14155550100' },
  { userId: userIdOf('dana'), teamIds: ['team_support_es'], phone: '+14155550101' },
  { userId: userIdOf('eli'), teamIds: ['team_inside_sales', 'team_support_en'], phone: '+14155550102' },
];

/**
 * Elena coaches Spanish support and Development, so every agent team has a coach. She is kept
 * apart from the profiles above, which choose the seeded evaluations' authors and contacts: the
 * demo's evaluation history stays as it was, and Development's starts empty.
 */
const DEVELOPMENT_COACH = {
  userId: userIdOf('elena'),
  teamIds: ['team_support_es', 'team_development'],
  phone: '+14155550103',
};

/** Mostly good work with the odd slip, and a comment wherever the form asks for one. */
function answerFor(criterion: Criterion, channel: Channel, rng: Random): Answer | null {
  if (criterion.kind === 'text') return null;
  if (!appliesToChannel(criterion, channel)) return { key: criterion.key, value: null };
  if (criterion.naAllowed && rng.chance(0.3)) {
    return criterion.comment.when === 'always'
      ? { key: criterion.key, value: null, comment: 'Did not come up' }
      : { key: criterion.key, value: null };
  }
  const slip = rng.chance(0.15);
  const comment = { comment: 'Talked this through in our one-to-one' };
  if (criterion.kind === 'yes_no')
    return slip ? { key: criterion.key, value: false, ...comment } : { key: criterion.key, value: true };
  if (criterion.kind === 'scale') {
    const value = slip ? criterion.min + 1 : rng.int(criterion.max - 1, criterion.max);
    return { key: criterion.key, value, ...(slip ? comment : {}) };
  }
  const full = criterion.options.find((o) => o.fraction === 1) ?? criterion.options[0];
  const partial = criterion.options.find((o) => o.fraction < 1 && o.fraction > 0) ?? full;
  const option = slip ? partial : full;
  return { key: criterion.key, value: option?.key ?? '', ...(slip ? comment : {}) };
}

function answersFor(content: ScorecardContent, channel: Channel, rng: Random): Answer[] {
  return content.sections
    .flatMap((s) => s.criteria.map((c) => answerFor(c, channel, rng)))
    .filter((a): a is Answer => a !== null);
}

function scoresOf(content: ScorecardContent, answers: Answer[], channel: Channel) {
  const form = scoreForm(content, answers, { channel });
  return {
    rawScore: form.raw,
    finalScore: form.final,
    maxScore: form.max,
    sections: form.sections.map((s) => ({ key: s.key, rawScore: s.raw, finalScore: s.final })),
    criticalFailures: form.criticalFailures,
  };
}

/**
 * Kenji's (Development) escalations of the last days, closed, so Development has work for its
 * coach and its agents to review: the random history rarely routes a tier-3 agent anything.
 */
function developmentReviewContacts(now: Date): (typeof schema.contacts.$inferInsert)[] {
  const subjects = ['Bulk import drops rows', 'API rate limit errors', 'Webhook retries stalled'];
  return subjects.map((subject, i) => {
    const createdAt = new Date(now.getTime() - (i + 2) * DAY_MS);
    const answeredAt = new Date(createdAt.getTime() + 20 * 60_000);
    const endedAt = new Date(answeredAt.getTime() + 45 * 60_000);
    return {
      id: `con_dev_review_${i + 1}`,
      channel: i === 1 ? 'web' : 'email',
      queueId: 'q_dev_escalation',
      customerId: null,
      caseId: null,
      from: 'ops@example.com',
      subject,
      language: 'en',
      createdAt,
      queuedAt: createdAt,
      status: 'closed',
      agentId: userIdOf('kenji'),
      answeredAt,
      endedAt,
      wrapUpEndedAt: new Date(endedAt.getTime() + 60_000),
      disposition: 'resolved',
    };
  });
}

const STATES = [
  'released',
  'acknowledged',
  'acknowledged',
  'acknowledged',
  'submitted',
  'disputed',
  'resolved',
  'draft',
] as const;

export async function seedCoaching(tx: Tx, data: DemoData, now: Date, rng: Random): Promise<void> {
  const imported = importScorecard(defaultScorecard);
  if (!imported.ok) throw new Error('the default scorecard does not import');
  const content = imported.content;
  const publishedAt = new Date(now.getTime() - 60 * DAY_MS);
  await tx.insert(schema.coachProfiles).values([...COACH_PROFILES, DEVELOPMENT_COACH]);
  await tx.insert(schema.contacts).values(developmentReviewContacts(now));
  await tx
    .insert(schema.scorecardTemplates)
    .values({ id: DEMO_SCORECARD.templateId, name: content.name, createdAt: publishedAt });
  await tx.insert(schema.scorecardVersions).values({
    id: DEMO_SCORECARD.versionId,
    templateId: DEMO_SCORECARD.templateId,
    number: 1,
    status: 'published',
    content,
    createdAt: publishedAt,
    publishedAt,
  });

  const teamOf = new Map(data.users.map((u) => [u.id, u.teamId ?? null]));
  const coachOf = (teamId: string | null) =>
    COACH_PROFILES.find((p) => teamId !== null && p.teamIds.includes(teamId))?.userId ?? null;
  const closed = data.contacts.filter(
    (c) => c.status === 'closed' && c.agentId && coachOf(teamOf.get(c.agentId) ?? null) && c.id,
  );
  const picked = rng.shuffle(closed).slice(0, 48);
  const calibrationContacts = picked.slice(40, 42);
  for (const [i, contact] of picked.slice(0, 40).entries()) {
    const agentId = contact.agentId ?? '';
    const teamId = teamOf.get(agentId) ?? null;
    const authorId = coachOf(teamId) ?? userIdOf('carl');
    const channel = contact.channel as Channel;
    const state = STATES[i % STATES.length] ?? 'submitted';
    const at = new Date((contact.endedAt ?? contact.createdAt ?? now).valueOf() + DAY_MS);
    const answers = answersFor(content, channel, rng);
    const scores = scoresOf(content, answers, channel);
    const id = `eval_demo_${i + 1}`;
    const isReleased = !['draft', 'submitted'].includes(state);
    const revision = state === 'resolved' ? 2 : 1;
    const firstAnswers =
      state === 'resolved'
        ? answers.map((a) => (a.key === 'empathy' ? { ...a, value: 2, comment: 'Rushed the apology' } : a))
        : answers;
    await tx.insert(schema.evaluations).values({
      id,
      kind: 'coach',
      versionId: DEMO_SCORECARD.versionId,
      contactId: contact.id ?? '',
      channel,
      agentId,
      teamId,
      authorId,
      state,
      revision,
      answers,
      ...scores,
      releasedAt: isReleased ? at : null,
      acknowledgedAt: state === 'acknowledged' ? new Date(at.getTime() + DAY_MS / 2) : null,
      resolution:
        state === 'resolved'
          ? {
              outcome: 'accepted',
              resolvedBy: authorId,
              at: new Date(at.getTime() + DAY_MS).toISOString(),
              note: 'Listened again: fair point',
              revision: 2,
            }
          : null,
      submittedAt: state === 'draft' ? null : at,
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(schema.evaluationRevisions).values({
      evaluationId: id,
      revision: 1,
      answers: firstAnswers,
      scores: scoresOf(content, firstAnswers, channel),
      authorId,
      at,
    });
    if (revision === 2) {
      await tx.insert(schema.evaluationRevisions).values({
        evaluationId: id,
        revision: 2,
        answers,
        scores,
        authorId,
        reason: 'Dispute resolved (accepted)',
        at: new Date(at.getTime() + DAY_MS),
      });
    }
    if (state === 'disputed' || state === 'resolved') {
      await tx.insert(schema.evaluationDisputes).values({
        evaluationId: id,
        key: 'empathy',
        reason: 'I apologised twice; please listen to minute two',
        raisedBy: agentId,
        at: new Date(at.getTime() + DAY_MS / 2),
        ...(state === 'resolved'
          ? { decision: 'accepted', note: 'Listened again: fair point', decidedBy: authorId }
          : {}),
      });
    }
    if (state !== 'draft') {
      const rows = [
        ...scores.sections
          .filter((s) => s.finalScore !== null)
          .map((s) => ({ dimension: 'section', key: s.key, score: s.finalScore ?? 0 })),
        ...[...skillScores(content, answers, { channel })]
          .filter((e): e is [string, number] => e[1] !== null)
          .map(([key, score]) => ({ dimension: 'skill', key, score })),
      ];
      await tx
        .insert(schema.evaluationScores)
        .values(rows.map((r) => ({ ...r, evaluationId: id, agentId, teamId, at })));
    }
    if (i === 1) {
      await tx.insert(schema.coachingTasks).values({
        id: 'task_demo_1',
        evaluationId: id,
        agentId,
        assignedBy: authorId,
        skills: ['communication_building'],
        title: 'Refresher: empathy statements',
        note: 'Watch the module, then try two new phrases this week',
        dueAt: new Date(now.getTime() + 7 * DAY_MS),
        state: 'open',
        createdAt: at,
      });
    }
  }

  await tx.insert(schema.samplingPlans).values({
    id: 'plan_demo_weekly',
    body: {
      name: 'Weekly: two contacts per agent',
      templateId: DEMO_SCORECARD.templateId,
      perAgent: 2,
      period: 'week',
      channels: [],
      queueIds: [],
      // carl's own teams: a coach plans and draws for the teams they coach.
      teamIds: ['team_support_en', 'team_tier2'],
      timeZone: 'Europe/Madrid',
      dueAfterDays: 5,
      active: true,
    },
    createdBy: userIdOf('carl'),
    createdAt: publishedAt,
  });

  const coaches = COACH_PROFILES.map((p) => p.userId);
  const sessionAt = new Date(now.getTime() - 3 * DAY_MS);
  const submissions = calibrationContacts.flatMap((contact, c) =>
    coaches.map((coachId, r) => ({
      id: `eval_calib_${c + 1}_${r + 1}`,
      coachId,
      contactId: contact.id ?? '',
      channel: contact.channel as Channel,
      agentId: contact.agentId ?? '',
      answers: answersFor(content, contact.channel as Channel, rng.fork(`calibration-${c}-${r}`)),
    })),
  );
  const report = calibrationReport({ content, submissions, expertId: null });
  await tx.insert(schema.calibrations).values({
    id: 'calib_demo_1',
    versionId: DEMO_SCORECARD.versionId,
    contactIds: calibrationContacts.map((c) => c.id ?? ''),
    coachIds: coaches,
    state: 'closed',
    createdBy: userIdOf('carl'),
    createdAt: sessionAt,
    closedAt: new Date(sessionAt.getTime() + DAY_MS),
    report,
  });
  for (const s of submissions) {
    const scores = scoresOf(content, s.answers, s.channel);
    await tx.insert(schema.evaluations).values({
      id: s.id,
      kind: 'calibration',
      versionId: DEMO_SCORECARD.versionId,
      contactId: s.contactId,
      channel: s.channel,
      agentId: s.agentId,
      teamId: teamOf.get(s.agentId) ?? null,
      authorId: s.coachId,
      calibrationId: 'calib_demo_1',
      state: 'submitted',
      answers: s.answers,
      ...scores,
      submittedAt: sessionAt,
      createdAt: sessionAt,
      updatedAt: sessionAt,
    });
    await tx.insert(schema.evaluationRevisions).values({
      evaluationId: s.id,
      revision: 1,
      answers: s.answers,
      scores,
      authorId: s.coachId,
      at: sessionAt,
    });
  }
}
