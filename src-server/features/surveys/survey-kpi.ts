import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { cases, contacts, csatSurveys, users } from '../../db/schema';
import { mergeDeltas } from '../../../src-shared/domain/kpi/aggregate';
import { csatDeltas, type CsatResponse } from '../../../src-shared/domain/kpi/case-facts';
import { Channel } from '../../../src-shared/protocol/channels';
import { loadQueueFacts, rowZones } from '../kpi/kpi-context';
import { addRows } from '../kpi/kpi-store';

type Rating = CsatResponse['rating'];

/** Answered surveys with where they count: the case's queue, the contact's channel, the agent and their team. */
function answeredSurveys(db: Db | Tx, surveyId?: string) {
  return db
    .select({
      rating: csatSurveys.rating,
      answeredAt: csatSurveys.answeredAt,
      agentId: csatSurveys.agentId,
      queueId: cases.queueId,
      channel: contacts.channel,
      teamId: users.teamId,
    })
    .from(csatSurveys)
    .innerJoin(cases, eq(cases.id, csatSurveys.caseId))
    .leftJoin(contacts, eq(contacts.id, csatSurveys.contactId))
    .leftJoin(users, eq(users.id, csatSurveys.agentId))
    .where(
      and(
        isNotNull(csatSurveys.answeredAt),
        isNotNull(csatSurveys.rating),
        surveyId === undefined ? undefined : eq(csatSurveys.id, surveyId),
      ),
    );
}

async function countRows(tx: Tx, rows: Awaited<ReturnType<typeof answeredSurveys>>): Promise<void> {
  const deltas = rows.flatMap((row) =>
    row.answeredAt && row.rating
      ? csatDeltas({
          at: row.answeredAt.getTime(),
          rating: Math.min(5, Math.max(1, row.rating)) as Rating,
          owner: {
            queueId: row.queueId,
            channel: row.channel ? Channel.catch('email').parse(row.channel) : null,
            agentId: row.agentId,
            teamId: row.teamId,
          },
        })
      : [],
  );
  if (deltas.length === 0) return;
  await addRows(tx, [...mergeDeltas(deltas).values()], rowZones(await loadQueueFacts(tx)));
}

/**
 * Counts one survey answer in the KPI rows (csat_rated_1…5, docs/KPIS.md), in the transaction
 * that stores it. Survey answers are not log events, so the projection does not fold them: they
 * are added here, and again by `recountSurveyAnswers` when the projection is rebuilt.
 */
export async function countSurveyAnswer(tx: Tx, surveyId: string): Promise<void> {
  await countRows(tx, await answeredSurveys(tx, surveyId));
}

/** After a KPI rebuild emptied the rows: every answered survey counted again. */
export async function recountSurveyAnswers(db: Db): Promise<void> {
  await db.transaction(async (tx) => countRows(tx, await answeredSurveys(tx)));
}
