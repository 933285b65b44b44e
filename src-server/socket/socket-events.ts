import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { fail, type Ack } from '../../src-shared/protocol/envelope';
import { nulRefusal } from '../../src-shared/protocol/nul-text';
import { AppError, isDatabaseUnavailable } from '../platform/errors';

/**
 * One event a socket may send: its name, the schema of its payload, the rules its namespace's gate
 * checks before it runs (who may send it, whether an expired token will do), and what it does.
 * Built with `defineSocketEvent`, so the handler is typed by the schema and a list of events of
 * different payloads is one type.
 */
export interface SocketEvent<Ctx, Rules> {
  readonly name: string;
  readonly rules: Rules;
  /** Parses the payload; when it is valid, what running the event with it does. */
  accept(payload: unknown): AcceptedPayload<Ctx>;
}

type AcceptedPayload<Ctx> =
  { success: true; run(ctx: Ctx): Promise<Ack<unknown>> } | { success: false; issues: unknown };

export function defineSocketEvent<Ctx, Rules, S extends z.ZodType, R>(
  name: string,
  schema: S,
  rules: Rules,
  handle: (ctx: Ctx, payload: z.output<S>) => Promise<Ack<R>>,
): SocketEvent<Ctx, Rules> {
  return {
    name,
    rules,
    accept(payload) {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return { success: false, issues: parsed.error.issues };
      return { success: true, run: (ctx) => handle(ctx, parsed.data) };
    },
  };
}

/** What a namespace's gate says about one event. */
export type GateVerdict<T> =
  | { kind: 'pass'; value: T }
  /** Answered with the refusal; `afterAnswer` runs after the answer is sent (e.g. end the socket). */
  | { kind: 'refuse'; answer: Ack<never>; afterAnswer?: () => void }
  /** Not answered at all: `end` ends the socket (one that kept flooding). */
  | { kind: 'drop'; end: () => void };

export const pass = <T>(value: T): GateVerdict<T> => ({ kind: 'pass', value });

/** The checks a namespace makes on every event, around parsing its payload. */
export interface SocketGate<Ctx, Rules> {
  /** Before the payload is read (cheap, so a flood costs little): budgets, token expiry. */
  admit(rules: Rules, event: string): Promise<GateVerdict<null>>;
  /** After it parsed, before it runs: the session is still live, the sender may send it. */
  authorise(rules: Rules, event: string): Promise<GateVerdict<Ctx>>;
}

export interface ServeOptions {
  log: { error(obj: object, msg?: string): void };
  /** Events sent without asking for an answer are ignored (the console always asks). */
  requiresAck: boolean;
}

/**
 * The one wrapper every socket event goes through, on every namespace: admit (rate limits, token
 * expiry) → refuse NUL text → parse against the protocol schema → authorise (session, roles) →
 * run; the answer is always `{ok:true,data}` or `{ok:false,error}`, an unexpected failure
 * included.
 */
export function serveSocketEvents<Ctx, Rules>(
  socket: Socket,
  events: readonly SocketEvent<Ctx, Rules>[],
  gate: SocketGate<Ctx, Rules>,
  options: ServeOptions,
): void {
  for (const event of events) {
    socket.on(event.name, async (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function' && options.requiresAck) return;
      const reply = (answer: Ack<unknown>) => {
        if (typeof ack === 'function') (ack as (answer: Ack<unknown>) => void)(answer);
      };
      const settle = (verdict: Exclude<GateVerdict<unknown>, { kind: 'pass' }>) => {
        // Acted on here, in the same turn as the answers of other refused events, so those sent
        // before a flood crossed the line still reach the client before the socket closes.
        if (verdict.kind === 'drop') return verdict.end();
        reply(verdict.answer);
        verdict.afterAnswer?.();
      };
      try {
        const admitted = await gate.admit(event.rules, event.name);
        if (admitted.kind !== 'pass') return settle(admitted);
        const nul = nulRefusal(payload, ''); // PostgreSQL stores no NUL: refused, naming the field
        if (nul) return reply(nul);
        const accepted = event.accept(payload);
        if (!accepted.success) {
          return reply(fail('invalid', `The ${event.name} payload is not valid`, accepted.issues));
        }
        const authorised = await gate.authorise(event.rules, event.name);
        if (authorised.kind !== 'pass') return settle(authorised);
        reply(await accepted.run(authorised.value));
      } catch (err) {
        reply(answerToFailure(err, event.name, options.log));
      }
    });
  }
}

function answerToFailure(err: unknown, event: string, log: ServeOptions['log']): Ack<never> {
  if (err instanceof AppError) return { ok: false, error: err.toApiError() };
  if (isDatabaseUnavailable(err))
    return fail('unavailable', 'The database is unavailable; try again shortly');
  log.error({ err, event }, 'socket event failed');
  return fail('internal', 'Something went wrong on the server');
}
