import type { AlertCondition, AlertKind, AlertSeverity, AlertSubject } from '../../protocol/supervision';

/** How loud each alert is: a queue nobody can answer is the one that cannot wait. */
export const ALERT_SEVERITY: Readonly<Record<AlertKind, AlertSeverity>> = {
  nobody_logged_in: 'critical',
  // A customer is on the line with nobody at the console to help them.
  disconnected_on_call: 'critical',
  sla_at_risk: 'warning',
  long_wait: 'warning',
  missed_offers: 'warning',
  wrap_up_overrun: 'info',
  away_over_limit: 'info',
};

/** An alert that will hold at `dueAt` if nothing else changes: the server keeps it as a deadline row. */
export interface AlertDeadline {
  key: string;
  kind: AlertKind;
  subject: AlertSubject;
  dueAt: number;
}

/** One rule's verdict on one queue or agent. */
export type RuleResult =
  | { holds: true; since: number | null; facts: Record<string, number>; contactId?: string }
  | { holds: false; dueAt: number | null };

/** `<subject id>:<kind>`: the same condition always has the same key. */
export const alertKey = (subject: AlertSubject, kind: AlertKind): string => `${subject.id}:${kind}`;

export function conditionOf(
  subject: AlertSubject,
  kind: AlertKind,
  result: Extract<RuleResult, { holds: true }>,
): AlertCondition {
  const { since, facts, contactId } = result;
  const condition = {
    key: alertKey(subject, kind),
    kind,
    severity: ALERT_SEVERITY[kind],
    subject,
    since,
    facts,
  };
  return contactId === undefined ? condition : { ...condition, contactId };
}
