import {
  SCORECARD_LIMITS,
  type ChoiceCriterion,
  type Criterion,
  type ScaleCriterion,
  type ScorecardContent,
} from '../../protocol/coaching';

/**
 * What a version needs before it may be published (and can no longer change). A draft may be
 * incomplete; publishing refuses until this list is empty. Each problem carries the path of the
 * field and the key of its section or criterion, so an editor can point at it.
 */

export const TEMPLATE_PROBLEM_CODES = [
  'no_sections',
  'nothing_scored',
  'too_many_criteria',
  'duplicate_section_key',
  'duplicate_key',
  'weight_not_positive',
  'cap_not_positive',
  'scale_range',
  'scale_too_wide',
  'anchors_incomplete',
  'anchor_outside_scale',
  'too_few_options',
  'duplicate_option',
  'no_full_marks',
  'critical_not_scored',
  'critical_never_fails',
] as const;
export type TemplateProblemCode = (typeof TEMPLATE_PROBLEM_CODES)[number];

export interface TemplateProblem {
  /** e.g. `sections[1].criteria[3].anchors`. */
  path: string;
  /** The section's or criterion's key, when the problem belongs to one. */
  key: string | null;
  code: TemplateProblemCode;
  /** English, for API readers; the console translates `code`. */
  message: string;
}

type Found = Omit<TemplateProblem, 'path' | 'key'> & { field?: string };

function scaleProblems(criterion: ScaleCriterion): Found[] {
  if (criterion.max <= criterion.min) {
    return [
      { code: 'scale_range', message: `the scale needs min below max (${criterion.min}–${criterion.max})` },
    ];
  }
  const points = criterion.max - criterion.min + 1;
  if (points > SCORECARD_LIMITS.scalePoints) {
    return [{ code: 'scale_too_wide', message: `${points} points; at most ${SCORECARD_LIMITS.scalePoints}` }];
  }
  const found: Found[] = [];
  const anchored = new Set(criterion.anchors.map((anchor) => anchor.value));
  const outside = criterion.anchors.filter((a) => a.value < criterion.min || a.value > criterion.max);
  if (outside.length > 0) {
    const values = outside.map((a) => a.value).join(', ');
    found.push({
      code: 'anchor_outside_scale',
      field: 'anchors',
      message: `anchors outside the scale: ${values}`,
    });
  }
  const missing: number[] = [];
  for (let value = criterion.min; value <= criterion.max; value++)
    if (!anchored.has(value)) missing.push(value);
  if (missing.length > 0 || criterion.anchors.length !== anchored.size) {
    const detail = missing.length > 0 ? `no text for ${missing.join(', ')}` : 'a point has two texts';
    found.push({
      code: 'anchors_incomplete',
      field: 'anchors',
      message: `every point needs one anchor text: ${detail}`,
    });
  }
  return found;
}

function choiceProblems(criterion: ChoiceCriterion): Found[] {
  const found: Found[] = [];
  if (criterion.options.length < 2) {
    found.push({ code: 'too_few_options', field: 'options', message: 'a choice needs at least two options' });
  }
  const keys = criterion.options.map((option) => option.key);
  if (new Set(keys).size !== keys.length) {
    found.push({ code: 'duplicate_option', field: 'options', message: 'two options share a key' });
  }
  if (criterion.options.length > 0 && !criterion.options.some((option) => option.fraction === 1)) {
    // Without a full-marks option a perfect contact could never reach 100 on this section.
    found.push({
      code: 'no_full_marks',
      field: 'options',
      message: 'no option earns full marks (fraction 1)',
    });
  }
  if (criterion.critical.effect !== 'none') {
    const failsBelow = criterion.critical.failsBelow;
    if (!criterion.options.some((option) => option.fraction < failsBelow)) {
      found.push({
        code: 'critical_never_fails',
        field: 'critical',
        message: `critical, but no option scores below ${failsBelow}`,
      });
    }
  }
  return found;
}

function criterionProblems(criterion: Criterion): Found[] {
  if (criterion.kind === 'text') {
    return criterion.critical.effect === 'none'
      ? []
      : [
          {
            code: 'critical_not_scored',
            field: 'critical',
            message: 'free text is not scored, so it cannot be critical',
          },
        ];
  }
  const found: Found[] = [];
  if (!(criterion.weight > 0)) {
    found.push({
      code: 'weight_not_positive',
      field: 'weight',
      message: 'a scored criterion needs a weight above 0',
    });
  }
  if (criterion.kind === 'scale') found.push(...scaleProblems(criterion));
  if (criterion.kind === 'choice') found.push(...choiceProblems(criterion));
  return found;
}

/** Every reason this content may not be published yet; empty when it may. */
export function validateForPublish(content: Pick<ScorecardContent, 'sections'>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const push = (path: string, key: string | null, found: Found) =>
    problems.push({
      path: found.field ? `${path}.${found.field}` : path,
      key,
      code: found.code,
      message: key ? `${key}: ${found.message}` : found.message,
    });

  if (content.sections.length === 0)
    push('sections', null, { code: 'no_sections', message: 'the form has no sections' });
  const sectionKeys = new Set<string>();
  const criterionKeys = new Set<string>();
  let criteriaCount = 0;
  let hasScoredStandard = false;

  content.sections.forEach((section, s) => {
    const sectionPath = `sections[${s}]`;
    if (sectionKeys.has(section.key)) {
      push(sectionPath, section.key, {
        code: 'duplicate_section_key',
        field: 'key',
        message: 'two sections share this key',
      });
    }
    sectionKeys.add(section.key);
    const isScored = section.criteria.some((criterion) => criterion.kind !== 'text');
    if (section.kind === 'standard' && isScored) {
      hasScoredStandard = true;
      if (!(section.weight > 0)) {
        push(sectionPath, section.key, {
          code: 'weight_not_positive',
          field: 'weight',
          message: 'a scored section needs a weight above 0',
        });
      }
    }
    if (section.kind === 'bonus' && isScored && !(section.cap > 0)) {
      push(sectionPath, section.key, {
        code: 'cap_not_positive',
        field: 'cap',
        message: 'a bonus section needs a cap above 0',
      });
    }
    section.criteria.forEach((criterion, c) => {
      criteriaCount++;
      const path = `${sectionPath}.criteria[${c}]`;
      if (criterionKeys.has(criterion.key)) {
        push(path, criterion.key, {
          code: 'duplicate_key',
          field: 'key',
          message: 'another criterion has this key',
        });
      }
      criterionKeys.add(criterion.key);
      for (const found of criterionProblems(criterion)) push(path, criterion.key, found);
    });
  });

  if (content.sections.length > 0 && !hasScoredStandard) {
    push('sections', null, { code: 'nothing_scored', message: 'no standard section has a scored criterion' });
  }
  if (criteriaCount > SCORECARD_LIMITS.criteria) {
    push('sections', null, {
      code: 'too_many_criteria',
      message: `${criteriaCount} criteria; at most ${SCORECARD_LIMITS.criteria}`,
    });
  }
  return problems;
}
