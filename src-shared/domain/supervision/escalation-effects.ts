import { LEVELS, type Level } from '../../protocol/contacts';
import {
  ESCALATION_TARGETS,
  type EscalationTarget,
  type NotifyChannel,
  type NotifyRole,
} from '../../protocol/escalation';
import type { DueStep, EscalationCase } from './escalation';

/** Someone a firing notifies, and how. */
export interface Notification {
  target: { kind: 'role'; role: NotifyRole } | { kind: 'user'; userId: string };
  channels: NotifyChannel[];
}

/** What the steps firing now do to the case, folded into one change the server applies. */
export interface EscalationEffects {
  /** `escalated` when a step sets it and the case is not escalated yet. */
  status: 'escalated' | null;
  /** The furthest target any step escalates to (tier 2 < product specialist < development). */
  escalateTo: EscalationTarget | null;
  /** The raised priority when a step raises it above the current one. */
  priority: Level | null;
  /** Each person or role once, with every channel any step asked for. */
  notify: Notification[];
}

const rank = <T>(order: readonly T[], value: T) => order.indexOf(value);

export function effectsOf(
  c: Pick<EscalationCase, 'status' | 'priority'>,
  steps: readonly DueStep[],
): EscalationEffects {
  const effects: EscalationEffects = { status: null, escalateTo: null, priority: null, notify: [] };
  const notified = new Map<string, Notification>();
  for (const action of steps.flatMap((step) => step.actions)) {
    switch (action.type) {
      case 'set_status':
        if (c.status !== 'escalated') effects.status = 'escalated';
        break;
      case 'escalate':
        if (
          !effects.escalateTo ||
          rank(ESCALATION_TARGETS, action.to) > rank(ESCALATION_TARGETS, effects.escalateTo)
        )
          effects.escalateTo = action.to;
        break;
      case 'raise_priority': {
        const current = effects.priority ?? c.priority;
        if (rank(LEVELS, action.to) > rank(LEVELS, current)) effects.priority = action.to;
        break;
      }
      case 'notify': {
        const targets: Notification['target'][] = [
          ...action.roles.map((role) => ({ kind: 'role' as const, role })),
          ...action.userIds.map((userId) => ({ kind: 'user' as const, userId })),
        ];
        for (const target of targets) {
          const id = target.kind === 'role' ? `role:${target.role}` : `user:${target.userId}`;
          const entry = notified.get(id) ?? { target, channels: [] };
          entry.channels = [...new Set([...entry.channels, ...action.channels])];
          notified.set(id, entry);
        }
        break;
      }
    }
  }
  effects.notify = [...notified.values()];
  return effects;
}
