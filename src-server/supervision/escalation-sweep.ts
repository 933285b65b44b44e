import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { cases, escalationFirings, queues } from '../db/schema';
import type { EscalationRules, EscalationTarget } from '../../src-shared/protocol/escalation';
import {
  evaluateEscalation,
  type DueStep,
  type EscalationCase,
} from '../../src-shared/domain/supervision/escalation';
import { effectsOf, type EscalationEffects } from '../../src-shared/domain/supervision/escalation-effects';
import { caseEvent, productNameOf } from '../features/cases/case-records';
import { enqueueStaffMail } from '../features/outbound/staff-mail-queue';
import { lockCase } from '../features/cases/cases.repository';
import { toCaseSummary } from '../features/customers/customers.repository';
import type { NewEvent } from '../features/sync/event-log';
import { claimDueEscalations, scheduleEscalation } from './escalation-deadlines';
import { escalationCaseOf, type CaseRow } from './escalation-case';
import type { FiringEffects } from '../features/cases/escalation-history';
import { recipientsOf } from './escalation-recipients';
import { readEscalationRules } from './escalation-rules.repository';
import { notify } from '../features/notices/notifications.repository';

/** The queue tier each escalation target hands the case to. */
const TIER_OF: Record<EscalationTarget, number> = { tier2: 2, product_specialist: 2, development: 3 };

/**
 * Fires due escalation steps (in the deadline sweep's transaction, so on whichever node claims
 * the case's deadline row first). Each step is written to `escalation_firings` under its unique
 * (case, step) key together with the case's change, its history entry and the notifications,
 * so it fires exactly once across nodes and restarts. Then the case's next deadline is set.
 */
export async function fireDueEscalations(tx: Tx, now: Date, batch: number): Promise<NewEvent[]> {
  const caseIds = await claimDueEscalations(tx, now, batch);
  if (caseIds.length === 0) return [];
  const { rules } = await readEscalationRules(tx);
  const events: NewEvent[] = [];
  for (const caseId of caseIds) events.push(...(await escalateCase(tx, caseId, rules, now)));
  return events;
}

async function escalateCase(tx: Tx, caseId: string, rules: EscalationRules, now: Date): Promise<NewEvent[]> {
  const row = await lockCase(tx, caseId);
  if (!row) return [];
  const facts = await escalationCaseOf(tx, row, now);
  const { due } = evaluateEscalation(facts, rules, now.getTime());
  const fired = await recordFirings(tx, row.id, due, now);
  const events: NewEvent[] = [];
  let current = row;
  if (fired.length > 0) {
    const effects = effectsOf(facts, fired);
    current = await applyEffects(tx, row, effects, now);
    events.push(caseEvent(toCaseSummary({ case: current, product: await productNameOf(tx, current) })));
    events.push(...(await tell(tx, current, { facts, fired, effects }, now)));
  }
  const after = await escalationCaseOf(tx, current, now);
  const { nextDueAt } = evaluateEscalation(after, rules, now.getTime());
  if (nextDueAt !== null) await scheduleEscalation(tx, row.id, new Date(nextDueAt));
  return events;
}

/** Inserts a firing row per due step; a step already recorded (another node) is not fired again. */
async function recordFirings(tx: Tx, caseId: string, due: DueStep[], now: Date): Promise<DueStep[]> {
  if (due.length === 0) return [];
  const inserted = await tx
    .insert(escalationFirings)
    .values(
      due.map((d) => ({ caseId, stepKey: d.key, ruleId: d.ruleId, ruleName: d.ruleName, firedAt: now })),
    )
    .onConflictDoNothing()
    .returning({ key: escalationFirings.stepKey });
  const keys = new Set(inserted.map((i) => i.key));
  return due.filter((d) => keys.has(d.key));
}

async function applyEffects(tx: Tx, row: CaseRow, effects: EscalationEffects, now: Date): Promise<CaseRow> {
  const target = effects.escalateTo;
  const [toQueue] = target
    ? await tx
        .select({ id: queues.id })
        .from(queues)
        .where(eq(queues.tier, TIER_OF[target]))
        .orderBy(queues.id)
        .limit(1)
    : [];
  const [updated] = await tx
    .update(cases)
    .set({
      ...(effects.status ? { status: effects.status } : {}),
      ...(effects.priority ? { priority: effects.priority } : {}),
      ...(target ? { escalatedTo: target } : {}),
      ...(toQueue ? { queueId: toQueue.id } : {}),
      updatedAt: now,
      version: row.version + 1,
    })
    .where(eq(cases.id, row.id))
    .returning();
  return updated ?? row;
}

/**
 * Each step's history entry (who was told included), a console notification per person told by
 * console, and one email to those told by email.
 */
async function tell(
  tx: Tx,
  kase: CaseRow,
  { facts, fired, effects }: { facts: EscalationCase; fired: DueStep[]; effects: EscalationEffects },
  now: Date,
): Promise<NewEvent[]> {
  const recipients = await recipientsOf(tx, kase, effects.notify);
  for (const step of fired) {
    const own = effectsOf(facts, [step]);
    const told = await recipientsOf(tx, kase, own.notify);
    const entry: FiringEffects = {
      status: own.status,
      escalatedTo: own.escalateTo,
      priority: own.priority,
      notified: told.map((r) => r.displayName),
    };
    await tx
      .update(escalationFirings)
      .set({ effects: entry })
      .where(and(eq(escalationFirings.caseId, kase.id), eq(escalationFirings.stepKey, step.key)));
  }
  const params = {
    caseNumber: String(kase.number),
    subject: kase.subject,
    rule: [...new Set(fired.map((f) => f.ruleName))].join(', '),
    status: effects.status ?? '',
    escalatedTo: effects.escalateTo ?? '',
    priority: effects.priority ?? '',
  };
  const events: NewEvent[] = [];
  for (const r of recipients.filter((p) => p.channels.includes('console'))) {
    events.push(await notify(tx, { userId: r.id, kind: 'case_escalated', params, caseId: kase.id, now }));
  }
  const mailTo = recipients.filter((p) => p.channels.includes('email') && p.email).map((p) => p.email ?? '');
  if (mailTo.length > 0) await enqueueStaffMail(tx, escalationMail(kase, params, mailTo));
  return events;
}

function escalationMail(kase: CaseRow, params: Record<string, string>, to: string[]) {
  const did = [
    params.status ? `Status: ${params.status}` : null,
    params.escalatedTo ? `Escalated to: ${params.escalatedTo.replace('_', ' ')}` : null,
    params.priority ? `Priority raised to: ${params.priority}` : null,
  ].filter((line): line is string => line !== null);
  return {
    to,
    subject: `[#${kase.number}] Escalated: ${kase.subject}`.slice(0, 300),
    text: [
      `Case #${kase.number} "${kase.subject}" was escalated automatically by the rule "${params.rule}".`,
      ...did,
      '',
      'Open it in Agentdeck to take it on.',
    ].join('\n'),
  };
}
