import type { Answer, AnswerAnchor, AnswerValue } from '../../../src-shared/protocol/coaching';

/**
 * Edits of a draft's answers as the coach types. A draft answer may have a comment before it has
 * a value; `value: null` is N/A, a missing value is "not answered yet". Each edit returns a new
 * list with one answer per key; an answer with nothing left in it leaves the list.
 */
export type DraftAnswer = Omit<Answer, 'value'> & { value?: AnswerValue };

export function answerFor(answers: readonly DraftAnswer[], key: string): DraftAnswer | undefined {
  return answers.find((answer) => answer.key === key);
}

function isEmpty(answer: DraftAnswer): boolean {
  return answer.value === undefined && !answer.comment && !answer.anchor;
}

function edit(
  answers: readonly DraftAnswer[],
  key: string,
  change: (answer: DraftAnswer) => DraftAnswer,
): DraftAnswer[] {
  const current = answerFor(answers, key);
  const next = change(current ?? { key });
  const rest = answers.filter((answer) => answer.key !== key);
  if (isEmpty(next)) return rest;
  return current ? answers.map((answer) => (answer.key === key ? next : answer)) : [...answers, next];
}

/** Sets the value (null = N/A). */
export function setAnswerValue(
  answers: readonly DraftAnswer[],
  key: string,
  value: AnswerValue,
): DraftAnswer[] {
  return edit(answers, key, (answer) => ({ ...answer, value }));
}

export function setAnswerComment(
  answers: readonly DraftAnswer[],
  key: string,
  comment: string,
): DraftAnswer[] {
  return edit(answers, key, ({ comment: _old, ...answer }) =>
    comment === '' ? answer : { ...answer, comment },
  );
}

export function setAnswerAnchor(
  answers: readonly DraftAnswer[],
  key: string,
  anchor: AnswerAnchor | null,
): DraftAnswer[] {
  return edit(answers, key, ({ anchor: _old, ...answer }) =>
    anchor === null ? answer : { ...answer, anchor },
  );
}

/** The answers as scoring and the server take them: those with a value (N/A included). */
export function answersWithValue(answers: readonly DraftAnswer[]): Answer[] {
  return answers.flatMap(({ value, ...answer }) => (value === undefined ? [] : [{ ...answer, value }]));
}
