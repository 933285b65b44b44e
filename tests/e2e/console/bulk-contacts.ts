import { expect, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { LoginResponse } from '../../../src-shared/protocol/auth';
import { CommandResult } from '../../../src-shared/protocol/commands';
import { Contact } from '../../../src-shared/protocol/contacts';
import { ackSchema } from '../../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { DEMO_PASSWORD } from './console-helpers';
import { E2E_SERVER_URL, type NewContact } from './contact-helpers';

/**
 * Logs many contacts by hand over one real socket.io connection (one sign-in, so the login rate
 * limit shared by all specs is not spent), in order; answers the contacts the server created.
 */
export async function createContacts(
  request: APIRequestContext,
  username: string,
  contacts: readonly (NewContact & {
    customerId?: string;
    caseId?: string;
    impact?: 'low' | 'medium' | 'high' | 'critical';
  })[],
): Promise<Contact[]> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { token } = LoginResponse.parse(await login.json());
  const socket = io(E2E_SERVER_URL, { auth: { token }, transports: ['websocket'], reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const created: Contact[] = [];
    for (const contact of contacts) {
      const command = {
        commandId: randomUUID(),
        type: 'contact:create',
        payload: { contactId: randomUUID(), subject: '', ...contact },
      };
      // A well-behaved client: over the server's event budget, wait as long as it says and send again.
      for (;;) {
        const answer: unknown = await socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, command);
        const ack = ackSchema(CommandResult).parse(answer);
        if (!ack.ok && ack.error.code === 'rate_limited') {
          await new Promise((resolve) => setTimeout(resolve, retryAfter(ack.error.details)));
          continue;
        }
        if (!ack.ok) throw new Error(`contact:create refused: ${ack.error.code} ${ack.error.message}`);
        created.push(Contact.parse(ack.data.entity));
        break;
      }
    }
    return created;
  } finally {
    socket.disconnect();
  }
}

function retryAfter(details: unknown): number {
  const ms = (details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 ? ms : 1_000;
}
