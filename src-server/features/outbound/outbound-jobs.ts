import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { outboundJobs } from '../../db/schema';
import { backoffDelayMs } from '../../../src-shared/domain/backoff';
import { singleFlight } from '../../../src-shared/domain/single-flight';
import { logBackgroundFailure } from '../../platform/background-failure';

export const JOB_KINDS = ['email', 'staff_email', 'call_control', 'survey_email'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobRow = typeof outboundJobs.$inferSelect;
export type JobOutcome = 'done' | 'retry' | 'failed';

/** A refusal retrying cannot fix (a 5xx from the relay, a 4xx from the phone system). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Delivers one kind of job. `settled` runs after each attempt, e.g. to show an email as sent. */
export interface JobSender {
  send(payload: unknown, job: JobRow): Promise<void>;
  settled?(job: JobRow, outcome: JobOutcome, error: string | null): Promise<void>;
}

export const MAX_ATTEMPTS = 8;
/** How long a claimed job is left alone before another node may take it (the claimer died). */
const LEASE_MS = 120_000;
const BATCH = 20;
const RETRY_BACKOFF = { firstMs: 5_000, maxMs: 30 * 60_000 };

/** Wait before attempt n+1: 5 s, 10 s, 20 s … capped at 30 min. */
export function backoffMs(attempts: number): number {
  return backoffDelayMs(RETRY_BACKOFF, attempts);
}

/** Written in the caller's transaction: it goes out only if that transaction commits. */
export async function enqueueJob(
  tx: Tx,
  job: { id: string; kind: JobKind; payload: unknown; notBefore?: Date },
): Promise<void> {
  await tx.insert(outboundJobs).values({
    id: job.id,
    kind: job.kind,
    payload: job.payload,
    nextAttemptAt: job.notBefore ?? new Date(),
  });
}

/**
 * Sends due jobs: claims them with FOR UPDATE SKIP LOCKED (so two nodes never take one), leases
 * them while sending, then marks them done, schedules a retry with backoff, or gives up.
 * Delivery is at least once: a node that dies mid-send leaves the job to be retried on lease expiry.
 */
export function createOutboundWorker(deps: {
  db: Db;
  senders: Partial<Record<JobKind, JobSender>>;
  log: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
  pollMs?: number;
}) {
  let timer: NodeJS.Timeout | null = null;
  const kinds = Object.keys(deps.senders) as JobKind[];

  async function claim(now: Date): Promise<JobRow[]> {
    if (kinds.length === 0) return [];
    return deps.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: outboundJobs.id })
        .from(outboundJobs)
        .where(
          and(
            eq(outboundJobs.status, 'pending'),
            lte(outboundJobs.nextAttemptAt, now),
            inArray(outboundJobs.kind, kinds),
          ),
        )
        .orderBy(asc(outboundJobs.nextAttemptAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(outboundJobs)
        .set({
          attempts: sql`${outboundJobs.attempts} + 1`,
          nextAttemptAt: new Date(now.getTime() + LEASE_MS),
        })
        .where(
          inArray(
            outboundJobs.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
  }

  async function attempt(job: JobRow): Promise<void> {
    const sender = deps.senders[job.kind as JobKind];
    if (!sender) return;
    let outcome: JobOutcome = 'done';
    let error: string | null = null;
    try {
      await sender.send(job.payload, job);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      outcome = err instanceof PermanentJobError || job.attempts >= MAX_ATTEMPTS ? 'failed' : 'retry';
      deps.log.warn(
        { job: job.id, kind: job.kind, attempts: job.attempts, err: error },
        'outbound job failed',
      );
    }
    const now = new Date();
    await deps.db
      .update(outboundJobs)
      .set(
        outcome === 'retry'
          ? { lastError: error, nextAttemptAt: new Date(now.getTime() + backoffMs(job.attempts)) }
          : { status: outcome, lastError: error, doneAt: now },
      )
      .where(eq(outboundJobs.id, job.id));
    await sender.settled?.(job, outcome, error);
  }

  /** One sweep; resolves to how many jobs it attempted. */
  async function runOnce(): Promise<number> {
    const jobs = await claim(new Date());
    await Promise.all(jobs.map(attempt));
    return jobs.length;
  }

  const sweeps = singleFlight(() =>
    runOnce().catch((err: unknown) => {
      logBackgroundFailure(deps.log, err, 'outbound sweep failed');
      return 0;
    }),
  );
  const sweep = (): void => void sweeps.run();

  return {
    runOnce,
    /** A job was just committed: send it now rather than at the next tick. */
    kick: sweep,
    start() {
      if (!timer) timer = setInterval(sweep, deps.pollMs ?? 1000);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await sweeps.idle();
    },
  };
}

export type OutboundWorker = ReturnType<typeof createOutboundWorker>;
