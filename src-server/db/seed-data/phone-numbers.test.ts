import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src-shared/domain/random';
import { E164_PATTERN, normalizePhone } from '../../../src-shared/domain/phone';
import { phoneNumberIn, type SeedCountry } from './phone-numbers';

const COUNTRIES: SeedCountry[] = ['US', 'GB', 'ES', 'DE', 'FR'];
const CALLING_CODE: Record<SeedCountry, string> = { US: '+1', GB: '+44', ES: '+34', DE: '+49', FR: '+33' };

describe('phoneNumberIn', () => {
  it.each(COUNTRIES)('makes valid E.164 numbers of %s that screen pops will find as typed', (country) => {
    const rng = createRandom(country.charCodeAt(0));
    for (let i = 0; i < 2_000; i++) {
      const phone = phoneNumberIn(country, rng);
      expect(phone).toMatch(E164_PATTERN);
      expect(phone.startsWith(CALLING_CODE[country])).toBe(true);
      expect(normalizePhone(phone)).toBe(phone);
      // A national rendering, as a person in that country would type it, finds the same number.
      const national =
        country === 'US' ? phone.slice(2) : country === 'ES' ? phone.slice(3) : `0${phone.slice(3)}`;
      expect(normalizePhone(national, country)).toBe(phone);
    }
  });

  it('gives Spanish numbers as 6xx mobiles and US numbers without N11 exchanges', () => {
    const rng = createRandom(1);
    for (let i = 0; i < 1_000; i++) {
      expect(phoneNumberIn('ES', rng)).toMatch(/^\+346\d{8}$/);
      expect(phoneNumberIn('US', rng)).toMatch(/^\+1[2-9]\d{2}[2-9](?!11)\d{2}\d{4}$/);
    }
  });
});
