import { describe, expect, it } from 'vitest';
import { E164_PATTERN, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['(415) 555-0134', undefined, '+14155550134'],
    ['415.555.0134', undefined, '+14155550134'],
    ['1 415 555 0134', undefined, '+14155550134'],
    ['tel:+1-415-555-0134', undefined, '+14155550134'],
    ['+1 (415) 555-0134 ext. 22', undefined, '+14155550134'],
    ['415-555-0134 x7', undefined, '+14155550134'],
    ['tel:+1-415-555-0134;ext=99', undefined, '+14155550134'],
    ['011 44 20 7946 0958', undefined, '+442079460958'],
    ['+34 612 34 56 78', undefined, '+34612345678'],
    ['612 345 678', 'ES', '+34612345678'],
    ['0034 912 345 678', undefined, '+34912345678'],
    ['0049 30 1234567', undefined, '+49301234567'],
    ['+49 (0)30 1234567', undefined, '+49301234567'],
    ['+49 030 1234567', undefined, '+49301234567'],
    ['030 1234567', 'DE', '+49301234567'],
    ['0151 23456789', 'DE', '+4915123456789'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 1 23 45 67 89', undefined, '+33123456789'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 7700 900123', undefined, '+447700900123'],
    ['  +81 3-1234-5678  ', undefined, '+81312345678'],
  ] as const)('%s (default %s) → %s', (raw, country, expected) => {
    expect(normalizePhone(raw, country)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'not a phone',
    '1-800-FLOWERS',
    '12345',
    '555-0134',
    '+0 123 456 789',
    '(015) 555-0134',
    '(415) 155-0134',
    '+1 415 555 01345',
    '+34 512 345 678',
    '1234567',
    '+49 30 12',
    '+1 415 555 0134 +2',
    '9'.repeat(80),
  ])('rejects %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('reads national numbers in the default country only', () => {
    expect(normalizePhone('612 345 678', 'US')).toBeNull();
    expect(normalizePhone('(415) 555-0134', 'ES')).toBeNull();
    expect(normalizePhone('30 1234567', 'DE')).toBeNull();
  });

  it('is idempotent: a normalised number normalises to itself', () => {
    for (const raw of ['(415) 555-0134', '+34 612 34 56 78', '0049 30 1234567', '06 12 34 56 78']) {
      const once = normalizePhone(raw, raw.startsWith('06') ? 'FR' : 'US');
      expect(once).toMatch(E164_PATTERN);
      expect(normalizePhone(once ?? '')).toBe(once);
    }
  });
});
