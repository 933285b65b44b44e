import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { agentSkills, contacts, products, queues, skills, users } from '../db/schema';
import type { NotifyChannel, NotifyRole } from '../../src-shared/protocol/escalation';
import type { Notification } from '../../src-shared/domain/supervision/escalation-effects';
import type { CaseRow } from './escalation-case';

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
  channels: NotifyChannel[];
}

type Person = Omit<Recipient, 'channels'>;
const person = { id: users.id, displayName: users.displayName, email: users.email };
const enabled = eq(users.disabled, false);
const withRole = (role: string) => sql`${role} = any(${users.roles})`;

/** Everyone in the teams that serve queues of this tier (2: escalation engineers, 3: development). */
async function teamsOfTier(tx: Tx, tier: number): Promise<Person[]> {
  const teamIds = (await tx.select({ teamId: queues.teamId }).from(queues).where(eq(queues.tier, tier))).map(
    (q) => q.teamId,
  );
  if (teamIds.length === 0) return [];
  return tx
    .select(person)
    .from(users)
    .where(and(enabled, inArray(users.teamId, teamIds)));
}

/** The supervisors of the case's queue's team; the admins when it has none. */
async function managers(tx: Tx, kase: CaseRow): Promise<Person[]> {
  const [queue] = await tx.select({ teamId: queues.teamId }).from(queues).where(eq(queues.id, kase.queueId));
  const supervisors = queue
    ? await tx
        .select(person)
        .from(users)
        .where(and(enabled, withRole('supervisor'), eq(users.teamId, queue.teamId)))
    : [];
  if (supervisors.length > 0) return supervisors;
  return tx
    .select(person)
    .from(users)
    .where(and(enabled, withRole('admin')));
}

/** Tier 2 and up agents skilled (4 of 5 or better) in the case's product. */
async function productSpecialists(tx: Tx, kase: CaseRow): Promise<Person[]> {
  if (!kase.productId) return [];
  return tx
    .select(person)
    .from(users)
    .innerJoin(agentSkills, eq(agentSkills.userId, users.id))
    .innerJoin(skills, and(eq(skills.id, agentSkills.skillId), eq(skills.kind, 'product')))
    .innerJoin(products, and(eq(products.name, skills.name), eq(products.id, kase.productId)))
    .where(and(enabled, gte(users.tier, 2), gte(agentSkills.proficiency, 4)));
}

/** The agent who held the case's latest contact. */
async function caseOwner(tx: Tx, kase: CaseRow): Promise<Person[]> {
  const [latest] = await tx
    .select(person)
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.agentId))
    .where(and(eq(contacts.caseId, kase.id), enabled))
    .orderBy(desc(contacts.queuedAt))
    .limit(1);
  return latest ? [latest] : [];
}

function peopleInRole(tx: Tx, role: NotifyRole, kase: CaseRow): Promise<Person[]> {
  switch (role) {
    case 'escalation_engineer':
      return teamsOfTier(tx, 2);
    case 'development':
      return teamsOfTier(tx, 3);
    case 'manager':
      return managers(tx, kase);
    case 'product_specialist':
      return productSpecialists(tx, kase);
    case 'case_owner':
      return caseOwner(tx, kase);
  }
}

/** The people a firing tells, each once, with every channel asked for them. */
export async function recipientsOf(
  tx: Tx,
  kase: CaseRow,
  notify: readonly Notification[],
): Promise<Recipient[]> {
  const byId = new Map<string, Recipient>();
  for (const { target, channels } of notify) {
    const people =
      target.kind === 'role'
        ? await peopleInRole(tx, target.role, kase)
        : await tx
            .select(person)
            .from(users)
            .where(and(enabled, eq(users.id, target.userId)));
    for (const p of people) {
      const known = byId.get(p.id);
      byId.set(p.id, { ...p, channels: [...new Set([...(known?.channels ?? []), ...channels])] });
    }
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
