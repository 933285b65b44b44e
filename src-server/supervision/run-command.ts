import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../platform/errors';
import type { CommandBus } from '../features/sync/command-bus';
import type { Actor } from '../features/auth/actor';
import type { CommandType } from '../../src-shared/protocol/commands';

const IdempotencyKey = z.uuid();

/**
 * Runs an HTTP call as a command through the bus, so it is authorized, applied once and pushed
 * exactly as the console's socket command is. An `Idempotency-Key` header (a UUID) makes a retry
 * answer as the first call did. A refusal becomes the HTTP error of its code.
 */
export async function runAsCommand(
  commands: CommandBus,
  req: FastifyRequest & { actor(): Actor },
  type: CommandType,
  payload: unknown,
): Promise<unknown> {
  const key = IdempotencyKey.safeParse(req.headers['idempotency-key']);
  const ack = await commands.run(req.actor(), {
    commandId: key.success ? key.data : randomUUID(),
    type,
    payload,
  });
  if (!ack.ok) throw new AppError(ack.error.code, ack.error.message, ack.error.details);
  return ack.data.entity;
}
