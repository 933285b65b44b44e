import type { Db, Tx } from '../db/database';
import type { Config } from '../platform/config';
import type { Metrics } from '../platform/metrics';
import type { CommandSettings, CommitEffects } from '../features/sync/command-bus';
import type { NewEvent } from '../features/sync/event-log';
import { commitWithEvents } from '../features/sync/log-append';
import type { RateLimits } from '../platform/rate-limits';

/** What every channel adapter may use. */
export interface ChannelDeps {
  db: Db;
  config: Config;
  effects: CommitEffects;
  metrics: Metrics;
  settings: CommandSettings;
  /** Rate limits, shared by every node when Redis is there. */
  limits: RateLimits;
  log: {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
    error(obj: object, msg?: string): void;
  };
}

export interface InboundChange<T> {
  result: T;
  events: NewEvent[];
  /** Ask the routing engine for a pass after commit (a contact arrived or changed). */
  kickRouting?: boolean;
}

/**
 * The channels' version of the command wrapper: one transaction that changes rows and appends
 * their events (actor: the system), then live push and a routing pass once it has committed.
 * The adapter answers its caller (2xx, SMTP 250) only after this resolves: nothing acknowledged
 * is lost.
 */
export async function commitInbound<T>(
  deps: Pick<ChannelDeps, 'db' | 'effects'>,
  change: (tx: Tx, now: Date) => Promise<InboundChange<T>>,
): Promise<T> {
  const { value: outcome, stored } = await commitWithEvents(deps.db, null, async (tx) => {
    const outcome = await change(tx, new Date());
    return { value: outcome, events: outcome.events };
  });
  deps.effects.publish(stored);
  if (outcome.kickRouting) deps.effects.kickRouting();
  return outcome.result;
}
