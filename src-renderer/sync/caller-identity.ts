import {
  CallerCandidatesResponse,
  type CallerCandidate,
  type IdentifyContactPayload,
} from '../../src-shared/protocol/caller-identity';
import type { Contact } from '../../src-shared/protocol/contacts';
import { API_ROUTES, routePath } from '../../src-shared/protocol/routes';
import { applyContactAnswer } from '../data/sync-repository';
import { runOnlineCommand } from './online-command';
import { authorizedGet } from './remote-reads';

/** Whom a contact may be from, last in touch first (read live: the picker is for this contact only). */
export async function fetchCallerCandidates(contactId: string): Promise<CallerCandidate[]> {
  const { candidates } = await authorizedGet(
    routePath(API_ROUTES.contactCandidates, { id: contactId }),
    CallerCandidatesResponse,
  );
  return candidates;
}

/**
 * Says who the contact is from (a candidate, a searched customer, or one created now); the
 * server's answer goes to the cache. Throws CommandRefusedError with the server's reason.
 */
export async function identifyContact(payload: IdentifyContactPayload): Promise<Contact | null> {
  const answer = await runOnlineCommand({ type: 'contact:identify', payload });
  await applyContactAnswer(answer);
  return answer;
}
