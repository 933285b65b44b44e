import { describe, expect, it } from 'vitest';
import {
  EVALUATION_STATES,
  type EvaluationAction,
  type EvaluationState,
} from '../../protocol/coaching-evaluations';
import {
  checkResolution,
  countsInAgentScores,
  isVisibleToAgent,
  nextEvaluationState,
  resolutionOutcome,
} from './workflow';

const walk = (kind: 'coach' | 'self' | 'calibration', ...actions: EvaluationAction[]) => {
  let state: EvaluationState = 'draft';
  for (const action of actions) {
    const next = nextEvaluationState(kind, state, action);
    if (!next.ok) return next.message;
    state = next.state;
  }
  return state;
};

describe('evaluation workflow', () => {
  it('takes a coach evaluation from draft to acknowledged, or through a dispute to resolved', () => {
    expect(walk('coach', 'submit', 'release', 'acknowledge')).toBe('acknowledged');
    expect(walk('coach', 'submit', 'release', 'dispute', 'resolve')).toBe('resolved');
  });

  it('keeps a re-score in its state, except after acknowledging, which asks the agent again', () => {
    expect(walk('coach', 'submit', 'rescore')).toBe('submitted');
    expect(walk('coach', 'submit', 'release', 'rescore')).toBe('released');
    expect(walk('coach', 'submit', 'release', 'acknowledge', 'rescore')).toBe('released');
  });

  it('refuses steps out of order, saying what and why', () => {
    expect(walk('coach', 'release')).toBe('a coach evaluation that is draft cannot release');
    expect(walk('coach', 'submit', 'release', 'acknowledge', 'dispute')).toBe(
      'a coach evaluation that is acknowledged cannot dispute',
    );
    expect(walk('coach', 'submit', 'release', 'dispute', 'resolve', 'dispute')).toMatch(
      /resolved cannot dispute/,
    );
    expect(walk('coach', 'submit', 'release', 'dispute', 'rescore')).toMatch(/disputed cannot rescore/);
  });

  it('never releases a self-assessment or a calibration evaluation', () => {
    expect(walk('self', 'submit', 'release')).toMatch(/cannot release/);
    expect(walk('calibration', 'submit', 'rescore', 'release')).toMatch(/cannot release/);
    expect(walk('self', 'submit', 'rescore')).toMatch(/cannot rescore/);
  });

  it('shows agents only released coach evaluations, and counts only submitted coach evaluations', () => {
    const visible = EVALUATION_STATES.filter((state) => isVisibleToAgent('coach', state));
    expect(visible).toEqual(['released', 'acknowledged', 'disputed', 'resolved']);
    expect(EVALUATION_STATES.some((state) => isVisibleToAgent('calibration', state))).toBe(false);
    expect(EVALUATION_STATES.filter((state) => countsInAgentScores('coach', state))).toEqual(
      EVALUATION_STATES.filter((state) => state !== 'draft'),
    );
    expect(EVALUATION_STATES.some((state) => countsInAgentScores('calibration', state))).toBe(false);
    expect(EVALUATION_STATES.some((state) => countsInAgentScores('self', state))).toBe(false);
  });
});

describe('resolving a dispute', () => {
  it('is accepted, partly or rejected by the decisions', () => {
    expect(resolutionOutcome([{ decision: 'accepted' }, { decision: 'accepted' }])).toBe('accepted');
    expect(resolutionOutcome([{ decision: 'accepted' }, { decision: 'rejected' }])).toBe('partly');
    expect(resolutionOutcome([{ decision: 'rejected' }])).toBe('rejected');
  });

  it('needs one decision per disputed criterion and a re-score exactly when one is accepted', () => {
    const answers = [{ key: 'empathy', value: 4 }];
    expect(
      checkResolution(['empathy'], { decisions: [{ key: 'empathy', decision: 'accepted' }], answers }),
    ).toEqual([]);
    expect(
      checkResolution(['empathy', 'close'], { decisions: [{ key: 'empathy', decision: 'rejected' }] }),
    ).toEqual([{ key: 'close', code: 'missing_decision', message: 'close: needs a decision' }]);
    const codes = (problems: ReturnType<typeof checkResolution>) => problems.map((p) => [p.key, p.code]);
    expect(
      codes(
        checkResolution(['empathy'], {
          decisions: [
            { key: 'empathy', decision: 'accepted' },
            { key: 'empathy', decision: 'accepted' },
            { key: 'greeting', decision: 'rejected' },
          ],
        }),
      ),
    ).toEqual([
      ['empathy', 'duplicate_decision'],
      ['greeting', 'not_disputed'],
      [null, 'rescore_required'],
    ]);
    expect(
      codes(checkResolution(['empathy'], { decisions: [{ key: 'empathy', decision: 'rejected' }], answers })),
    ).toEqual([[null, 'rescore_unexpected']]);
  });
});
