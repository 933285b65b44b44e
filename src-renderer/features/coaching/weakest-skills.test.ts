import { describe, expect, it } from 'vitest';
import { form, scale, standard, yesNo } from '../../../src-shared/domain/coaching/testing/coaching-fixtures';
import { weakestSkills } from './weakest-skills';

const content = form(
  standard('all', 1, [
    yesNo('greeting', { skill: 'communication' }),
    scale('empathy', { skill: 'empathy' }),
    yesNo('notes', { skill: 'process', naAllowed: true }),
    yesNo('hold', { skill: 'calls' }),
  ]),
);

describe('weakest skills for a follow-up', () => {
  it('picks the lowest-scoring skills, leaving out N/A and skills at full marks', () => {
    const answers = [
      { key: 'greeting', value: true },
      { key: 'empathy', value: 2 },
      { key: 'notes', value: null },
      { key: 'hold', value: false },
    ];
    expect(weakestSkills(content, answers, 2)).toEqual(['calls', 'empathy']);
    expect(weakestSkills(content, answers, 5)).toEqual(['calls', 'empathy']);
  });
});
