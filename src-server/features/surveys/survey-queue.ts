import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, max, sql } from 'drizzle-orm';
import type { Tx } from '../../db/database';
import { cases, contacts, csatSurveys, customers } from '../../db/schema';
import { SurveyFrequency } from '../../../src-shared/protocol/surveys';
import { enqueueJob } from '../outbound/outbound-jobs';
import { shouldSurvey } from './survey-policy';
import { SURVEY_VALID_DAYS } from './survey-token';
import { z } from 'zod';

/** The `survey_email` job names the survey; the sender reads the rest and signs the link. */
export const SurveyJobPayload = z.object({ surveyId: z.string().min(1).max(64) });
export type SurveyJobPayload = z.infer<typeof SurveyJobPayload>;

const DAY_MS = 86_400_000;

/** The contact of the case an agent worked last, and that agent. */
async function lastWorkedContact(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({ contactId: contacts.id, agentId: contacts.agentId })
    .from(contacts)
    .where(and(eq(contacts.caseId, caseId), isNotNull(contacts.agentId)))
    .orderBy(desc(sql`coalesce(${contacts.endedAt}, ${contacts.answeredAt}, ${contacts.createdAt})`))
    .limit(1);
  return row;
}

/**
 * In the transaction that resolves or closes a case: a survey row and its `survey_email` job,
 * when the customer's preference allows (survey-policy.ts). The survey rates the contact an
 * agent worked last (else `fallbackAgentId`, the agent who resolved it). Returns whether one was queued.
 */
export async function queueCaseSurvey(
  tx: Tx,
  input: { caseId: string; now: Date; fallbackAgentId: string | null },
): Promise<boolean> {
  const [target] = await tx
    .select({
      customerId: customers.id,
      email: customers.email,
      frequency: customers.surveyFrequency,
    })
    .from(cases)
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(eq(cases.id, input.caseId))
    .limit(1);
  if (!target || !target.email) return false;
  const [existing] = await tx
    .select({ id: csatSurveys.id })
    .from(csatSurveys)
    .where(eq(csatSurveys.caseId, input.caseId))
    .limit(1);
  const [last] = await tx
    .select({ at: max(csatSurveys.queuedAt) })
    .from(csatSurveys)
    .where(eq(csatSurveys.customerId, target.customerId));
  const isWanted = shouldSurvey({
    frequency: SurveyFrequency.catch('every_case').parse(target.frequency),
    hasSurveyForCase: existing !== undefined,
    lastSurveyAt: last?.at ?? null,
    now: input.now,
  });
  if (!isWanted) return false;
  const worked = await lastWorkedContact(tx, input.caseId);
  const id = `srv_${randomUUID()}`;
  await tx.insert(csatSurveys).values({
    id,
    caseId: input.caseId,
    contactId: worked?.contactId ?? null,
    agentId: worked?.agentId ?? input.fallbackAgentId,
    customerId: target.customerId,
    email: target.email,
    queuedAt: input.now,
    expiresAt: new Date(input.now.getTime() + SURVEY_VALID_DAYS * DAY_MS),
  });
  await enqueueJob(tx, {
    id: `job_survey_${id}`,
    kind: 'survey_email',
    payload: { surveyId: id } satisfies SurveyJobPayload,
  });
  return true;
}
