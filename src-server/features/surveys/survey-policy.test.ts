import { describe, expect, it } from 'vitest';
import { shouldSurvey } from './survey-policy';

const now = new Date('2026-12-06T10:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('whether a resolved case brings a survey', () => {
  it('asks every case by default, never twice for one case', () => {
    expect(
      shouldSurvey({ frequency: 'every_case', hasSurveyForCase: false, lastSurveyAt: daysAgo(0), now }),
    ).toBe(true);
    expect(shouldSurvey({ frequency: 'every_case', hasSurveyForCase: true, lastSurveyAt: null, now })).toBe(
      false,
    );
  });

  it('never asks a customer who said never', () => {
    expect(shouldSurvey({ frequency: 'never', hasSurveyForCase: false, lastSurveyAt: null, now })).toBe(
      false,
    );
  });

  it('asks a monthly customer at most once in 30 days', () => {
    const monthly = (lastSurveyAt: Date | null) =>
      shouldSurvey({ frequency: 'monthly', hasSurveyForCase: false, lastSurveyAt, now });
    expect(monthly(null)).toBe(true);
    expect(monthly(daysAgo(29))).toBe(false);
    expect(monthly(daysAgo(30))).toBe(true);
  });
});
