/** Countries whose national number formats `normalizePhone` understands. */
export const PHONE_COUNTRIES = ['US', 'ES', 'DE', 'FR', 'GB'] as const;
export type PhoneCountry = (typeof PHONE_COUNTRIES)[number];

/** E.164: a plus, a non-zero first digit, 8 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

const CALLING_CODES: Record<PhoneCountry, string> = {
  US: '1',
  ES: '34',
  DE: '49',
  FR: '33',
  GB: '44',
};

// Separators people and systems put into numbers: spaces, dots, dashes (incl. typographic), slashes, brackets.
const SEPARATORS = /[\s.\-\u2010-\u2015/()]/g;
// RFC 3966 parameters (";ext=12", ";phone-context=…") and spoken extensions ("x 12", "ext. 12").
const EXTENSION = /(?:;.*|\s*(?:ext\.?|extension|x|#)\s*\d{1,6})$/;

/**
 * Normalises a phone number as callers, CTI systems and people type it to E.164
 * (`+14155550134`), or returns null when it is not a plausible number. National numbers
 * (no `+`/`00` prefix) are read in `defaultCountry`. Pure; screen pops key customers by the result.
 *
 * Accepts e.g. "(415) 555-0134", "+34 612 34 56 78", "0049 30 1234567", "+49 (0)30 1234567",
 * "tel:+1-415-555-0134", "011 44 20 7946 0958" (US international prefix).
 */
export function normalizePhone(raw: string, defaultCountry: PhoneCountry = 'US'): string | null {
  let text = raw.trim().toLowerCase();
  if (text.length === 0 || text.length > 64) return null;
  text = text.replace(/^tel:/, '').replace(EXTENSION, '').trim();
  const isInternational = text.startsWith('+') || text.startsWith('00');
  // "+49 (0)30 …": the bracketed trunk zero is shown but never dialled from abroad.
  if (isInternational) text = text.replace(/\(0\)/g, '');
  const compact = text.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return null;

  const digits = compact.replace('+', '');
  let international: string | null;
  if (compact.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (defaultCountry === 'US' && digits.startsWith('011')) international = digits.slice(3);
  else international = nationalToInternational(digits, defaultCountry);
  if (international === null) return null;

  const corrected = dropMisplacedTrunkZero(international);
  return isPlausibleInternational(corrected) ? `+${corrected}` : null;
}

function nationalToInternational(digits: string, country: PhoneCountry): string | null {
  const code = CALLING_CODES[country];
  switch (country) {
    case 'US':
      if (digits.length === 10) return code + digits;
      if (digits.length === 11 && digits.startsWith('1')) return digits;
      return null;
    case 'ES':
      // Spain has no trunk prefix: national numbers are the 9 subscriber digits.
      return digits.length === 9 ? code + digits : null;
    case 'DE':
    case 'FR':
    case 'GB':
      // A number without the trunk 0 lacks its area code and cannot be placed.
      return digits.startsWith('0') && !digits.startsWith('00') ? code + digits.slice(1) : null;
  }
}

/** "+44 020 …" is a common mistake: these countries never dial their trunk 0 after the country code. */
function dropMisplacedTrunkZero(digits: string): string {
  for (const code of ['33', '44', '49']) {
    if (digits.startsWith(`${code}0`)) return code + digits.slice(code.length + 1);
  }
  return digits;
}

function isPlausibleInternational(digits: string): boolean {
  if (!E164_PATTERN.test(`+${digits}`)) return false;
  if (digits.startsWith('1')) {
    // NANP: area code and exchange both start with 2-9.
    return /^1[2-9]\d{2}[2-9]\d{6}$/.test(digits);
  }
  if (digits.startsWith('34')) return /^34[6-9]\d{8}$/.test(digits);
  if (digits.startsWith('33')) return /^33[1-9]\d{8}$/.test(digits);
  if (digits.startsWith('44')) return /^44[1-9]\d{8,9}$/.test(digits);
  if (digits.startsWith('49')) return /^49[1-9]\d{5,12}$/.test(digits);
  return true;
}
