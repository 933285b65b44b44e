import type { Answer, ScorecardContent } from '../../../src-shared/protocol/coaching';
import { criterionFraction } from '../../../src-shared/domain/coaching/scoring';

/** The `count` skills whose criteria scored lowest on average in these answers (N/A left out). */
export function weakestSkills(
  content: ScorecardContent,
  answers: readonly Answer[],
  count: number,
): string[] {
  const sums = new Map<string, { total: number; n: number }>();
  for (const criterion of content.sections.flatMap((s) => s.criteria)) {
    const answer = answers.find((a) => a.key === criterion.key);
    const fraction = criterion.skill && answer ? criterionFraction(criterion, answer.value) : null;
    if (fraction === null || !criterion.skill) continue;
    const sum = sums.get(criterion.skill) ?? { total: 0, n: 0 };
    sums.set(criterion.skill, { total: sum.total + fraction, n: sum.n + 1 });
  }
  return [...sums.entries()]
    .map(([skill, { total, n }]) => ({ skill, mean: total / n }))
    .filter((s) => s.mean < 1)
    .sort((a, b) => a.mean - b.mean || a.skill.localeCompare(b.skill))
    .slice(0, count)
    .map((s) => s.skill);
}
