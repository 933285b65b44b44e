import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../src-server/db/database';
import { queues } from '../../../src-server/db/schema';
import { queueRoutingOf } from '../../../src-server/db/stored-routing';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { CTI_TIMESTAMP_HEADER, ctiSignature, nowSeconds } from '../../../scripts/simulate/cti-signing';

export const CTI_SECRET = 'test-cti-secret-0123456789';
export const CTI_PATH = '/api/v1/channels/cti/events';

/** Signs like a phone system would (the one signing helper, independent of the server's code). */
export function signCti(body: string, secret = CTI_SECRET, timestamp = nowSeconds()): string {
  return ctiSignature(secret, timestamp, body);
}

export async function postCti(
  baseUrl: string,
  event: Record<string, unknown> | string,
  options: {
    /** null: no signature header; a string: this one instead of a correct one. */
    signature?: string | null;
    secret?: string;
    /** Unix seconds (default now); null: no timestamp header. */
    timestamp?: number | null;
  } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const timestamp = options.timestamp === undefined ? nowSeconds() : options.timestamp;
  const signature =
    options.signature === undefined
      ? signCti(body, options.secret, timestamp ?? nowSeconds())
      : options.signature;
  const res = await fetch(`${baseUrl}${CTI_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(timestamp === null ? {} : { [CTI_TIMESTAMP_HEADER]: String(timestamp) }),
      ...(signature ? { 'x-agentdeck-signature': signature } : {}),
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function countRows(
  db: Db,
  table: 'contacts' | 'webhook_receipts' | 'outbound_jobs',
): Promise<number> {
  const result = await db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}

/** Opens or closes a queue for the test: closed = today is a holiday in its time zone (UTC). */
export async function setQueueClosed(db: Db, queueId: string, closed: boolean): Promise<void> {
  const [row] = await db.select({ routing: queues.routing }).from(queues).where(eq(queues.id, queueId));
  const routing = queueRoutingOf(row?.routing);
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const businessHours = closed
    ? { timeZone: 'UTC', weekly: [], holidays: [today, tomorrow] }
    : { timeZone: 'UTC', weekly: [], holidays: [] };
  await db
    .update(queues)
    .set({ routing: { ...routing, businessHours }, version: sql`${queues.version} + 1` })
    .where(eq(queues.id, queueId));
}

export async function contactById(baseUrl: string, token: string, id: string): Promise<Contact> {
  const res = await fetch(`${baseUrl}/api/v1/contacts/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`GET contact ${id}: ${res.status}`);
  return ((await res.json()) as { contact: Contact }).contact;
}
