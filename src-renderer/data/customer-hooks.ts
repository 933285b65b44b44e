import { useLiveQuery } from 'dexie-react-hooks';
import type { Customer } from '../../src-shared/protocol/entities';
import { db } from './db';

/** Live reads of customers from the cache; `undefined` while loading. */

/** A customer as the cache holds it: null when there is none to show (no id, or not cached yet). */
export function useCustomer(customerId: string | null): Customer | null | undefined {
  return useLiveQuery(
    async () => (customerId ? ((await db.customers.get(customerId)) ?? null) : null),
    [customerId],
  );
}

const SEARCH_LIMIT = 25;

/**
 * Cached customers matching a search by name, company, email or phone (digits only, so
 * "+1 (415)" finds "+1415…"). Works offline over whatever earlier searches and pops cached.
 */
export function useCachedCustomerSearch(query: string): Customer[] | undefined {
  return useLiveQuery(async () => {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const digits = needle.replace(/\D/g, '');
    const matches = await db.customers
      .filter((c) => matchesCustomer(c, needle, digits))
      .limit(SEARCH_LIMIT)
      .toArray();
    return matches.sort((a, b) => a.name.localeCompare(b.name));
  }, [query]);
}

export function matchesCustomer(customer: Customer, needle: string, digits: string): boolean {
  const text = [customer.name, customer.email, customer.company.name].join(' ').toLowerCase();
  if (text.includes(needle)) return true;
  return digits.length >= 3 && customer.phone.replace(/\D/g, '').includes(digits);
}
