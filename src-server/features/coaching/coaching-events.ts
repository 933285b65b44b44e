import type { CalibrationSession } from '../../../src-shared/protocol/coaching-calibration';
import {
  COACHING_EVENT_TYPES,
  type FollowUpTask,
  type TemplateResult,
} from '../../../src-shared/protocol/coaching-commands';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { isVisibleToAgent } from '../../../src-shared/domain/coaching/workflow';
import type { Audience, NewEvent } from '../sync/event-log';

/** Scorecards are read by everyone who scores or is scored. */
export function scorecardEvent(result: TemplateResult): NewEvent {
  return {
    type: COACHING_EVENT_TYPES.scorecardChanged,
    entityKind: 'scorecard',
    entityId: result.template.id,
    entityVersion: result.version.version,
    payload: result,
    audience: { roles: ['agent', 'coach', 'supervisor', 'admin'] },
  };
}

/**
 * The author, supervisors and admins always; the coaches of the agent's team and the agent only
 * for coach evaluations past draft (the agent from release on). A calibration evaluation goes to
 * its author alone until its session closes (`calibrationClosedAudience` then widens it).
 */
export function evaluationAudience(evaluation: Evaluation, teamCoachIds: string[]): Audience {
  if (evaluation.kind === 'calibration') return { users: [evaluation.authorId] };
  const users = new Set([evaluation.authorId]);
  if (evaluation.state !== 'draft') for (const id of teamCoachIds) users.add(id);
  if (evaluation.kind === 'self' || isVisibleToAgent(evaluation.kind, evaluation.state))
    users.add(evaluation.agentId);
  const roles: Audience['roles'] = evaluation.state === 'draft' ? [] : ['supervisor', 'admin'];
  return { users: [...users], roles };
}

export function evaluationEvent(evaluation: Evaluation, audience: Audience): NewEvent {
  return {
    type: COACHING_EVENT_TYPES.evaluationChanged,
    entityKind: 'evaluation',
    entityId: evaluation.id,
    entityVersion: evaluation.version,
    payload: evaluation,
    audience,
  };
}

export function calibrationEvent(session: CalibrationSession): NewEvent {
  const users = new Set([session.createdBy, ...session.coachIds]);
  if (session.expertId) users.add(session.expertId);
  return {
    type: COACHING_EVENT_TYPES.calibrationChanged,
    entityKind: 'calibration',
    entityId: session.id,
    entityVersion: session.version,
    payload: session,
    audience: { users: [...users], roles: ['supervisor', 'admin'] },
  };
}

export function followUpEvent(task: FollowUpTask): NewEvent {
  return {
    type: COACHING_EVENT_TYPES.followUpChanged,
    entityKind: 'coaching-task',
    entityId: task.id,
    entityVersion: task.version,
    payload: task,
    audience: { users: [task.agentId, task.assignedBy], roles: ['supervisor', 'admin'] },
  };
}
