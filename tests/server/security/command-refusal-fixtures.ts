import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DEFAULT_QUEUE_ROUTING } from '../../../src-server/db/stored-routing';
import type { Answer, ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { Command, CommandType } from '../../../src-shared/protocol/commands';
import { ORG } from '../../fixtures/minimal-org';
import { COACHING } from '../coaching/coaching-fixture';

/** The people the refusal suite signs in as (minimal organisation + the coaching fixture's dana). */
export type PersonName = 'ana' | 'carl' | 'sofia' | 'admin' | 'dana';

/** What the suite set up before the cases run: things of team ES that team EN's people may not touch. */
export interface RefusalWorld {
  version: ScorecardVersion;
  answers: Answer[];
  /** Eva's (team ES) released evaluation, written by dana. */
  evaluationOfEva: string;
  /** Eva's open follow-up, assigned by dana. */
  followUpOfEva: string;
  /** A calibration session carl created. */
  calibrationByCarl: string;
  /** An active alert on the ES queue. */
  alertOnEsQueue: string;
  /** Eva's live call and live chat in the ES queue. */
  evaCall: string;
  evaChat: string;
}

/** The payload a command accepts, as a console sends it (defaults may be left out). */
export type PayloadInput<K extends CommandType> = Extract<z.input<typeof Command>, { type: K }>['payload'];

/** The declared scope is `anyone`: only `who` guards the command, the handler's own rules do the rest. */
export const NO_SCOPE = 'declares no scope';

export interface RefusalFixture<K extends CommandType> {
  /** A payload that parses, naming something of team ES; the outsider of `who` sends it too. */
  payload(world: RefusalWorld): PayloadInput<K>;
  /** Someone inside `who` the declared scope refuses, and how they are answered. */
  outsideScope: { as: PersonName; answer: 'forbidden' | 'not_found' } | typeof NO_SCOPE;
}

const forbidden = (as: PersonName) => ({ as, answer: 'forbidden' }) as const;
const hidden = (as: PersonName) => ({ as, answer: 'not_found' }) as const;

const liveCall = (w: RefusalWorld) => ({ contactId: w.evaCall });
const noteOnEsCase = () =>
  ({ caseId: ORG.cases.es, noteId: randomUUID(), body: 'x', visibility: 'internal' }) as const;
const draftOnEvaCall = (w: RefusalWorld) => ({
  evaluationId: randomUUID(),
  versionId: w.version.id,
  contactId: COACHING.contacts.evaCall,
  answers: w.answers,
});
const scorecardContent = (w: RefusalWorld) => ({
  name: w.version.name,
  description: w.version.description,
  sections: w.version.sections,
});
const firstKey = (w: RefusalWorld) => w.answers[0]!.key;
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/**
 * One refusal fixture per command type; a command without one does not compile, and the suite
 * fails naming any registry entry it cannot find here.
 */
export const REFUSAL_FIXTURES: { [K in CommandType]: RefusalFixture<K> } = {
  'agent:set-state': {
    payload: () => ({ agentId: ORG.users.eva.id, state: 'available' }),
    outsideScope: forbidden('ana'),
  },
  'case:add-note': { payload: noteOnEsCase, outsideScope: forbidden('ana') },
  'case:set-status': {
    payload: () => ({ caseId: ORG.cases.es, status: 'pending_customer' }),
    outsideScope: forbidden('ana'),
  },
  'case:reply': {
    payload: () => ({ caseId: ORG.cases.es, messageId: randomUUID(), body: 'x' }),
    outsideScope: forbidden('ana'),
  },
  'chat:send': {
    payload: (w) => ({ contactId: w.evaChat, messageId: randomUUID(), body: 'x' }),
    outsideScope: forbidden('ana'),
  },
  'user:set-disabled': {
    payload: () => ({ userId: ORG.users.ben.id, disabled: true }),
    outsideScope: NO_SCOPE,
  },
  'contact:accept': { payload: liveCall, outsideScope: NO_SCOPE },
  'contact:decline': { payload: liveCall, outsideScope: NO_SCOPE },
  'contact:end': { payload: liveCall, outsideScope: NO_SCOPE },
  'contact:hold': { payload: liveCall, outsideScope: hidden('ana') },
  'contact:resume': { payload: liveCall, outsideScope: hidden('ana') },
  'contact:transfer': {
    payload: (w) => ({ contactId: w.evaCall, toQueueId: ORG.queues.en }),
    outsideScope: hidden('ana'),
  },
  'contact:complete-wrap-up': { payload: liveCall, outsideScope: NO_SCOPE },
  'contact:create': {
    payload: () => ({
      contactId: randomUUID(),
      channel: 'phone',
      queueId: ORG.queues.es,
      from: '+34612345678',
    }),
    outsideScope: NO_SCOPE,
  },
  'contact:schedule-callback': {
    payload: () => ({
      contactId: randomUUID(),
      customerId: ORG.customers.jose,
      phone: '+34612345678',
      queueId: ORG.queues.es,
      dueAt: inAWeek(),
    }),
    outsideScope: forbidden('ana'),
  },
  'customer:set-survey-preference': {
    payload: () => ({ customerId: ORG.customers.jose, frequency: 'never' }),
    outsideScope: hidden('ana'),
  },
  'contact:identify': {
    payload: (w) => ({ contactId: w.evaCall, customerId: ORG.customers.jose }),
    outsideScope: hidden('ana'),
  },
  'queue:save-routing': {
    payload: () => ({ queueId: ORG.queues.es, channels: ['phone'], routing: DEFAULT_QUEUE_ROUTING }),
    outsideScope: NO_SCOPE,
  },
  'agent:save-routing': {
    payload: () => ({
      agentId: ORG.users.eva.id,
      languages: ['es'],
      tier: 1,
      routing: { skills: [], capacity: { phone: 1, email: 5, web: 5, chat: 2, callback: 1 } },
    }),
    outsideScope: NO_SCOPE,
  },
  'canned-response:save': {
    payload: () => ({
      cannedId: randomUUID(),
      title: 'x',
      body: 'x',
      language: 'es',
      teamId: ORG.teams.es,
      shared: true,
    }),
    outsideScope: forbidden('sofia'),
  },
  'contact:reassign': {
    payload: (w) => ({ contactId: w.evaCall, queueId: ORG.queues.en }),
    outsideScope: forbidden('sofia'),
  },
  'contact:jump': { payload: liveCall, outsideScope: forbidden('sofia') },
  'agent:force-state': {
    payload: () => ({ agentId: ORG.users.eva.id, state: 'offline', reason: 'x' }),
    outsideScope: forbidden('sofia'),
  },
  'broadcast:send': {
    payload: () => ({
      broadcastId: randomUUID(),
      audience: { kind: 'team', teamId: ORG.teams.es },
      message: 'x',
    }),
    outsideScope: forbidden('sofia'),
  },
  'broadcast:acknowledge': { payload: () => ({ broadcastId: randomUUID() }), outsideScope: NO_SCOPE },
  'alert:acknowledge': { payload: (w) => ({ alertId: w.alertOnEsQueue }), outsideScope: forbidden('sofia') },
  'escalation:save-rules': { payload: () => ({ rules: [] }), outsideScope: NO_SCOPE },
  'notification:read': { payload: () => ({ notificationId: 'ntf_none' }), outsideScope: NO_SCOPE },
  'scorecard:create-template': {
    payload: (w) => ({ templateId: randomUUID(), versionId: randomUUID(), content: scorecardContent(w) }),
    outsideScope: NO_SCOPE,
  },
  'scorecard:save-draft': {
    payload: (w) => ({
      templateId: w.version.templateId,
      versionId: randomUUID(),
      content: scorecardContent(w),
    }),
    outsideScope: NO_SCOPE,
  },
  'scorecard:publish': { payload: (w) => ({ versionId: w.version.id }), outsideScope: NO_SCOPE },
  'scorecard:retire': { payload: (w) => ({ versionId: w.version.id }), outsideScope: NO_SCOPE },
  'scorecard:import': {
    payload: () => ({ templateId: randomUUID(), versionId: randomUUID(), file: COACHING.scorecardFile }),
    outsideScope: NO_SCOPE,
  },
  'evaluation:save-draft': { payload: draftOnEvaCall, outsideScope: NO_SCOPE },
  'evaluation:submit': {
    payload: (w) => ({ evaluationId: w.evaluationOfEva }),
    outsideScope: forbidden('carl'),
  },
  'evaluation:release': {
    payload: (w) => ({ evaluationId: w.evaluationOfEva }),
    outsideScope: hidden('carl'),
  },
  'evaluation:acknowledge': {
    payload: (w) => ({ evaluationId: w.evaluationOfEva }),
    outsideScope: hidden('ana'),
  },
  'evaluation:dispute': {
    payload: (w) => ({ evaluationId: w.evaluationOfEva, items: [{ key: firstKey(w), reason: 'x' }] }),
    outsideScope: hidden('ana'),
  },
  'evaluation:resolve': {
    payload: (w) => ({
      evaluationId: w.evaluationOfEva,
      decisions: [{ key: firstKey(w), decision: 'rejected' }],
    }),
    outsideScope: hidden('carl'),
  },
  'evaluation:rescore': {
    payload: (w) => ({ evaluationId: w.evaluationOfEva, answers: w.answers, reason: 'x' }),
    outsideScope: hidden('carl'),
  },
  'evaluation:self-assess': { payload: draftOnEvaCall, outsideScope: forbidden('ana') },
  'sampling:save-plan': {
    payload: (w) => ({
      planId: randomUUID(),
      plan: {
        name: 'ES weekly',
        templateId: w.version.templateId,
        perAgent: 1,
        period: 'week',
        channels: [],
        queueIds: [],
        teamIds: [ORG.teams.es],
        timeZone: 'UTC',
        dueAfterDays: 30,
        active: true,
      },
    }),
    outsideScope: NO_SCOPE,
  },
  'sampling:draw': {
    payload: () => ({ planId: randomUUID(), drawId: randomUUID() }),
    outsideScope: NO_SCOPE,
  },
  'calibration:create': {
    payload: (w) => ({
      calibrationId: randomUUID(),
      versionId: w.version.id,
      contactIds: [COACHING.contacts.evaCall],
      coachIds: [ORG.users.carl.id, COACHING.users.dana],
    }),
    outsideScope: NO_SCOPE,
  },
  'calibration:submit': {
    payload: (w) => ({
      calibrationId: w.calibrationByCarl,
      evaluationId: randomUUID(),
      contactId: COACHING.contacts.anaCall,
      answers: w.answers,
    }),
    outsideScope: NO_SCOPE,
  },
  'calibration:close': {
    payload: (w) => ({ calibrationId: w.calibrationByCarl }),
    outsideScope: forbidden('dana'),
  },
  'coaching-task:assign': {
    payload: (w) => ({
      taskId: randomUUID(),
      evaluationId: w.evaluationOfEva,
      skills: [firstKey(w)],
      title: 'x',
      dueAt: inAWeek(),
    }),
    outsideScope: hidden('carl'),
  },
  'coaching-task:done': { payload: (w) => ({ taskId: w.followUpOfEva }), outsideScope: hidden('ana') },
  'contact:monitor': {
    payload: (w) => ({ contactId: w.evaCall, mode: 'monitor' }),
    outsideScope: forbidden('carl'),
  },
};
