import type { AlertKind, AlertSettings } from '../../protocol/supervision';
import type { RuleResult } from './alert-rules';
import { isSignedIn, staffOf, type FloorAgent, type FloorContact, type FloorQueue } from './floor';
import { slaThresholdSeconds } from './queue-state';

/**
 * Alert rules about one queue: nobody signed in while contacts wait, a contact near its SLA
 * threshold, a wait past the long-wait limit of its channel.
 */

/**
 * The moment each contact crosses its limit (`limitMs`, null: none for it): the rule holds once
 * any has crossed (since the first crossing), else it is due at the next crossing.
 */
function crossing(
  waiting: readonly FloorContact[],
  now: number,
  limitMs: (contact: FloorContact) => number | null,
  facts: (crossed: FloorContact[]) => Record<string, number>,
): RuleResult {
  let since: number | null = null;
  let dueAt: number | null = null;
  const crossed: FloorContact[] = [];
  for (const contact of waiting) {
    const limit = limitMs(contact);
    if (limit === null) continue;
    const at = contact.queuedAt + limit;
    if (at <= now) {
      crossed.push(contact);
      since = since === null ? at : Math.min(since, at);
    } else dueAt = dueAt === null ? at : Math.min(dueAt, at);
  }
  return crossed.length > 0 ? { holds: true, since, facts: facts(crossed) } : { holds: false, dueAt };
}

export function nobodyLoggedIn(
  queue: FloorQueue,
  waiting: readonly FloorContact[],
  agents: readonly FloorAgent[],
): RuleResult {
  const holds = waiting.length > 0 && !staffOf(queue, agents).some(isSignedIn);
  return holds ? { holds, since: null, facts: { waiting: waiting.length } } : { holds, dueAt: null };
}

/** A contact has waited `slaAtRiskShare` of its threshold (the one routing's SLA pressure uses). */
export function slaAtRisk(
  queue: FloorQueue,
  waiting: readonly FloorContact[],
  now: number,
  settings: AlertSettings,
): RuleResult {
  const thresholdMs = (c: FloorContact) => slaThresholdSeconds(c, queue) * 1000;
  return crossing(
    waiting,
    now,
    (c) => thresholdMs(c) * settings.slaAtRiskShare,
    (crossed) => ({
      atRisk: crossed.length,
      breached: crossed.filter((c) => now - c.queuedAt > thresholdMs(c)).length,
      waiting: waiting.length,
    }),
  );
}

/** A contact has waited longer than the long-wait limit of its channel (a channel without one never does). */
export function longWait(waiting: readonly FloorContact[], now: number, settings: AlertSettings): RuleResult {
  return crossing(
    waiting,
    now,
    (c) => {
      const seconds = settings.longWaitSeconds[c.channel];
      return seconds === undefined ? null : seconds * 1000;
    },
    (crossed) => ({
      longestWaitS: Math.round(Math.max(...crossed.map((c) => now - c.queuedAt)) / 1000),
      overLimit: crossed.length,
    }),
  );
}

/** Every queue rule for one queue, with the contacts waiting in it. */
export function queueRules(
  queue: FloorQueue,
  waiting: readonly FloorContact[],
  agents: readonly FloorAgent[],
  now: number,
  settings: AlertSettings,
): [AlertKind, RuleResult][] {
  return [
    ['nobody_logged_in', nobodyLoggedIn(queue, waiting, agents)],
    ['sla_at_risk', slaAtRisk(queue, waiting, now, settings)],
    ['long_wait', longWait(waiting, now, settings)],
  ];
}
