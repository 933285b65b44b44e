import { describe, expect, it } from 'vitest';
import { Answer, Criterion, ScorecardContent, SCORECARD_LIMITS } from './coaching';
import { CreateCalibrationBody } from './coaching-calibration';
import { CreateEvaluationBody, DisputeEvaluationBody, ResolveEvaluationBody } from './coaching-evaluations';
import { SamplingPlanBody } from './coaching-sampling';

/** The paths of the issues zod finds, so each test can say which field a refusal names. */
function refusedPaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('coaching schemas refuse bad input, naming the field', () => {
  it('criteria: a known kind, a key of lowercase letters, labels within limits', () => {
    expect(refusedPaths(Criterion.safeParse({ kind: 'stars', key: 'x', label: 'X', weight: 1 }))).toEqual([
      'kind',
    ]);
    expect(
      refusedPaths(Criterion.safeParse({ kind: 'yes_no', key: 'Greeting!', label: 'X', weight: 1 })),
    ).toEqual(['key']);
    const longLabel = 'x'.repeat(SCORECARD_LIMITS.label + 1);
    expect(
      refusedPaths(Criterion.safeParse({ kind: 'yes_no', key: 'x', label: longLabel, weight: 1 })),
    ).toEqual(['label']);
    expect(refusedPaths(Criterion.safeParse({ kind: 'yes_no', key: 'x', label: 'X', weight: -1 }))).toEqual([
      'weight',
    ]);
    expect(
      refusedPaths(
        Criterion.safeParse({
          kind: 'choice',
          key: 'x',
          label: 'X',
          weight: 1,
          options: [{ key: 'a', label: 'A', fraction: 1.5 }],
        }),
      ),
    ).toEqual(['options.0.fraction']);
  });

  it('forms: a bounded number of sections', () => {
    const section = { kind: 'standard', key: 's', title: 'S', weight: 1, criteria: [] };
    const tooMany = Array.from({ length: SCORECARD_LIMITS.sections + 1 }, () => section);
    expect(refusedPaths(ScorecardContent.safeParse({ name: 'F', sections: tooMany }))).toEqual(['sections']);
  });

  it('answers: a value of a known type, anchors that point somewhere real', () => {
    expect(
      Answer.safeParse({
        key: 'empathy',
        value: 4,
        comment: 'ok',
        anchor: { kind: 'message', messageId: 'm_1' },
      }).success,
    ).toBe(true);
    expect(refusedPaths(Answer.safeParse({ key: 'empathy', value: { stars: 4 } }))).toEqual(['value']);
    expect(
      refusedPaths(Answer.safeParse({ key: 'empathy', value: 4, anchor: { kind: 'call', at: 'yesterday' } })),
    ).toEqual(['anchor.at']);
    expect(
      refusedPaths(Answer.safeParse({ key: 'empathy', value: 4, anchor: { kind: 'screen', id: 'x' } })),
    ).toEqual(['anchor.kind']);
    const longComment = 'x'.repeat(SCORECARD_LIMITS.comment + 1);
    expect(refusedPaths(Answer.safeParse({ key: 'empathy', value: 4, comment: longComment }))).toEqual([
      'comment',
    ]);
  });

  it('evaluation bodies: bounded answers, calibration only through its session, one dispute per criterion', () => {
    const answers = Array.from({ length: SCORECARD_LIMITS.criteria + 1 }, (_, i) => ({
      key: `c${i}`,
      value: true,
    }));
    expect(refusedPaths(CreateEvaluationBody.safeParse({ versionId: 'v', contactId: 'c', answers }))).toEqual(
      ['answers'],
    );
    expect(
      refusedPaths(
        CreateEvaluationBody.safeParse({ versionId: 'v', contactId: 'c', answers: [], kind: 'calibration' }),
      ),
    ).toEqual(['kind']);
    const twice = {
      items: [
        { key: 'empathy', reason: 'I did' },
        { key: 'empathy', reason: 'Really' },
      ],
    };
    expect(refusedPaths(DisputeEvaluationBody.safeParse(twice))).toEqual(['items']);
    expect(
      refusedPaths(DisputeEvaluationBody.safeParse({ items: [{ key: 'empathy', reason: '   ' }] })),
    ).toEqual(['items.0.reason']);
    expect(refusedPaths(ResolveEvaluationBody.safeParse({ decisions: [] }))).toEqual(['decisions']);
  });

  it('calibration and sampling bodies', () => {
    expect(
      refusedPaths(
        CreateCalibrationBody.safeParse({ versionId: 'v', contactIds: ['c1'], coachIds: ['carl'] }),
      ),
    ).toEqual(['coachIds']);
    expect(
      refusedPaths(
        CreateCalibrationBody.safeParse({
          versionId: 'v',
          contactIds: ['c1', 'c1'],
          coachIds: ['carl', 'dana'],
        }),
      ),
    ).toEqual(['contactIds']);
    const plan = {
      name: 'Weekly',
      templateId: 't',
      perAgent: 0,
      period: 'fortnight',
      channels: ['phone', 'phone'],
      queueIds: [],
      teamIds: [],
      timeZone: 'Europe/Madrid',
      dueAfterDays: 7,
      active: true,
    };
    expect(refusedPaths(SamplingPlanBody.safeParse(plan))).toEqual(['perAgent', 'period', 'channels']);
  });
});
