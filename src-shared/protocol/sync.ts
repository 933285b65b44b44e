import { z } from 'zod';
import { Contact, QueueAlert } from './contacts';
import { Agent, CaseSummary, Message, Note, Queue, Team, AdminUser } from './entities';
import { Skill } from './routing-config';
import { Broadcast, ConsoleNotification, Reassignment } from './supervisor-entities';
import { COACHING_EVENT_TYPES, FollowUpTask, TemplateResult } from './coaching-commands';
import { Evaluation } from './coaching-evaluations';
import { CalibrationSession } from './coaching-calibration';
import { SamplingDraw, SamplingPlan } from './coaching-sampling';

export const ENTITY_KINDS = [
  'agent',
  'note',
  'user',
  'queue',
  'team',
  'contact',
  'alert',
  'message',
  'case',
  'reassignment',
  'broadcast',
  'notification',
  'scorecard',
  'evaluation',
  'calibration',
  'coaching-task',
  'sampling-plan',
  'sampling-draw',
] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

export const EVENT_TYPES = {
  agentStateChanged: 'agent.state-changed',
  noteAdded: 'note.added',
  userUpdated: 'user.updated',
  /** Any change of a contact: created, offered, accepted, declined, ended, wrapped up, transferred… */
  contactChanged: 'contact.changed',
  /** A queue's configuration changed (admin). */
  queueUpdated: 'queue.updated',
  /** An agent's routing profile changed (admin); the payload is the whole agent, like state changes. */
  agentUpdated: 'agent.updated',
  /** A queue alert raised or cleared. */
  alertChanged: 'alert.changed',
  /** A message on a case: an email in or out (and its delivery), a chat line, a web form. */
  messageAdded: 'message.added',
  /** A case opened or changed by a channel (a new email, form or chat). */
  caseChanged: 'case.changed',
  /** A supervisor (or a response timer) moved a contact: the audit row; the contact's own change follows as contact.changed. */
  contactReassigned: 'contact.reassigned',
  /** A broadcast sent, or acknowledged by one more agent. */
  broadcastChanged: 'broadcast.changed',
  /** A console notification for one person (reassigned away, timer expired, forced state, escalation). */
  notificationChanged: 'notification.changed',
} as const;

function eventOf<T extends string, K extends EntityKind, P extends z.ZodType>(
  type: T,
  entityKind: K,
  payload: P,
) {
  return z.object({
    syncId: z.number().int().positive(),
    type: z.literal(type),
    entityKind: z.literal(entityKind),
    entityId: z.string(),
    entityVersion: z.number().int(),
    payload,
    at: z.string(),
  });
}

/**
 * One committed change, in log order. `payload` is the new state of the entity,
 * so applying an event never depends on having applied the ones before it.
 */
export const SyncEvent = z.discriminatedUnion('type', [
  eventOf(EVENT_TYPES.agentStateChanged, 'agent', Agent),
  eventOf(EVENT_TYPES.noteAdded, 'note', Note),
  eventOf(EVENT_TYPES.userUpdated, 'user', AdminUser),
  eventOf(EVENT_TYPES.contactChanged, 'contact', Contact),
  eventOf(EVENT_TYPES.queueUpdated, 'queue', Queue),
  eventOf(EVENT_TYPES.agentUpdated, 'agent', Agent),
  eventOf(EVENT_TYPES.alertChanged, 'alert', QueueAlert),
  eventOf(EVENT_TYPES.messageAdded, 'message', Message),
  eventOf(EVENT_TYPES.caseChanged, 'case', CaseSummary),
  eventOf(EVENT_TYPES.contactReassigned, 'reassignment', Reassignment),
  eventOf(EVENT_TYPES.broadcastChanged, 'broadcast', Broadcast),
  eventOf(EVENT_TYPES.notificationChanged, 'notification', ConsoleNotification),
  eventOf(COACHING_EVENT_TYPES.scorecardChanged, 'scorecard', TemplateResult),
  eventOf(COACHING_EVENT_TYPES.evaluationChanged, 'evaluation', Evaluation),
  eventOf(COACHING_EVENT_TYPES.calibrationChanged, 'calibration', CalibrationSession),
  eventOf(COACHING_EVENT_TYPES.followUpChanged, 'coaching-task', FollowUpTask),
  eventOf(COACHING_EVENT_TYPES.samplingPlanChanged, 'sampling-plan', SamplingPlan),
  eventOf(COACHING_EVENT_TYPES.sampleDrawn, 'sampling-draw', SamplingDraw),
]);
export type SyncEvent = z.infer<typeof SyncEvent>;

export const SinceRequest = z.object({
  lastSyncId: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(1000).optional(),
});
export type SinceRequest = z.infer<typeof SinceRequest>;

/** Everything a console caches of its scope, as of `lastSyncId`. */
export const Snapshot = z.object({
  agents: z.array(Agent),
  queues: z.array(Queue),
  teams: z.array(Team),
  skills: z.array(Skill),
  /** Open contacts (scheduled, queued, offered, active, wrap-up) in the person's scope. */
  contacts: z.array(Contact),
  /** Queue alerts still active. */
  alerts: z.array(QueueAlert),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const SinceResponse = z.object({
  events: z.array(SyncEvent),
  /** The position reached: ask again from here. */
  lastSyncId: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Present when the console must drop its cache and start from this snapshot. */
  snapshot: Snapshot.optional(),
});
export type SinceResponse = z.infer<typeof SinceResponse>;
