import type { EvaluationScores } from '../../../src-shared/protocol/coaching-evaluations';
import type { ScoreSummary } from './ScoreSummary';

/** A stored evaluation's (or revision's) scores in the shape the score summary shows. */
export function storedScore(scores: EvaluationScores): Parameters<typeof ScoreSummary>[0]['score'] {
  return {
    raw: scores.rawScore,
    final: scores.finalScore,
    max: scores.maxScore,
    criticalFailures: scores.criticalFailures,
    sections: scores.sections.map((s) => ({ key: s.key, raw: s.rawScore, final: s.finalScore })),
  };
}
