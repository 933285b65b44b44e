import { describe, expect, it } from 'vitest';
import { humanDuration } from './human-duration';

describe('seconds as people say them', () => {
  it('reads hours, minutes and seconds', () => {
    expect(humanDuration(14_400, 'en')).toBe('4 hr');
    expect(humanDuration(5_400, 'en')).toBe('1 hr 30 min');
    expect(humanDuration(125, 'en')).toBe('2 min 5 sec');
    expect(humanDuration(2 * 86_400, 'en')).toBe('2 days');
  });

  it('says nothing under a minute or for an empty input', () => {
    expect(humanDuration(45, 'en')).toBe('');
    expect(humanDuration('', 'en')).toBe('');
  });

  it('speaks the console’s language', () => {
    expect(humanDuration(5_400, 'es')).toBe('1 h 30 min');
  });
});
