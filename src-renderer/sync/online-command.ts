import { CommandResult, type CommandOf, type CommandType } from '../../src-shared/protocol/commands';
import { COMMAND_RESULTS, type CommandEntityOf } from '../../src-shared/protocol/command-results';
import type { ApiError } from '../../src-shared/protocol/envelope';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { NoAnswerError, refreshAndRenew, request } from './socket-link';
import { newId } from '../data/new-id';

/** A command the server refused; `error.code` says why. */
export class CommandRefusedError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'CommandRefusedError';
  }
}

/** A command of type `K` as a screen sends it: the id is made here. */
export interface CommandInputOf<K extends CommandType> {
  type: K;
  payload: CommandOf<K>['payload'];
  expectedVersion?: number;
}

/**
 * Runs a command that only makes sense live (agent state, disabling a user): no outbox. Retries
 * once with the same commandId after renewing an expired token — the server applies it once.
 * Answers the command's entity, parsed against its result schema (`COMMAND_RESULTS`).
 * Throws NoAnswerError when offline, unanswered or answered with something else, and
 * CommandRefusedError on a refusal.
 */
export async function runOnlineCommand<K extends CommandType>(
  input: CommandInputOf<K>,
): Promise<CommandEntityOf<K>> {
  const command = { ...input, commandId: newId() };
  let ack = await request(SOCKET_EVENTS.command, command, CommandResult);
  if (!ack.ok && ack.error.code === 'unauthenticated') {
    await refreshAndRenew();
    ack = await request(SOCKET_EVENTS.command, command, CommandResult);
  }
  if (!ack.ok) throw new CommandRefusedError(ack.error);
  const entity = COMMAND_RESULTS[input.type].safeParse(ack.data.entity);
  if (!entity.success)
    throw new NoAnswerError('The server answered something this console does not understand');
  return entity.data as CommandEntityOf<K>;
}
