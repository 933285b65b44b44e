import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../src-server/db/database';
import { queues } from '../../../src-server/db/schema';
import { ORG } from '../../fixtures/minimal-org';

/** The minimal organisation's queues take phone and email only; web tests open them to web and chat. */
export async function openQueuesToWeb(db: Db): Promise<void> {
  for (const id of [ORG.queues.en, ORG.queues.es]) {
    await db
      .update(queues)
      .set({ channels: ['phone', 'email', 'web', 'chat'], version: sql`${queues.version} + 1` })
      .where(eq(queues.id, id));
  }
}

export async function countRows(
  db: Db,
  table: 'cases' | 'contacts' | 'messages' | 'chat_conversations',
): Promise<number> {
  const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}

export const WEB_FORMS_URL = (base: string) => `${base}/api/v1/channels/web/forms`;

export function postForm(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(WEB_FORMS_URL(base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
