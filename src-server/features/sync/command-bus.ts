import type { Db, Tx } from '../../db/database';
import { AppError, isDatabaseUnavailable, isUniqueViolation } from '../../platform/errors';
import type { Metrics } from '../../platform/metrics';
import {
  Command,
  type CommandResult,
  type CommandOf,
  type CommandType,
} from '../../../src-shared/protocol/commands';
import type { CommandEntityOf } from '../../../src-shared/protocol/command-results';
import { fail, ok, type Ack } from '../../../src-shared/protocol/envelope';
import type { SessionEnded } from '../../../src-shared/protocol/socket-events';
import { hasRole, type Actor } from '../auth/actor';
import type { Role } from '../../../src-shared/protocol/auth';
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

export interface CommandOutcome<E = unknown> {
  /** The new state of the entity the command changed, echoed in the ack (its schema: COMMAND_RESULTS). */
  entity: E;
  events: NewEvent[];
  afterCommit?: (effects: CommitEffects) => void;
}

/**
 * What a scope check answers: allowed, or refused with the reason the person is told —
 * `forbidden`, or `not_found` where the actor may not even learn that the thing exists.
 */
export type ScopeVerdict = { allowed: true } | { allowed: false; reason: string; as?: 'not_found' };

/** What a scope check may read: the command's transaction (nothing is written yet) and who asks. */
export interface ScopeContext {
  tx: Tx;
  actor: Actor;
}

/** Whether this actor may do a command `C` to the thing it names (its queue, team, agent …). */
export type Scope<C> = (ctx: ScopeContext, command: C) => Promise<ScopeVerdict> | ScopeVerdict;

/** The scope of one command type; any `Scope` of a shape the command has fits. */
export type CommandScope<T extends CommandType> = Scope<CommandOf<T>>;

/**
 * One command: who may send it, on what, and what it does. The bus checks `who` and then `scope`
 * before `handle` runs; a refusal writes nothing and leaves the command id unused.
 */
export interface CommandDefinition<T extends CommandType> {
  /** Roles that may send the command; anyone else is refused before anything is read. */
  who: readonly Role[];
  /** Checked in the command's transaction before `handle`; see features/access/command-scopes.ts. */
  scope: CommandScope<T>;
  /** Answers with the entity its result schema declares (`COMMAND_RESULTS`, shared with the console). */
  handle(ctx: CommandContext, command: CommandOf<T>): Promise<CommandOutcome<CommandEntityOf<T>>>;
}

/** Every command the server runs, one entry per type: a missing command is a compile error. */
export type CommandRegistry = { readonly [K in CommandType]: CommandDefinition<K> };

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

/** Refuses (`forbidden`, with the reason) an actor outside the command's roles or scope. */
async function authorize<T extends CommandType>(
  definition: CommandDefinition<T>,
  ctx: ScopeContext,
  command: CommandOf<T>,
): Promise<void> {
  const verdict = await definition.scope(ctx, command);
  if (!verdict.allowed) throw new AppError(verdict.as ?? 'forbidden', verdict.reason);
}

const refusedRole = (who: readonly Role[]) => fail('forbidden', `This needs the ${who.join(' or ')} role`);

export function createCommandBus(deps: {
  db: Db;
  registry: CommandRegistry;
  effects: CommitEffects;
  metrics: Metrics;
  settings: CommandSettings;
}): CommandBus {
  function definitionOf<T extends CommandType>(type: T): CommandDefinition<T> {
    return deps.registry[type];
  }

  async function apply<T extends CommandType>(actor: Actor, command: CommandOf<T>, payloadHash: string) {
    const definition = definitionOf<T>(command.type);
    // No look for the command id first: a repeat is rare, and it ends either in a refusal (the
    // entity changed already) or on the applied row's unique key; `run` answers both with the
    // first result. Every command saves a round trip.
    const applied = { actorId: actor.id, commandId: command.commandId, type: command.type, payloadHash };
    return commitCommand(deps.db, applied, async (tx) => {
      await authorize(definition, { tx, actor }, command);
      return definition.handle({ tx, actor, now: new Date(), settings: deps.settings }, command);
    });
  }

  return {
    async run(actor, raw) {
      const parsed = Command.safeParse(raw);
      if (!parsed.success) {
        deps.metrics.commands.inc({ type: 'unparsed', outcome: 'invalid' });
        return fail('invalid', 'The command is not valid', parsed.error.issues);
      }
      const command = parsed.data;
      const { who } = definitionOf(command.type);
      if (!hasRole(actor, ...who)) {
        deps.metrics.commands.inc({ type: command.type, outcome: 'forbidden' });
        return refusedRole(who);
      }
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
