import { CommandResult, type Command } from '../../src-shared/protocol/commands';
import type { ApiError } from '../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { refreshAndRenew, request } from './socket-link';
import { newId } from '../data/new-id';

/** A command the server refused; `error.code` says why. */
export class CommandRefusedError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'CommandRefusedError';
  }
}

type CommandInput = Omit<Command, 'commandId'>;

/**
 * Runs a command that only makes sense live (agent state, disabling a user): no outbox. Retries
 * once with the same commandId after renewing an expired token — the server applies it once.
 * Throws NoAnswerError when offline or unanswered, CommandRefusedError on a refusal.
 */
export async function runOnlineCommand(input: CommandInput): Promise<unknown> {
  const command = { ...input, commandId: newId() };
  let ack = await request(SOCKET_EVENTS.command, command, CommandResult);
  if (!ack.ok && ack.error.code === 'unauthenticated') {
    await refreshAndRenew();
    ack = await request(SOCKET_EVENTS.command, command, CommandResult);
  }
  if (!ack.ok) throw new CommandRefusedError(ack.error);
  return ack.data.entity;
}
