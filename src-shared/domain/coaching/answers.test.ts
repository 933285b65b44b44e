import { describe, expect, it } from 'vitest';
import type { Answer } from '../../protocol/coaching';
import { validateAnswers } from './answers';
import { choice, form, scale, standard, text, yesNo } from './testing/coaching-fixtures';

const content = form(
  standard('main', 1, [
    yesNo('greeting', { comment: { when: 'low_score', belowFraction: 0.5 } }),
    scale('empathy', { min: 1, max: 5 }),
    choice('process'),
    yesNo('hold', { naAllowed: true, channels: ['phone'] }),
    yesNo('spelling', { channels: ['email', 'chat'] }),
    yesNo('identity', { comment: { when: 'always' } }),
    text('summary', { maxLength: 20 }),
  ]),
);

const valid: Answer[] = [
  { key: 'greeting', value: true },
  { key: 'empathy', value: 4 },
  { key: 'process', value: 'full' },
  { key: 'hold', value: null },
  { key: 'spelling', value: null },
  { key: 'identity', value: true, comment: 'Asked for the PIN' },
];

const codes = (answers: Answer[], options: Parameters<typeof validateAnswers>[2] = { channel: 'phone' }) =>
  validateAnswers(content, answers, options).map((e) => [e.key, e.code]);

const replace = (key: string, answer: Partial<Answer>) =>
  valid.map((a) => (a.key === key ? { ...a, ...answer } : a));

describe('validateAnswers', () => {
  it('accepts answers that fit, complete for the contact channel', () => {
    expect(validateAnswers(content, valid, { channel: 'phone', complete: true })).toEqual([]);
  });

  it('names the criterion of a scale value out of range or not whole', () => {
    expect(codes(replace('empathy', { value: 6 }))).toEqual([['empathy', 'out_of_range']]);
    expect(codes(replace('empathy', { value: 0 }))).toEqual([['empathy', 'out_of_range']]);
    expect(codes(replace('empathy', { value: 3.5 }))).toEqual([['empathy', 'out_of_range']]);
    expect(validateAnswers(content, replace('empathy', { value: 6 }), { channel: 'phone' })[0]?.message).toBe(
      'empathy: 6 is not a whole number from 1 to 5',
    );
  });

  it('refuses an option the choice does not have, and a value of the wrong type', () => {
    expect(codes(replace('process', { value: 'perfect' }))).toEqual([['process', 'not_an_option']]);
    expect(codes(replace('greeting', { value: 1 }))).toEqual([['greeting', 'wrong_type']]);
    expect(codes(replace('empathy', { value: 'four' }))).toEqual([['empathy', 'wrong_type']]);
  });

  it('refuses a key not in the version and a criterion answered twice', () => {
    expect(codes([...valid, { key: 'upsell', value: true }])).toEqual([['upsell', 'unknown_key']]);
    expect(codes([...valid, { key: 'empathy', value: 2 }])).toEqual([['empathy', 'duplicate']]);
  });

  it('refuses N/A where it is not allowed, and allows it where it is', () => {
    expect(codes(replace('empathy', { value: null }))).toEqual([['empathy', 'na_not_allowed']]);
    expect(codes(replace('hold', { value: null }), { channel: 'phone' })).toEqual([]);
  });

  it('asks for a comment when always required (N/A too) or when the score is low', () => {
    expect(codes(replace('identity', { comment: '  ' }))).toEqual([['identity', 'comment_required']]);
    expect(codes(replace('greeting', { value: false }))).toEqual([['greeting', 'comment_required']]);
    expect(codes(replace('greeting', { value: false, comment: 'No greeting at all' }))).toEqual([]);
  });

  it('refuses free text longer than the criterion allows', () => {
    expect(codes([...valid, { key: 'summary', value: 'x'.repeat(21) }])).toEqual([
      ['summary', 'text_too_long'],
    ]);
    expect(codes([...valid, { key: 'summary', value: 'x'.repeat(20) }])).toEqual([]);
  });

  it('wants N/A for a criterion of another channel, and lets it go unanswered', () => {
    expect(codes(replace('spelling', { value: true }), { channel: 'phone' })).toEqual([
      ['spelling', 'not_for_channel'],
    ]);
    const withoutSpelling = valid.filter((a) => a.key !== 'spelling');
    expect(codes(withoutSpelling, { channel: 'phone', complete: true })).toEqual([]);
  });

  it('on submit, names every applicable scored criterion left unanswered (free text is optional)', () => {
    const partial = valid.filter((a) => a.key !== 'empathy' && a.key !== 'hold');
    expect(codes(partial, { channel: 'phone', complete: true })).toEqual([
      ['empathy', 'unanswered'],
      ['hold', 'unanswered'],
    ]);
    expect(codes(partial)).toEqual([]);
  });
});
