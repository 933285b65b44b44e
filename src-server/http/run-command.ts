import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors';
import { IDEMPOTENCY_KEY_HEADER } from '../../src-shared/protocol/coaching-http';
import type { CommandBus } from '../features/sync/command-bus';

const IdempotencyKey = z.uuid();

/**
 * The command id of an HTTP write: its `Idempotency-Key` header (a UUID), so a repeat answers the
 * first result, or a new id when there is none.
 */
export function commandIdOf(req: FastifyRequest): string {
  const header = req.headers[IDEMPOTENCY_KEY_HEADER];
  if (header === undefined) return randomUUID();
  const parsed = IdempotencyKey.safeParse(header);
  if (!parsed.success) throw new AppError('invalid', 'Idempotency-Key must be a UUID');
  return parsed.data;
}

/** Runs a command through the bus as the signed-in person; a refusal becomes the HTTP error. */
export async function runAsHttp(
  commands: CommandBus,
  req: FastifyRequest,
  commandId: string,
  type: string,
  payload: unknown,
): Promise<unknown> {
  const ack = await commands.run(req.actor(), { commandId, type, payload });
  if (!ack.ok) throw new AppError(ack.error.code, ack.error.message, ack.error.details);
  return ack.data.entity;
}

/**
 * Runs an HTTP call as a command through the bus, so it is authorized, applied once and pushed
 * exactly as the console's socket command is; the command id comes from `Idempotency-Key`.
 */
export function runAsCommand(
  commands: CommandBus,
  req: FastifyRequest,
  type: string,
  payload: unknown,
): Promise<unknown> {
  return runAsHttp(commands, req, commandIdOf(req), type, payload);
}
