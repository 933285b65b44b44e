import type { Random } from '../../../src-shared/domain/random';
import type * as schema from '../schema';
import { generateCases, type CaseRow, type MessageRow, type NoteRow } from './cases';
import { generateCompanies, type CompanyRow, type CustomerRow } from './companies';
import { generateContacts, type ContactRow } from './contacts';
import { knowledgeBaseRows } from './kb/articles';
import { PRODUCTS, QUEUES, SKILLS, STAFF, TEAMS, agentSkillsFor, userIdOf } from './organisation';
import { DAY_MS } from './timing';
import { replayEscalations, type DemoEscalations } from './escalations';
import { demoCannedResponses, type CannedResponseRow } from './canned-responses';

/** Every row of the demo data set, in insertion order (parents before children). */
export interface DemoData extends DemoEscalations {
  teams: (typeof schema.teams.$inferInsert)[];
  products: (typeof schema.products.$inferInsert)[];
  skills: (typeof schema.skills.$inferInsert)[];
  queues: (typeof schema.queues.$inferInsert)[];
  users: (typeof schema.users.$inferInsert)[];
  agentSkills: (typeof schema.agentSkills.$inferInsert)[];
  agentStates: (typeof schema.agentStates.$inferInsert)[];
  companies: CompanyRow[];
  customers: CustomerRow[];
  cases: CaseRow[];
  messages: MessageRow[];
  notes: NoteRow[];
  contacts: ContactRow[];
  kbArticles: (typeof schema.kbArticles.$inferInsert)[];
  cannedResponses: CannedResponseRow[];
}

/**
 * Builds the demo data in memory. Each part draws from its own forked stream, so changing how
 * contacts are made does not reshuffle companies or cases.
 */
export function buildDemoData(rng: Random, now: Date, passwordHash: string): DemoData {
  const hiredAt = new Date(now.getTime() - 400 * DAY_MS);
  const users = STAFF.map((member) => ({
    id: userIdOf(member.username),
    username: member.username,
    displayName: member.displayName,
    passwordHash,
    roles: [member.role],
    teamId: member.teamId,
    tier: member.tier,
    languages: member.languages,
    email: `${member.username}@agentdeck.test`,
    createdAt: hiredAt,
  }));
  const agents = STAFF.filter((member) => member.role === 'agent');
  const skillRng = rng.fork('agent-skills');
  const agentSkills = agents.flatMap((member) => agentSkillsFor(member, skillRng));
  const agentStates = agents.map((member) => ({
    userId: userIdOf(member.username),
    state: 'offline',
    since: now,
  }));
  const agentsByQueue = new Map(
    QUEUES.map((queue) => [
      queue.id,
      agents.filter((member) => member.teamId === queue.teamId).map((member) => userIdOf(member.username)),
    ]),
  );

  const { companies, customers } = generateCompanies(rng.fork('companies'), now);
  const { cases, messages, notes } = generateCases({
    rng: rng.fork('cases'),
    now,
    companies,
    customers,
    agentsByQueue,
  });
  const contacts = generateContacts({
    rng: rng.fork('contacts'),
    now,
    companies,
    customers,
    cases,
    agentsByQueue,
  });
  const escalations = replayEscalations(cases, companies, customers, now);

  return {
    teams: TEAMS,
    products: PRODUCTS,
    skills: SKILLS,
    queues: QUEUES,
    users,
    agentSkills,
    agentStates,
    companies,
    customers,
    cases,
    messages,
    notes,
    ...escalations,
    contacts,
    kbArticles: knowledgeBaseRows(rng.fork('knowledge-base')),
    cannedResponses: demoCannedResponses(now),
  };
}
