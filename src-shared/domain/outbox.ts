import { z } from 'zod';
import type { ApiError } from '../protocol/envelope';

/**
 * Pure rules of the console's offline outbox: what happens to an entry after each answer
 * (or silence) from the server, which entry goes next, and how long to wait before a retry.
 */

export const OUTBOX_STATUSES = ['pending', 'failed', 'conflict'] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxProblem = z.object({
  code: z.string(),
  message: z.string(),
  /** For a conflict: the entity as the server has it now, shown beside the person's version. */
  details: z.unknown().optional(),
});
export type OutboxProblem = z.infer<typeof OutboxProblem>;

/** One durable, not yet acknowledged command. */
export const OutboxEntry = z.object({
  commandId: z.uuid(),
  type: z.string(),
  payload: z.unknown(),
  expectedVersion: z.number().int().nonnegative().optional(),
  /** Epoch ms; entries drain in this order. */
  createdAt: z.number(),
  attempts: z.number().int().nonnegative(),
  status: OutboxStatus,
  /** Epoch ms before which a retry must not be sent. */
  nextAttemptAt: z.number().optional(),
  problem: OutboxProblem.optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** What became of one attempt to send an entry. */
export type SendOutcome =
  | { kind: 'accepted' }
  | { kind: 'refused'; error: ApiError }
  | { kind: 'conflict'; error: ApiError }
  /** No answer (timeout, disconnect) or a transient server error: same commandId later. */
  | { kind: 'no-answer' }
  /** The access token expired: renew it and resend at once; not the entry's fault. */
  | { kind: 'token-expired' };

export type OutboxTransition = { action: 'delete' } | { action: 'update'; entry: OutboxEntry };

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/** Exponential backoff after `attempts` failed tries: 1 s, 2 s, 4 s … capped at a minute. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Refusals the server will repeat whatever we do: resending cannot help, the person must decide.
 * `unprocessable` (a move the case flow does not allow) is one: retried, it would block nothing
 * but be sent forever.
 */
const REFUSAL_CODES = new Set(['invalid', 'forbidden', 'not_found', 'unprocessable']);

/**
 * Maps a command's ack error (or a missing answer) onto an outcome. Everything that is not a
 * refusal, a conflict or an expired token is retried with the same commandId: `unavailable` (the
 * server lost its database for a moment), `rate_limited`, `internal`, and codes added later.
 */
export function outcomeOfError(error: ApiError | undefined): SendOutcome {
  if (!error) return { kind: 'no-answer' };
  if (error.code === 'conflict') return { kind: 'conflict', error };
  if (REFUSAL_CODES.has(error.code)) return { kind: 'refused', error };
  if (error.code === 'unauthenticated') return { kind: 'token-expired' };
  return { kind: 'no-answer' };
}

/** The entry after one attempt with this outcome, or its removal. */
export function transition(entry: OutboxEntry, outcome: SendOutcome, now: number): OutboxTransition {
  switch (outcome.kind) {
    case 'accepted':
      return { action: 'delete' };
    case 'refused':
      return {
        action: 'update',
        entry: withProblem(entry, 'failed', outcome.error),
      };
    case 'conflict':
      return {
        action: 'update',
        entry: withProblem(entry, 'conflict', outcome.error),
      };
    case 'token-expired':
      return {
        action: 'update',
        entry: { ...entry, status: 'pending', nextAttemptAt: now },
      };
    case 'no-answer': {
      const attempts = entry.attempts + 1;
      return {
        action: 'update',
        entry: {
          ...entry,
          status: 'pending',
          attempts,
          nextAttemptAt: now + retryDelayMs(attempts),
        },
      };
    }
  }
}

function withProblem(entry: OutboxEntry, status: OutboxStatus, error: ApiError): OutboxEntry {
  return {
    ...entry,
    status,
    attempts: entry.attempts + 1,
    nextAttemptAt: undefined,
    problem: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/**
 * The entry to send next: the oldest pending one. Failed and conflicting entries wait for the
 * person and do not block the rest. `waitMs` > 0 means the head is backing off: send nothing yet,
 * so later entries never overtake an earlier one.
 */
export function nextToSend(
  entries: readonly OutboxEntry[],
  now: number,
): { entry: OutboxEntry; waitMs: number } | null {
  const pending = entries.filter((e) => e.status === 'pending').sort((a, b) => a.createdAt - b.createdAt);
  const head = pending[0];
  if (!head) return null;
  return { entry: head, waitMs: Math.max(0, (head.nextAttemptAt ?? 0) - now) };
}

/** A new entry, as written beside the optimistic row. */
export function newOutboxEntry(
  command: {
    commandId: string;
    type: string;
    payload: unknown;
    expectedVersion?: number;
  },
  now: number,
): OutboxEntry {
  return { ...command, createdAt: now, attempts: 0, status: 'pending' };
}
