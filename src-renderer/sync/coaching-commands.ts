import type { z } from 'zod';
import type { Command } from '../../src-shared/protocol/commands';
import { runOnlineCommand } from './online-command';

type CommandInput = Omit<Command, 'commandId'>;

/**
 * Runs a coaching command that needs the server's answer at once (publish, release, dispute,
 * resolve, calibration…): the person sees the outcome or the refusal with its reason. The answer
 * is parsed against the entity the command returns and handed to `store` for the cache.
 */
export async function runCoachingCommand<S extends z.ZodType>(
  input: CommandInput,
  result: S,
  store?: (entity: z.infer<S>) => Promise<unknown>,
): Promise<z.infer<S>> {
  const entity = result.parse(await runOnlineCommand(input));
  if (store) await store(entity);
  return entity;
}
