import type { AlertCondition, AlertSettings, AlertSubject } from '../../protocol/supervision';
import { agentRules } from './agent-alerts';
import { alertKey, conditionOf, type AlertDeadline, type RuleResult } from './alert-rules';
import type { Floor, FloorContact } from './floor';
import { queueRules } from './queue-alerts';

/**
 * The supervisor's alerts as pure functions over the floor: which conditions hold now, and when
 * the next one would begin if nothing else changed — so the server raises alerts from events and
 * from one persisted deadline, never from a timer in one node's memory.
 */
export interface AlertEvaluation {
  /** Conditions that hold now, queues first, each once (by key). */
  open: AlertCondition[];
  /** Conditions that will hold at a known moment if nothing else changes, earliest first. */
  upcoming: AlertDeadline[];
  /** The earliest of `upcoming` (null: only an event can raise anything more). */
  nextDueAt: number | null;
}

export function evaluateAlerts(floor: Floor, settings: AlertSettings): AlertEvaluation {
  const open: AlertCondition[] = [];
  const upcoming: AlertDeadline[] = [];
  const collect = (subject: AlertSubject, rules: [AlertCondition['kind'], RuleResult][]) => {
    for (const [kind, result] of rules) {
      if (result.holds) open.push(conditionOf(subject, kind, result));
      else if (result.dueAt !== null)
        upcoming.push({ key: alertKey(subject, kind), kind, subject, dueAt: result.dueAt });
    }
  };
  const waitingByQueue = new Map<string, FloorContact[]>();
  for (const contact of floor.waiting) {
    waitingByQueue.set(contact.queueId, [...(waitingByQueue.get(contact.queueId) ?? []), contact]);
  }
  for (const queue of floor.queues) {
    const waiting = waitingByQueue.get(queue.id) ?? [];
    collect({ kind: 'queue', id: queue.id }, queueRules(queue, waiting, floor.agents, floor.now, settings));
  }
  const queues = new Map(floor.queues.map((q) => [q.id, q]));
  for (const agent of floor.agents) {
    collect({ kind: 'agent', id: agent.id }, agentRules(agent, queues, floor.now, settings));
  }
  upcoming.sort((a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { open, upcoming, nextDueAt: upcoming[0]?.dueAt ?? null };
}

/**
 * What to change from the alerts open now (their keys) to match an evaluation: raise those not
 * open yet, clear those whose condition is gone. Applying it twice changes nothing the second time.
 */
export function alertChanges(
  openKeys: Iterable<string>,
  evaluation: Pick<AlertEvaluation, 'open'>,
): { raise: AlertCondition[]; clear: string[] } {
  const wasOpen = new Set(openKeys);
  const nowOpen = new Set(evaluation.open.map((c) => c.key));
  return {
    raise: evaluation.open.filter((c) => !wasOpen.has(c.key)),
    clear: [...wasOpen].filter((key) => !nowOpen.has(key)).sort(),
  };
}
