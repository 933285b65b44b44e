import type { CommandType } from '../../src-shared/protocol/commands';
import type { CommandEntityOf } from '../../src-shared/protocol/command-results';
import { runOnlineCommand, type CommandInputOf } from './online-command';

/**
 * Runs a coaching command that needs the server's answer at once (publish, release, dispute,
 * resolve, calibration…): the person sees the outcome or the refusal with its reason. The answer,
 * typed by the command's result schema, is handed to `store` for the cache.
 */
export async function runCoachingCommand<K extends CommandType>(
  input: CommandInputOf<K>,
  store?: (entity: CommandEntityOf<K>) => Promise<unknown>,
): Promise<CommandEntityOf<K>> {
  const entity = await runOnlineCommand(input);
  if (store) await store(entity);
  return entity;
}
