import type {
  SaveAgentRoutingPayload,
  SaveQueueRoutingPayload,
} from '../../../../src-shared/protocol/commands';
import { Agent, Queue } from '../../../../src-shared/protocol/entities';
import { applyAgentAnswer, applyQueueAnswer } from '../../../data/sync-repository';
import { CommandRefusedError, runOnlineCommand } from '../../../sync/online-command';
import { NoAnswerError } from '../../../sync/socket-link';
import { sameRoutingProfile } from './agent-form';

/** How a save ended: saved (the server's entity), a conflict (what the server holds now), or not. */
export type SaveOutcome<T> =
  | { kind: 'saved'; entity: T | null }
  | { kind: 'conflict'; current: T | null; message: string }
  | { kind: 'failed'; message: string | null };

/** Saves a queue's routing against the version the admin edited; the cache takes the answer. */
export async function saveQueueRouting(
  payload: SaveQueueRoutingPayload,
  expectedVersion: number,
): Promise<SaveOutcome<Queue>> {
  const outcome = await attempt(
    () => runOnlineCommand({ type: 'queue:save-routing', payload, expectedVersion }),
    Queue,
  );
  const entity =
    outcome.kind === 'saved' ? outcome.entity : outcome.kind === 'conflict' ? outcome.current : null;
  if (entity) await applyQueueAnswer(entity);
  return outcome;
}

/**
 * Saves an agent's routing profile. The agent's version also moves when they change state, so a
 * conflict whose current agent still has the profile the admin started from is retried once.
 */
export async function saveAgentRouting(
  payload: SaveAgentRoutingPayload,
  baseline: Agent,
): Promise<SaveOutcome<Agent>> {
  const run = (expectedVersion: number) =>
    attempt(() => runOnlineCommand({ type: 'agent:save-routing', payload, expectedVersion }), Agent);
  let outcome = await run(baseline.version);
  if (outcome.kind === 'conflict' && outcome.current && sameRoutingProfile(outcome.current, baseline)) {
    outcome = await run(outcome.current.version);
  }
  const entity =
    outcome.kind === 'saved' ? outcome.entity : outcome.kind === 'conflict' ? outcome.current : null;
  if (entity) await applyAgentAnswer(entity);
  return outcome;
}

async function attempt<T>(
  send: () => Promise<T>,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): Promise<SaveOutcome<T>> {
  try {
    return { kind: 'saved', entity: await send() };
  } catch (err) {
    if (err instanceof CommandRefusedError && err.error.code === 'conflict') {
      const current = schema.safeParse(err.error.details);
      return { kind: 'conflict', current: current.success ? current.data : null, message: err.message };
    }
    // null: no answer (offline, timed out); the screen says so in the person's language.
    if (err instanceof NoAnswerError) return { kind: 'failed', message: null };
    return { kind: 'failed', message: (err as Error).message };
  }
}
