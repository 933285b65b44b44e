import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { db } from './db';

const EmailAddress = z.email();

/**
 * Where a reply on this case goes, as the server will choose it: the last inbound email's
 * sender, else the case's requester, else its customer. Null when the case has no email address
 * (a phone case from an unknown number); `undefined` while loading.
 */
export function useReplyAddress(caseId: string): string | null | undefined {
  return useLiveQuery(async () => {
    const kase = await db.cases.get(caseId);
    if (!kase) return null;
    const inbound = (await db.messages.where('caseId').equals(caseId).sortBy('at'))
      .reverse()
      .filter((m) => m.direction === 'inbound');
    const customer = kase.customerId ? await db.customers.get(kase.customerId) : undefined;
    const candidates = [
      inbound.find((m) => m.channel === 'email')?.from ?? inbound[0]?.from,
      kase.requesterAddress,
      customer?.email,
    ];
    for (const candidate of candidates) {
      const parsed = EmailAddress.safeParse(candidate?.trim());
      if (parsed.success) return parsed.data;
    }
    return null;
  }, [caseId]);
}
