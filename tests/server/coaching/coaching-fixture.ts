import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../../../src-server/db/database';
import { coachProfiles, contacts, messages, users } from '../../../src-server/db/schema';
import { hashPassword } from '../../../src-server/platform/password';
import type { Answer, ScorecardContent } from '../../../src-shared/protocol/coaching';
import type { TemplateResult } from '../../../src-shared/protocol/coaching-commands';
import { appliesToChannel } from '../../../src-shared/domain/coaching/scoring';
import type { Channel } from '../../../src-shared/protocol/channels';
import { ORG } from '../../fixtures/minimal-org';

/**
 * The coaching fixture on top of the minimal organisation: coaches dana (team_es) and eli
 * (both teams, by profile) besides carl (team_en); closed contacts handled by ana (EN) and eva
 * (ES), one a chat with a line to anchor a comment to.
 */
export const COACHING = {
  users: { dana: 'usr_dana', eli: 'usr_eli' },
  contacts: {
    anaCall: 'ct_ana_call',
    anaChat: 'ct_ana_chat',
    evaCall: 'ct_eva_call',
    anaCall2: 'ct_ana_call2',
    anaLive: 'ct_ana_live',
  },
  chatLine: 'msg_chat_line',
  scorecardFile: JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../../../resources/scorecards/phone-and-case-handling.json'),
      'utf8',
    ),
  ) as unknown,
} as const;

export async function insertCoachingFixture(db: Db): Promise<void> {
  const passwordHash = await hashPassword(ORG.password);
  await db.insert(users).values([
    {
      id: COACHING.users.dana,
      username: 'dana',
      displayName: 'Dana',
      passwordHash,
      roles: ['coach'],
      teamId: ORG.teams.es,
    },
    {
      id: COACHING.users.eli,
      username: 'eli',
      displayName: 'Eli',
      passwordHash,
      roles: ['coach'],
      teamId: null,
    },
  ]);
  await db.insert(coachProfiles).values([
    { userId: COACHING.users.eli, teamIds: [ORG.teams.en, ORG.teams.es], phone: '+14155550199' },
    { userId: ORG.users.carl.id, teamIds: [], phone: '+14155550100' },
  ]);
  const closed = { status: 'closed', endedAt: new Date(), from: '+14155550134' };
  await db.insert(contacts).values([
    {
      id: COACHING.contacts.anaCall,
      channel: 'phone',
      queueId: ORG.queues.en,
      agentId: ORG.users.ana.id,
      caseId: ORG.cases.en,
      ...closed,
    },
    {
      id: COACHING.contacts.anaCall2,
      channel: 'phone',
      queueId: ORG.queues.en,
      agentId: ORG.users.ana.id,
      caseId: ORG.cases.en,
      ...closed,
    },
    {
      id: COACHING.contacts.anaChat,
      channel: 'chat',
      queueId: ORG.queues.en,
      agentId: ORG.users.ana.id,
      caseId: ORG.cases.en,
      ...closed,
    },
    {
      id: COACHING.contacts.evaCall,
      channel: 'phone',
      queueId: ORG.queues.es,
      agentId: ORG.users.eva.id,
      caseId: ORG.cases.es,
      ...closed,
    },
    {
      id: COACHING.contacts.anaLive,
      channel: 'phone',
      status: 'active',
      queueId: ORG.queues.en,
      agentId: ORG.users.ana.id,
      provider: 'cti',
      externalId: 'cti-call-live-1',
      from: '+14155550134',
    },
  ]);
  await db.insert(messages).values({
    id: COACHING.chatLine,
    caseId: ORG.cases.en,
    contactId: COACHING.contacts.anaChat,
    direction: 'out',
    channel: 'chat',
    fromAddress: 'ana',
    subject: '',
    bodyText: 'I understand how frustrating that is.',
    at: new Date(),
  });
}

/** Full marks on every criterion that applies to the channel, N/A elsewhere (text left out). */
export function fullMarks(content: Pick<ScorecardContent, 'sections'>, channel: Channel): Answer[] {
  return content.sections.flatMap((s) =>
    s.criteria.flatMap((c): Answer[] => {
      if (c.kind === 'text') return [];
      if (!appliesToChannel(c, channel)) return [{ key: c.key, value: null }];
      if (c.kind === 'yes_no') return [{ key: c.key, value: true }];
      if (c.kind === 'scale') return [{ key: c.key, value: c.max }];
      return [{ key: c.key, value: c.options.find((o) => o.fraction === 1)?.key ?? c.options[0]!.key }];
    }),
  );
}

export const withAnswer = (answers: Answer[], answer: Answer): Answer[] =>
  answers.map((a) => (a.key === answer.key ? answer : a));

export const newId = () => randomUUID();
export type { TemplateResult };
