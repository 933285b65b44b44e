import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cases, csatSurveys, customers } from '../../db/schema';
import type { CaseCsat, SurveyAnswer } from '../../../src-shared/protocol/surveys';
import { countSurveyAnswer } from './survey-kpi';

/** The answered survey of a case, as the case view shows it; null until answered. */
export async function findCaseCsat(db: Db, caseId: string): Promise<CaseCsat | null> {
  const [row] = await db
    .select()
    .from(csatSurveys)
    .where(and(eq(csatSurveys.caseId, caseId), isNotNull(csatSurveys.answeredAt)))
    .limit(1);
  if (!row?.answeredAt || row.rating === null) return null;
  return {
    rating: row.rating,
    comment: row.comment ?? '',
    answeredAt: row.answeredAt.toISOString(),
    agentId: row.agentId,
    contactId: row.contactId,
  };
}

/** A survey with what its email and page say: the case and the customer. */
export async function findSurvey(db: Db, id: string) {
  const [row] = await db
    .select({
      id: csatSurveys.id,
      email: csatSurveys.email,
      expiresAt: csatSurveys.expiresAt,
      sentAt: csatSurveys.sentAt,
      answeredAt: csatSurveys.answeredAt,
      caseNumber: cases.number,
      caseSubject: cases.subject,
      customerName: customers.name,
      language: customers.language,
    })
    .from(csatSurveys)
    .innerJoin(cases, eq(cases.id, csatSurveys.caseId))
    .innerJoin(customers, eq(customers.id, csatSurveys.customerId))
    .where(eq(csatSurveys.id, id))
    .limit(1);
  return row ?? null;
}
export type SurveyView = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

export async function markSurveySent(db: Db, id: string, at: Date): Promise<void> {
  await db.update(csatSurveys).set({ sentAt: at }).where(eq(csatSurveys.id, id));
}

export type AnswerOutcome = 'answered' | 'missing' | 'already_answered' | 'expired';

/**
 * Stores the customer's answer once, and counts it in the KPI rows (CSAT): the row is locked, and
 * an answered or expired survey is left as it was. The second door (ARCHITECTURE.md): no person, the row itself makes a repeat harmless.
 */
export async function answerSurvey(
  db: Db,
  id: string,
  answer: SurveyAnswer,
  now: Date,
): Promise<AnswerOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ answeredAt: csatSurveys.answeredAt, expiresAt: csatSurveys.expiresAt })
      .from(csatSurveys)
      .where(eq(csatSurveys.id, id))
      .for('update')
      .limit(1);
    if (!row) return 'missing';
    if (row.answeredAt) return 'already_answered';
    if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
    await tx
      .update(csatSurveys)
      .set({ rating: answer.rating, comment: answer.comment, answeredAt: now })
      .where(eq(csatSurveys.id, id));
    await countSurveyAnswer(tx, id);
    return 'answered';
  });
}
