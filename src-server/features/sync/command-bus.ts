import type { Db, Tx } from '../../db/database';
import { AppError, isDatabaseUnavailable, isUniqueViolation } from '../../platform/errors';
import type { Metrics } from '../../platform/metrics';
import {
  Command,
  type CommandResult,
  type CommandOf,
  type CommandType,
} from '../../../src-shared/protocol/commands';
import { fail, ok, type Ack } from '../../../src-shared/protocol/envelope';
import type { SessionEnded } from '../../../src-shared/protocol/socket-events';
import type { Actor } from '../auth/actor';
import type { PhoneRegion } from '../../../src-shared/domain/phone';
import type { NewEvent, StoredEvent } from './event-log';
import { commandHash } from './command-hash';
import { appliedCommandOf, commitCommand } from './log-append';

/** Things a command may cause once its transaction has committed. */
export interface CommitEffects {
  publish(events: StoredEvent[]): void;
  /** Tells every socket in `room` why, then disconnects them (on every node). */
  endSessions(room: string, reason: SessionEnded['reason']): void;
  /** Asks the routing engine for a pass soon (work or an agent became free, a contact arrived). */
  kickRouting(): void;
}

/** Settings commands read (from the server's configuration). */
export interface CommandSettings {
  expiredContractQueueId: string;
  /** Days after release in which an agent may dispute an evaluation. */
  coachingDisputeDays: number;
  /** Numbering plan of national phone numbers (callers' numbers, callback numbers). */
  phoneRegion: PhoneRegion;
}

export interface CommandContext {
  tx: Tx;
  actor: Actor;
  now: Date;
  settings: CommandSettings;
}

export interface CommandOutcome {
  /** The new state of the entity the command changed, echoed in the ack. */
  entity: unknown;
  events: NewEvent[];
  afterCommit?: (effects: CommitEffects) => void;
}

export interface CommandHandler<T extends CommandType = CommandType> {
  type: T;
  handle(ctx: CommandContext, command: CommandOf<T>): Promise<CommandOutcome>;
}

export interface CommandBus {
  /** Parses, authorizes, applies once (by commandId) and acknowledges a command from outside. */
  run(actor: Actor, raw: unknown): Promise<Ack<CommandResult>>;
}

/** Throws a `conflict` carrying the current row when the person edited an older version. */
export function checkVersion(
  expected: number | undefined,
  current: { version: number },
  currentView: unknown,
): void {
  if (expected !== undefined && expected !== current.version) {
    throw new AppError('conflict', `Changed by someone else (now version ${current.version})`, currentView);
  }
}

export function createCommandBus(deps: {
  db: Db;
  handlers: CommandHandler[];
  effects: CommitEffects;
  metrics: Metrics;
  settings: CommandSettings;
}): CommandBus {
  const byType = new Map<string, CommandHandler>(deps.handlers.map((h) => [h.type, h]));

  async function apply(actor: Actor, command: Command, payloadHash: string) {
    const handler = byType.get(command.type);
    if (!handler) throw new AppError('invalid', `Unknown command ${command.type}`);
    // No look for the command id first: a repeat is rare, and it ends either in a refusal (the
    // entity changed already) or on the applied row's unique key; `run` answers both with the
    // first result. Every command saves a round trip.
    const applied = { actorId: actor.id, commandId: command.commandId, type: command.type, payloadHash };
    return commitCommand(deps.db, applied, (tx) =>
      handler.handle({ tx, actor, now: new Date(), settings: deps.settings }, command),
    );
  }

  return {
    async run(actor, raw) {
      const parsed = Command.safeParse(raw);
      if (!parsed.success) {
        deps.metrics.commands.inc({ type: 'unparsed', outcome: 'invalid' });
        return fail('invalid', 'The command is not valid', parsed.error.issues);
      }
      const command = parsed.data;
      const payloadHash = commandHash(command);
      try {
        const { result, outcome, stored } = await apply(actor, command, payloadHash);
        deps.metrics.eventsAppended.inc(stored.length);
        deps.effects.publish(stored);
        outcome.afterCommit?.(deps.effects);
        deps.metrics.commands.inc({ type: command.type, outcome: 'applied' });
        return ok(result);
      } catch (err) {
        if (isUniqueViolation(err) || err instanceof AppError) {
          // A retry that raced its original (same command id) either collides on the applied row
          // or finds the entity already changed by it: either way it answers as the original did.
          // Another command sent under a used id is not a retry: a conflict, and nothing changed.
          const prior = await appliedCommandOf(deps.db, {
            actorId: actor.id,
            commandId: command.commandId,
            payloadHash,
          });
          if (prior?.isSameCommand) {
            deps.metrics.commands.inc({ type: command.type, outcome: 'replayed' });
            return ok(prior.result);
          }
          if (prior) {
            deps.metrics.commands.inc({ type: command.type, outcome: 'reused_id' });
            return fail('conflict', `Command id ${command.commandId} was used for a different command`);
          }
        }
        if (err instanceof AppError) {
          deps.metrics.commands.inc({ type: command.type, outcome: err.code });
          return { ok: false, error: err.toApiError() };
        }
        if (isDatabaseUnavailable(err)) {
          // Retryable: the same command id again is applied once, or answered as it was.
          deps.metrics.commands.inc({ type: command.type, outcome: 'unavailable' });
          return fail('unavailable', 'The database is unavailable; send the command again with the same id');
        }
        throw err;
      }
    },
  };
}
