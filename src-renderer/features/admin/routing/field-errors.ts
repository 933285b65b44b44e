import type { z } from 'zod';

/** A field's problem as an i18n key under `routingAdmin.errors` and its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

/** Problems by form path ("routing.businessHours.weekly.2.close"), the first per path. */
export type FieldProblems = Record<string, FieldProblem>;

/**
 * Turns a schema's issues into per-field problems the form can show next to each input. The
 * schema is the one the server parses with, so what passes here passes there.
 */
export function problemsOf(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].map(String).join('.');
    problems[path] ??= problemOf(issue);
  }
  return problems;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return { key: 'atLeastItems', values: { min: Number(issue.minimum) } };
      if (issue.origin === 'string') return { key: 'required' };
      return { key: 'atLeast', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'array') return { key: 'atMostItems', values: { max: Number(issue.maximum) } };
      if (issue.origin === 'string') return { key: 'tooLong', values: { max: Number(issue.maximum) } };
      return { key: 'atMost', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'wholeNumber' };
      return { key: issue.expected === 'number' ? 'number' : 'required' };
    case 'invalid_format':
      return { key: isClock(issue.path) ? 'time' : 'format' };
    case 'custom':
      return { key: issue.path.at(-1) === 'close' ? 'closeBeforeOpen' : 'invalid' };
    default:
      return { key: 'invalid' };
  }
}

function isClock(path: PropertyKey[]): boolean {
  const last = path.at(-1);
  return last === 'open' || last === 'close';
}

/** The server refuses a skill listed twice; the schema cannot say so, this does (on the second row). */
export function duplicateSkillProblems(skillIds: string[], listPath: string): FieldProblems {
  const problems: FieldProblems = {};
  skillIds.forEach((id, index) => {
    if (id && skillIds.indexOf(id) < index)
      problems[`${listPath}.${index}.skillId`] = { key: 'duplicateSkill' };
  });
  return problems;
}
