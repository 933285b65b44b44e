import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { escalationFirings } from '../../db/schema';
import { CaseEscalation } from '../../../src-shared/protocol/entities';

/** What a firing did, stored with it (`escalation_firings.effects`). */
export const FiringEffects = CaseEscalation.pick({
  status: true,
  escalatedTo: true,
  priority: true,
  notified: true,
});
export type FiringEffects = z.infer<typeof FiringEffects>;

const NOTHING_RECORDED: FiringEffects = { status: null, escalatedTo: null, priority: null, notified: [] };

/** A case's automatic escalations, oldest first: its history entries naming the rule that fired. */
export async function escalationsOfCase(db: Db, caseId: string): Promise<CaseEscalation[]> {
  const rows = await db
    .select()
    .from(escalationFirings)
    .where(eq(escalationFirings.caseId, caseId))
    .orderBy(asc(escalationFirings.firedAt), asc(escalationFirings.stepKey));
  return rows.map((r) => {
    const effects = FiringEffects.safeParse(r.effects);
    return {
      stepKey: r.stepKey,
      ruleId: r.ruleId,
      ruleName: r.ruleName,
      at: r.firedAt.toISOString(),
      ...(effects.success ? effects.data : NOTHING_RECORDED),
    };
  });
}
