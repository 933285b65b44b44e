import { describe, expect, it } from 'vitest';
import { E164_PATTERN, PhoneRegionSchema, isPhoneRegion, normalizePhone, parsePhone } from './phone';

describe('normalizePhone', () => {
  // The regression set of the hand-written five-country normaliser this module replaced.
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
    ['+44 7911 123456', undefined, '+447911123456'],
    ['  +81 3-1234-5678  ', undefined, '+81312345678'],
  ] as const)('%s (default %s) → %s', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toBe(expected);
  });

  // Countries the old normaliser could not read, in international and in their national formats.
  it.each([
    ['+55 11 91234-5678', 'US', '+5511912345678'],
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['+91 98765 43210', 'US', '+919876543210'],
    ['098765 43210', 'IN', '+919876543210'],
    ['(02) 9374 4000', 'AU', '+61293744000'],
    ['+86 138 0013 8000', 'US', '+8613800138000'],
    ['8 (912) 345-67-89', 'RU', '+79123456789'],
    ['06 6982 1234', 'IT', '+390669821234'],
    ['+52 55 1234 5678', 'US', '+525512345678'],
    ['021 123 4567', 'ZA', '+27211234567'],
    ['050 123 4567', 'AE', '+971501234567'],
    ['02-312-3456', 'KR', '+8223123456'],
    ['0802 123 4567', 'NG', '+2348021234567'],
    ['(01) 234 5678', 'IE', '+35312345678'],
    ['0034 912 345 678', 'ES', '+34912345678'],
    ['00 34 912 345 678', 'GB', '+34912345678'],
  ] as const)('%s (default %s) → %s', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toBe(expected);
  });

  it.each([
    ['1-800-FLOWERS', 'US', '+18003569377'],
    ['+1 800 flowers', 'US', '+18003569377'],
    ['0800 FLOWERS', 'GB', '+448003569377'],
  ] as const)('reads the vanity number %s as dialled', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'not a phone',
    'hello world',
    'call me maybe',
    '12345',
    '555-0134',
    '+0 123 456 789',
    '(015) 555-0134',
    '(415) 155-0134',
    '+1 415 555 01345',
    '1234567',
    '+49 30 12',
    '+1 415 555 0134 +2',
    '+999 1234 5678',
    '+',
    '++1 415 555 0134',
    '1-800-FLOWERSSSS',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '📞 415 555 0134 📞 and more text than any number has in it',
    '9'.repeat(80),
  ])('refuses %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('follows the numbering plans where the old normaliser guessed (docs/PHONE.md)', () => {
    // Spain's 51x numbers are in the plan; German numbers may omit the trunk 0 like libphonenumber reads them.
    expect(normalizePhone('+34 512 345 678')).toBe('+34512345678');
    expect(normalizePhone('30 1234567', 'DE')).toBe('+49301234567');
  });

  it('refuses the numbers Ofcom keeps for fiction (07700 900xxx), which no caller has', () => {
    expect(normalizePhone('+44 7700 900123')).toBeNull();
  });

  it('reads national numbers in the default region only', () => {
    expect(normalizePhone('612 345 678', 'US')).toBeNull();
    expect(normalizePhone('(415) 555-0134', 'ES')).toBeNull();
    expect(normalizePhone('06 12 34 56 78', 'US')).toBeNull();
    expect(normalizePhone('(11) 91234-5678', 'US')).toBeNull();
  });

  it('reads the same national digits as different numbers in different regions', () => {
    expect(normalizePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(normalizePhone('06 12 34 56 78', 'NL')).toBe('+31612345678');
  });

  it('is idempotent: a normalised number normalises to itself, whatever the default region', () => {
    const samples: [string, Parameters<typeof normalizePhone>[1]][] = [
      ['(415) 555-0134', 'US'],
      ['+34 612 34 56 78', 'US'],
      ['0049 30 1234567', 'US'],
      ['06 12 34 56 78', 'FR'],
      ['098765 43210', 'IN'],
      ['1-800-FLOWERS', 'US'],
    ];
    for (const [raw, region] of samples) {
      const once = normalizePhone(raw, region);
      expect(once).toMatch(E164_PATTERN);
      for (const other of ['US', 'ES', 'JP'] as const) expect(normalizePhone(once ?? '', other)).toBe(once);
    }
  });
});

describe('parsePhone', () => {
  it.each([
    ['+1 (415) 555-0134 ext. 22', '22'],
    ['415-555-0134 x7', '7'],
    ['tel:+1-415-555-0134;ext=99', '99'],
    ['415-555-0134 # 12', '12'],
    ['(415) 555-0134 extension 4021', '4021'],
  ])('keeps the extension of %s apart from the number', (raw, extension) => {
    expect(parsePhone(raw, 'US')).toEqual({ e164: '+14155550134', extension, region: 'US' });
  });

  it('says there is no extension when none was dialled, and which region the number is in', () => {
    expect(parsePhone('030 1234567', 'DE')).toEqual({ e164: '+49301234567', extension: null, region: 'DE' });
    expect(parsePhone('+34 612 34 56 78', 'US')).toEqual({
      e164: '+34612345678',
      extension: null,
      region: 'ES',
    });
  });

  it('returns null for junk', () => {
    expect(parsePhone('not a phone', 'US')).toBeNull();
  });
});

describe('phone regions', () => {
  it('knows the regions with a numbering plan, and only those', () => {
    expect(isPhoneRegion('US')).toBe(true);
    expect(isPhoneRegion('ES')).toBe(true);
    expect(isPhoneRegion('XX')).toBe(false);
    expect(isPhoneRegion('us')).toBe(false);
  });

  it('parses a region setting, tolerating case and spaces, and names what is wrong', () => {
    expect(PhoneRegionSchema.parse(' es ')).toBe('ES');
    const bad = PhoneRegionSchema.safeParse('Spain');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/region code/);
    expect(PhoneRegionSchema.safeParse(34).success).toBe(false);
  });
});
