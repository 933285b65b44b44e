import type { Level } from '../../protocol/contacts';
import type { CaseStatus, CustomerTier } from '../../protocol/entities';
import type {
  CaseSlaState,
  ContractState,
  EscalationAction,
  EscalationConditions,
  EscalationRule,
} from '../../protocol/escalation';

/**
 * Which automatic escalation steps fire on a case now, and when the next one is due, so the
 * server keeps one deadline row per case and fires each step once (its key is unique per case).
 */

/** A case as the rules read it; the server builds it from its rows. Times are epoch ms. */
export interface EscalationCase {
  id: string;
  status: CaseStatus;
  /** 1 critical … 4 low. */
  severity: number;
  priority: Level;
  customerTier: CustomerTier | null;
  contract: ContractState;
  slaState: CaseSlaState;
  /** When the case's unresolved clock started: opened, or reopened. */
  unresolvedSince: number;
  /** Steps that already fired on this case (`stepKey`) and when. */
  fired: readonly { key: string; at: number }[];
}

/** A step that fires now. */
export interface DueStep {
  /** `<rule id>:<step key>`: fired once per case, stored with the case's history. */
  key: string;
  ruleId: string;
  ruleName: string;
  actions: EscalationAction[];
  /** When it fell due (at or before now). */
  dueAt: number;
}

export interface EscalationEvaluation {
  /** At most one step per rule, in the rules' order. */
  due: DueStep[];
  /**
   * The earliest moment a step of a rule with nothing due now falls due, if nothing else changes
   * (null: none). After firing `due`, evaluate again: the steps that follow count from then.
   */
  nextDueAt: number | null;
}

export const stepKey = (rule: Pick<EscalationRule, 'id'>, step: { key: string }): string =>
  `${rule.id}:${step.key}`;

const isAllowed = <T>(allowed: readonly T[] | undefined, value: T) => !allowed || allowed.includes(value);

/** Whether every condition the rule gives holds for the case now (a resolved or closed case: never). */
export function conditionsHold(conditions: EscalationConditions, c: EscalationCase): boolean {
  if (c.status === 'resolved' || c.status === 'closed') return false;
  return (
    isAllowed(conditions.priorities, c.priority) &&
    isAllowed(conditions.severities, c.severity) &&
    isAllowed(conditions.customerTiers, c.customerTier ?? 'none') &&
    isAllowed(conditions.slaStates, c.slaState) &&
    isAllowed(conditions.contracts, c.contract) &&
    isAllowed<CaseStatus>(conditions.statuses, c.status)
  );
}

/**
 * For each enabled rule whose conditions hold: its first step not yet fired, due `afterSeconds`
 * after the unresolved clock started (first step) or after the previous step fired. Due now: it
 * fires; later: it sets `nextDueAt`. A step that fired never fires again, however the rule is
 * edited, as long as its key stays.
 */
export function evaluateEscalation(
  c: EscalationCase,
  rules: readonly EscalationRule[],
  now: number,
): EscalationEvaluation {
  const firedAt = new Map(c.fired.map((f) => [f.key, f.at]));
  const due: DueStep[] = [];
  let nextDueAt: number | null = null;
  for (const rule of rules) {
    if (!rule.enabled || !conditionsHold(rule.conditions, c)) continue;
    let since = c.unresolvedSince;
    for (const step of rule.steps) {
      const key = stepKey(rule, step);
      const fired = firedAt.get(key);
      if (fired !== undefined) {
        since = fired;
        continue;
      }
      const dueAt = since + step.afterSeconds * 1000;
      if (dueAt <= now) due.push({ key, ruleId: rule.id, ruleName: rule.name, actions: step.actions, dueAt });
      else nextDueAt = nextDueAt === null ? dueAt : Math.min(nextDueAt, dueAt);
      break;
    }
  }
  return { due, nextDueAt };
}
