import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database';
import { escalationRules } from '../db/schema';
import { EscalationRules } from '../../src-shared/protocol/escalation';

/** The rules live in one row; without it (a fresh database) no rule runs. */
const RULES_ROW = 1;

export interface StoredEscalationRules {
  rules: EscalationRules;
  /** 0 until an admin (or the demo seed) saved rules. */
  version: number;
}

/**
 * The escalation rules in their order. A stored row that no longer parses (written by another
 * version) runs no rule rather than a guessed one; the admin screen shows none and saves anew.
 */
export async function readEscalationRules(db: Db | Tx): Promise<StoredEscalationRules> {
  const [row] = await db.select().from(escalationRules).where(eq(escalationRules.id, RULES_ROW));
  if (!row) return { rules: [], version: 0 };
  const parsed = EscalationRules.safeParse(row.rules);
  return { rules: parsed.success ? parsed.data : [], version: row.version };
}

/** Locks the rules row (when there is one) for a save; answers what is stored now. */
export async function lockEscalationRules(tx: Tx): Promise<StoredEscalationRules> {
  await tx
    .select({ id: escalationRules.id })
    .from(escalationRules)
    .where(eq(escalationRules.id, RULES_ROW))
    .for('update');
  return readEscalationRules(tx);
}

export async function writeEscalationRules(
  tx: Tx,
  rules: EscalationRules,
  version: number,
): Promise<StoredEscalationRules> {
  await tx
    .insert(escalationRules)
    .values({ id: RULES_ROW, rules, version })
    .onConflictDoUpdate({ target: escalationRules.id, set: { rules, version } });
  return { rules, version };
}
