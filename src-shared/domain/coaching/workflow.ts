import type { Answer } from '../../protocol/coaching';
import type {
  EvaluationAction,
  EvaluationKind,
  EvaluationState,
  ResolutionOutcome,
  ResolveEvaluationBody,
} from '../../protocol/coaching-evaluations';

/**
 * Which workflow step an evaluation may take next. Who may take it (the author, a supervisor,
 * the agent, someone other than the disputing agent) is authorization, checked by the server
 * with the actor in hand; this module only knows the states.
 */

type Transitions = Partial<Record<EvaluationState, Partial<Record<EvaluationAction, EvaluationState>>>>;

const COACH: Transitions = {
  draft: { submit: 'submitted' },
  submitted: { release: 'released', rescore: 'submitted' },
  released: { acknowledge: 'acknowledged', dispute: 'disputed', rescore: 'released' },
  // A re-score after acknowledging shows the agent a new revision to acknowledge again.
  acknowledged: { rescore: 'released' },
  disputed: { resolve: 'resolved' },
};

/** Self-assessments sit beside the coach's evaluation; calibration answers may change until the session closes. */
const BY_KIND: Readonly<Record<EvaluationKind, Transitions>> = {
  coach: COACH,
  self: { draft: { submit: 'submitted' } },
  calibration: { draft: { submit: 'submitted' }, submitted: { rescore: 'submitted' } },
};

export type TransitionResult =
  { ok: true; state: EvaluationState } | { ok: false; reason: 'not_allowed'; message: string };

/** The state after `action`, or why the action does not apply now. */
export function nextEvaluationState(
  kind: EvaluationKind,
  state: EvaluationState,
  action: EvaluationAction,
): TransitionResult {
  const next = BY_KIND[kind][state]?.[action];
  if (next) return { ok: true, state: next };
  return {
    ok: false,
    reason: 'not_allowed',
    message: `a ${kind} evaluation that is ${state} cannot ${action}`,
  };
}

/** Whether the agent may see it: released coach evaluations, from release on. */
export function isVisibleToAgent(kind: EvaluationKind, state: EvaluationState): boolean {
  return kind === 'coach' && ['released', 'acknowledged', 'disputed', 'resolved'].includes(state);
}

/** Whether it counts in an agent's quality scores: submitted coach evaluations, never calibration. */
export function countsInAgentScores(kind: EvaluationKind, state: EvaluationState): boolean {
  return kind === 'coach' && state !== 'draft';
}

export interface ResolutionProblem {
  key: string | null;
  code:
    'missing_decision' | 'not_disputed' | 'duplicate_decision' | 'rescore_required' | 'rescore_unexpected';
  message: string;
}

/** All accepted → accepted, none → rejected, else partly. */
export function resolutionOutcome(
  decisions: readonly { decision: 'accepted' | 'rejected' }[],
): ResolutionOutcome {
  const accepted = decisions.filter((d) => d.decision === 'accepted').length;
  if (accepted === decisions.length) return 'accepted';
  return accepted === 0 ? 'rejected' : 'partly';
}

/**
 * Checks a resolution against the disputed criteria: one decision for each, none for others, and
 * re-scored answers exactly when something was accepted (the answers themselves are checked with
 * `validateAnswers`).
 */
export function checkResolution(
  disputedKeys: readonly string[],
  body: Pick<ResolveEvaluationBody, 'decisions'> & { answers?: readonly Answer[] },
): ResolutionProblem[] {
  const problems: ResolutionProblem[] = [];
  const disputed = new Set(disputedKeys);
  const decided = new Set<string>();
  for (const { key } of body.decisions) {
    if (!disputed.has(key)) {
      problems.push({ key, code: 'not_disputed', message: `${key}: was not disputed` });
    } else if (decided.has(key)) {
      problems.push({ key, code: 'duplicate_decision', message: `${key}: decided twice` });
    }
    decided.add(key);
  }
  for (const key of disputed) {
    if (!decided.has(key))
      problems.push({ key, code: 'missing_decision', message: `${key}: needs a decision` });
  }
  const anyAccepted = body.decisions.some((d) => d.decision === 'accepted');
  if (anyAccepted && !body.answers) {
    problems.push({
      key: null,
      code: 'rescore_required',
      message: 'accepting a dispute needs the re-scored answers',
    });
  }
  if (!anyAccepted && body.answers) {
    problems.push({
      key: null,
      code: 'rescore_unexpected',
      message: 'rejecting every dispute changes no answer',
    });
  }
  return problems;
}
