import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import { COMMAND_RESULTS } from '../../../src-shared/protocol/command-results';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Ack } from '../../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../../src-shared/protocol/socket-events';
import type { SyncEvent } from '../../../src-shared/protocol/sync';
import { request } from './test-server';

/** Sends one command over a real socket and returns the server's envelope. */
export async function runCommand<T = { syncId: number | null; entity: unknown }>(
  socket: Socket,
  type: string,
  payload: unknown,
  extra: { expectedVersion?: number; commandId?: string } = {},
): Promise<Ack<T>> {
  const ack = await request<T>(socket, SOCKET_EVENTS.command, {
    commandId: extra.commandId ?? randomUUID(),
    type,
    payload,
    ...(extra.expectedVersion === undefined ? {} : { expectedVersion: extra.expectedVersion }),
  });
  if (ack.ok) expectDeclaredResult(type, ack.data);
  return ack;
}

/** Every accepted command answers the entity its result schema declares (what the console parses). */
function expectDeclaredResult(type: string, data: unknown): void {
  const schema = (COMMAND_RESULTS as Record<string, z.ZodType | undefined>)[type];
  const entity = (data as { entity?: unknown } | null)?.entity;
  const parsed = schema?.safeParse(entity);
  if (parsed && !parsed.success) {
    throw new Error(`${type} answered an entity its result schema refuses: ${parsed.error.message}`);
  }
}

/** A contact logged by hand (the actor must be a supervisor or admin); returns it as created. */
export async function createContact(
  socket: Socket,
  payload: Partial<{
    channel: string;
    queueId: string;
    from: string;
    subject: string;
    customerId: string;
    impact: string;
    urgency: string;
  }> & { queueId: string },
): Promise<Contact> {
  const ack = await runCommand<{ entity: Contact }>(socket, 'contact:create', {
    contactId: randomUUID(),
    channel: 'phone',
    from: '+14155550134',
    subject: 'Test call',
    ...payload,
  });
  if (!ack.ok) throw new Error(`contact:create refused: ${ack.error.message}`);
  return ack.data.entity;
}

/** The latest state of each contact pushed to a socket, by id. */
export function watchContacts(socket: Socket): Map<string, Contact> {
  const latest = new Map<string, Contact>();
  socket.on(SOCKET_EVENTS.syncEvent, (event: SyncEvent) => {
    if (event.type !== 'contact.changed') return;
    const known = latest.get(event.payload.id);
    if (!known || known.version < event.payload.version) latest.set(event.payload.id, event.payload);
  });
  return latest;
}
