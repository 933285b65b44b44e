import type { EscalationRule, EscalationTarget } from '../../../src-shared/protocol/escalation';
import type { CustomerTier } from '../../../src-shared/protocol/entities';
import { DEFAULT_ESCALATION_RULES } from '../../../src-shared/domain/supervision/escalation-defaults';
import { effectsOf } from '../../../src-shared/domain/supervision/escalation-effects';
import { evaluateEscalation, type EscalationCase } from '../../../src-shared/domain/supervision/escalation';
import type * as schema from '../schema';
import type { CaseRow } from './cases';
import type { CompanyRow, CustomerRow } from './companies';
import { QUEUE_IDS } from './organisation';

export interface DemoEscalations {
  escalationRules: (typeof schema.escalationRules.$inferInsert)[];
  escalationFirings: (typeof schema.escalationFirings.$inferInsert)[];
  supervisionDeadlines: (typeof schema.supervisionDeadlines.$inferInsert)[];
}

const QUEUE_OF: Record<EscalationTarget, string> = {
  tier2: QUEUE_IDS.tier2,
  product_specialist: QUEUE_IDS.tier2,
  development: QUEUE_IDS.development,
};

/**
 * The demo's escalation chain (DEFAULT_ESCALATION_RULES) as if it had run all along: each
 * unresolved case gets the steps that would have fired by `now` (fired when they fell due, so the
 * history reads true; nobody is notified of the past), the case as they left it, and its deadline
 * row for the next step, which the server's sweep fires live.
 */
export function replayEscalations(
  cases: CaseRow[],
  companies: readonly CompanyRow[],
  customers: readonly CustomerRow[],
  now: Date,
  rules: EscalationRule[] = DEFAULT_ESCALATION_RULES,
): DemoEscalations {
  const companyOfCustomer = new Map(customers.map((c) => [c.id, c.companyId]));
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const firings: DemoEscalations['escalationFirings'] = [];
  const deadlines: DemoEscalations['supervisionDeadlines'] = [];
  for (const row of cases) {
    if (row.status === 'resolved' || row.status === 'closed') continue;
    const company = companyById.get(companyOfCustomer.get(row.customerId ?? '') ?? '');
    let facts: EscalationCase = {
      id: row.id,
      status: row.status,
      severity: row.severity,
      priority: 'medium',
      customerTier: (company?.tier as CustomerTier | undefined) ?? null,
      contract: !company ? 'none' : company.contractExpiresAt > now ? 'active' : 'expired',
      slaState: 'none',
      unresolvedSince: row.createdAt.getTime(),
      fired: [],
    };
    for (;;) {
      const { due } = evaluateEscalation(facts, rules, now.getTime());
      if (due.length === 0) break;
      for (const step of due) {
        const effects = effectsOf(facts, [step]);
        if (effects.status) row.status = effects.status;
        if (effects.escalateTo) {
          row.escalatedTo = effects.escalateTo;
          row.queueId = QUEUE_OF[effects.escalateTo];
        }
        firings.push({
          caseId: row.id,
          stepKey: step.key,
          ruleId: step.ruleId,
          ruleName: step.ruleName,
          firedAt: new Date(step.dueAt),
          effects: { status: effects.status, escalatedTo: effects.escalateTo, priority: null, notified: [] },
        });
        facts = { ...facts, status: row.status, fired: [...facts.fired, { key: step.key, at: step.dueAt }] };
      }
    }
    const { nextDueAt } = evaluateEscalation(facts, rules, now.getTime());
    if (nextDueAt !== null) deadlines.push({ id: `escalation:${row.id}`, dueAt: new Date(nextDueAt) });
  }
  return {
    escalationRules: [{ id: 1, rules, version: 1 }],
    escalationFirings: firings,
    supervisionDeadlines: deadlines,
  };
}
