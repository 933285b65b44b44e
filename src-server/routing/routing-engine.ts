import type { FastifyBaseLogger } from 'fastify';
import { singleFlight } from '../../src-shared/domain/single-flight';
import type { Db } from '../db/database';
import type { StoredEvent } from '../features/sync/event-log';
import { fireDueDeadlines } from './deadlines';
import { noRoutingProfiles } from './routable-agents';
import { runRoutingPass } from './routing-pass';
import { logBackgroundFailure } from '../platform/background-failure';

export interface RoutingEngine {
  /** A pass soon: something changed that may let a contact be offered. */
  kick(): void;
  /** Fires due deadlines and routes once, now (tests and the periodic tick use it). */
  runOnce(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export interface RoutingEngineDeps {
  db: Db;
  publish(events: StoredEvent[]): void;
  log: FastifyBaseLogger;
  /** How often deadlines are swept and waiting contacts looked at again (SLA pressure, overflow). */
  tickMs?: number;
  now?: () => Date;
}

/**
 * Runs routing passes on this node: on a kick (debounced into one pass) and on a tick. One pass
 * at a time per node; passes of several nodes take turns through a database lock.
 */
export function createRoutingEngine(deps: RoutingEngineDeps): RoutingEngine {
  const now = deps.now ?? (() => new Date());
  /** Whether the next run sweeps due deadlines too (the tick and `runOnce` ask; a kick does not). */
  let sweep = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  /** This node's copy of agents' routing profiles, reloaded by a pass after any edit. */
  const profiles = noRoutingProfiles();

  async function passOnce(): Promise<void> {
    try {
      if (sweep) {
        sweep = false;
        deps.publish(await fireDueDeadlines(deps.db, now()));
      }
      deps.publish((await runRoutingPass(deps.db, now(), profiles)).events);
    } catch (err) {
      logBackgroundFailure(deps.log, err, 'routing pass failed');
    }
  }

  const passes = singleFlight(passOnce, { shouldRepeat: () => !stopped });

  /** Runs a pass (after a deadline sweep when `withSweep`), or one more after the running one. */
  function run(withSweep: boolean): Promise<void> {
    sweep ||= withSweep;
    return passes.run();
  }

  const runOnce = () => run(true);

  return {
    // A kick needs a pass, not a sweep: deadlines fall due by the clock, and the tick sweeps them.
    kick() {
      if (!stopped) void run(false);
    },
    runOnce,
    start() {
      stopped = false;
      timer = setInterval(() => void runOnce(), deps.tickMs ?? 1_000);
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await passes.idle();
    },
  };
}
