import { useEffect } from 'react';
import type { Customer } from '../../../src-shared/protocol/entities';
import { useCustomer } from '../../data/customer-hooks';
import { loadCustomer } from '../../sync/remote-reads';

/**
 * The contact's customer, fetched into the cache as soon as the contact shows up: the card can
 * name them, and the Screen pop opens at once on Accept. Offline, whatever the cache holds.
 */
export function useContactCustomer(customerId: string | null): Customer | null | undefined {
  useEffect(() => {
    if (customerId) loadCustomer(customerId).catch(() => undefined); // the pop retries and says so
  }, [customerId]);
  return useCustomer(customerId);
}
