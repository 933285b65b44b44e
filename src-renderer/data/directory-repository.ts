import type {
  AdminUser,
  CaseDetail,
  Customer,
  CustomerDetail,
  KbArticle,
} from '../../src-shared/protocol/entities';
import { db } from './db';

/**
 * What the read routes returned, kept so the screens read one place (the cache) online and
 * offline alike. These are copies: the server's answer replaces what was there.
 */

export async function cacheCustomers(customers: readonly Customer[]): Promise<void> {
  await db.customers.bulkPut([...customers]);
}

export async function cacheCustomerDetail(detail: CustomerDetail): Promise<void> {
  const { cases, ...customer } = detail;
  await db.transaction('rw', [db.customers, db.cases], async () => {
    if (customer) await db.customers.put(customer);
    await db.cases.bulkPut(cases);
  });
}

/**
 * A case as the server has it now: summary, customer, messages and notes. Server notes replace
 * cached ones; notes still waiting in the outbox stay.
 */
export async function cacheCaseDetail(detail: CaseDetail): Promise<void> {
  const { customer, notes, messages, csat, ...summary } = detail;
  await db.transaction('rw', [db.cases, db.customers, db.notes, db.messages, db.caseCsat], async () => {
    await db.cases.put(summary);
    if (csat) await db.caseCsat.put({ caseId: summary.id, ...csat });
    else await db.caseCsat.delete(summary.id);
    if (customer) await db.customers.put(customer);
    // A reply still queued here may not have reached the server yet: it stays until its events do.
    await db.messages
      .where('caseId')
      .equals(summary.id)
      .filter((message) => message.delivery !== 'queued')
      .delete();
    await db.messages.bulkPut(messages);
    await db.notes
      .where('caseId')
      .equals(summary.id)
      .filter((note) => note.pending === 0)
      .delete();
    await db.notes.bulkPut(notes.map((note) => ({ ...note, pending: 0 as const })));
  });
}

export async function cacheKbArticles(articles: readonly KbArticle[]): Promise<void> {
  await db.kbArticles.bulkPut([...articles]);
}

/** The admin's full list of accounts: the list replaces the cached one. */
export async function cacheUsers(users: readonly AdminUser[]): Promise<void> {
  await db.transaction('rw', db.users, async () => {
    await db.users.clear();
    await db.users.bulkPut([...users]);
  });
}
