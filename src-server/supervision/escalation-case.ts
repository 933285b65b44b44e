import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { companies, customers, escalationFirings, type cases } from '../db/schema';
import { Level } from '../../src-shared/protocol/contacts';
import { CaseStatus, CustomerTier } from '../../src-shared/protocol/entities';
import type { ContractState } from '../../src-shared/protocol/escalation';
import type { EscalationCase } from '../../src-shared/domain/supervision/escalation';

export type CaseRow = typeof cases.$inferSelect;

/**
 * A stored case as the escalation rules read it. The case SLA state is `none` until cases carry
 * an SLA clock of their own; a case without a customer has no tier and no contract.
 */
export async function escalationCaseOf(tx: Tx, row: CaseRow, now: Date): Promise<EscalationCase> {
  const [company] = row.customerId
    ? await tx
        .select({ tier: companies.tier, contractExpiresAt: companies.contractExpiresAt })
        .from(customers)
        .innerJoin(companies, eq(companies.id, customers.companyId))
        .where(eq(customers.id, row.customerId))
    : [];
  const fired = await tx
    .select({ key: escalationFirings.stepKey, at: escalationFirings.firedAt })
    .from(escalationFirings)
    .where(eq(escalationFirings.caseId, row.id))
    .orderBy(asc(escalationFirings.firedAt));
  const contract: ContractState = !company
    ? 'none'
    : company.contractExpiresAt.getTime() > now.getTime()
      ? 'active'
      : 'expired';
  return {
    id: row.id,
    status: CaseStatus.catch('open').parse(row.status),
    severity: Math.min(4, Math.max(1, row.severity)),
    priority: Level.catch('medium').parse(row.priority),
    customerTier: company ? CustomerTier.nullable().catch(null).parse(company.tier) : null,
    contract,
    slaState: 'none',
    unresolvedSince: (row.unresolvedSince ?? row.createdAt).getTime(),
    fired: fired.map((f) => ({ key: f.key, at: f.at.getTime() })),
  };
}
