import { expect, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { LoginResponse } from '../../../src-shared/protocol/auth';
import { CommandResult } from '../../../src-shared/protocol/commands';
import type { Channel } from '../../../src-shared/protocol/channels';
import { Contact } from '../../../src-shared/protocol/contacts';
import { ackSchema } from '../../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import { DEMO_PASSWORD } from './console-helpers';
import { E2E_BASE_URL } from '../../../scripts/e2e-ports.mjs';

/** The e2e server (playwright.config.ts `baseURL`). */
export const E2E_SERVER_URL = E2E_BASE_URL;

export interface NewContact {
  channel: Exclude<Channel, 'callback'>;
  queueId: string;
  from: string;
  subject?: string;
  customerId?: string;
  caseId?: string;
}

/**
 * Logs a contact by hand as a supervisor or admin would: `contact:create` over a real socket.io
 * client signed in as `username`, answered with the contact the server created.
 */
export async function createContact(
  request: APIRequestContext,
  username: string,
  contact: NewContact,
): Promise<Contact> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { token } = LoginResponse.parse(await login.json());
  const socket = io(E2E_SERVER_URL, { auth: { token }, transports: ['websocket'], reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const answer: unknown = await socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, {
      commandId: randomUUID(),
      type: 'contact:create',
      payload: { contactId: randomUUID(), subject: '', ...contact },
    });
    const ack = ackSchema(CommandResult).parse(answer);
    if (!ack.ok) throw new Error(`contact:create refused: ${ack.error.code} ${ack.error.message}`);
    return Contact.parse(ack.data.entity);
  } finally {
    socket.disconnect();
  }
}
