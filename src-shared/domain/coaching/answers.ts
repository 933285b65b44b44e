import type { Channel } from '../../protocol/channels';
import type { Answer, Criterion, ScorecardContent } from '../../protocol/coaching';
import { appliesToChannel, criterionFraction } from './scoring';

/**
 * Checks answers against the version they pin. Every error names the criterion key, so the
 * server can refuse the whole save with a reason per criterion and the console can put each
 * message beside its criterion. Whether an anchor's message, note or call event belongs to the
 * contact is for the server to check: it needs the contact's rows.
 */

export const ANSWER_ERROR_CODES = [
  'unknown_key',
  'duplicate',
  'wrong_type',
  'out_of_range',
  'not_an_option',
  'na_not_allowed',
  'comment_required',
  'text_too_long',
  'not_for_channel',
  'unanswered',
] as const;
export type AnswerErrorCode = (typeof ANSWER_ERROR_CODES)[number];

export interface AnswerError {
  key: string;
  code: AnswerErrorCode;
  /** English, for API readers and logs; the console translates `code`. */
  message: string;
}

export interface AnswerCheckOptions {
  /** The contact's channel: answers to criteria for other channels must be N/A. */
  channel?: Channel;
  /** For a submit: every scored criterion that applies must be answered (N/A where allowed). */
  complete?: boolean;
}

const EXPECTED_TYPE: Readonly<Record<Criterion['kind'], string>> = {
  yes_no: 'true or false',
  scale: 'a whole number',
  choice: 'an option key',
  text: 'text',
};

function hasComment(answer: Answer): boolean {
  return (answer.comment ?? '').trim().length > 0;
}

/** What is wrong with the value itself, or null when it fits the criterion. */
function valueProblem(criterion: Criterion, answer: Answer): Omit<AnswerError, 'key'> | null {
  const { value } = answer;
  if (value === null) return null;
  const wrongType = { code: 'wrong_type' as const, message: `expects ${EXPECTED_TYPE[criterion.kind]}` };
  switch (criterion.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? null : wrongType;
    case 'scale':
      if (typeof value !== 'number') return wrongType;
      return Number.isInteger(value) && value >= criterion.min && value <= criterion.max
        ? null
        : {
            code: 'out_of_range',
            message: `${value} is not a whole number from ${criterion.min} to ${criterion.max}`,
          };
    case 'choice':
      if (typeof value !== 'string') return wrongType;
      return criterion.options.some((option) => option.key === value)
        ? null
        : {
            code: 'not_an_option',
            message: `"${value}" is not one of ${criterion.options.map((o) => o.key).join(', ')}`,
          };
    case 'text':
      if (typeof value !== 'string') return wrongType;
      return value.length <= criterion.maxLength
        ? null
        : { code: 'text_too_long', message: `${value.length} characters, at most ${criterion.maxLength}` };
  }
}

function commentProblem(criterion: Criterion, answer: Answer): Omit<AnswerError, 'key'> | null {
  if (hasComment(answer)) return null;
  const rule = criterion.comment;
  if (rule.when === 'always') return { code: 'comment_required', message: 'needs a comment' };
  if (rule.when === 'low_score') {
    const fraction = criterionFraction(criterion, answer.value);
    if (fraction !== null && fraction < rule.belowFraction) {
      return { code: 'comment_required', message: 'a score this low needs a comment' };
    }
  }
  return null;
}

function problemsOf(
  criterion: Criterion,
  answer: Answer,
  channel: Channel | undefined,
): Omit<AnswerError, 'key'>[] {
  if (!appliesToChannel(criterion, channel)) {
    return answer.value === null
      ? []
      : [{ code: 'not_for_channel', message: `does not apply to ${channel} contacts: answer N/A` }];
  }
  if (answer.value === null && !criterion.naAllowed && criterion.kind !== 'text') {
    return [{ code: 'na_not_allowed', message: 'may not be answered N/A' }];
  }
  const valueIssue = valueProblem(criterion, answer);
  if (valueIssue) return [valueIssue];
  const commentIssue = commentProblem(criterion, answer);
  return commentIssue ? [commentIssue] : [];
}

/** Every problem with `answers` for this version; an empty list means they may be saved. */
export function validateAnswers(
  content: Pick<ScorecardContent, 'sections'>,
  answers: readonly Answer[],
  options: AnswerCheckOptions = {},
): AnswerError[] {
  const criteria = new Map<string, Criterion>();
  for (const section of content.sections) {
    for (const criterion of section.criteria) criteria.set(criterion.key, criterion);
  }
  const errors: AnswerError[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    const criterion = criteria.get(answer.key);
    if (!criterion) {
      errors.push({
        key: answer.key,
        code: 'unknown_key',
        message: `${answer.key}: not a criterion of this version`,
      });
      continue;
    }
    if (seen.has(answer.key)) {
      errors.push({ key: answer.key, code: 'duplicate', message: `${answer.key}: answered more than once` });
      continue;
    }
    seen.add(answer.key);
    for (const problem of problemsOf(criterion, answer, options.channel)) {
      errors.push({ key: answer.key, code: problem.code, message: `${answer.key}: ${problem.message}` });
    }
  }
  if (options.complete) {
    for (const criterion of criteria.values()) {
      const mustAnswer = criterion.kind !== 'text' && appliesToChannel(criterion, options.channel);
      if (mustAnswer && !seen.has(criterion.key)) {
        errors.push({ key: criterion.key, code: 'unanswered', message: `${criterion.key}: not answered` });
      }
    }
  }
  return errors;
}
