import type { Correlation } from '../../protocol/coaching-analytics';

/**
 * Pearson's r between QA scores and CSAT (or any two paired measures). Below `minPairs` pairs, or
 * when one side never varies, there is no r: the answer says why instead of showing a number
 * that only looks meaningful.
 */
export function pearson(pairs: readonly { x: number; y: number }[], minPairs: number): Correlation {
  const n = pairs.length;
  if (n < Math.max(2, minPairs)) return { defined: false, r: null, n, reason: 'too_few_pairs' };
  const meanX = pairs.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = pairs.reduce((sum, p) => sum + p.y, 0) / n;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (const { x, y } of pairs) {
    covariance += (x - meanX) * (y - meanY);
    varianceX += (x - meanX) ** 2;
    varianceY += (y - meanY) ** 2;
  }
  if (!(varianceX > 0) || !(varianceY > 0)) return { defined: false, r: null, n, reason: 'no_variation' };
  // Clamp: rounding can put a perfect correlation a hair past ±1.
  const r = Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceX * varianceY)));
  return { defined: true, r, n };
}
