// The `min` metadata: it still refuses numbers of impossible shape (wrong length, an area code no
// plan has), but not numbers in blocks Google's data does not list as allocated yet — a caller from
// a newly opened range must still pop — and it is half the size of `max` in the console's bundle.
// See docs/PHONE.md, "Phone numbers".
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { z } from 'zod';

/** A region (ISO 3166-1 alpha-2, e.g. `US`, `ES`) whose numbering plan reads national numbers. */
export type PhoneRegion = CountryCode;

/** Whether `value` names a region libphonenumber knows (settings are checked with this). */
export function isPhoneRegion(value: string): value is PhoneRegion {
  return isSupportedCountry(value);
}

/** A region as settings and requests give it: two letters of a known numbering plan. */
export const PhoneRegionSchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(
    z.custom<PhoneRegion>((value) => typeof value === 'string' && isPhoneRegion(value), {
      message: 'a region code with a numbering plan, like US or ES',
    }),
  );

/** E.164: a plus, a non-zero first digit, 8 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

/** A phone number read from what a caller, a phone system or a person gave. */
export interface ParsedPhone {
  /** The number in E.164 (`+14155550134`): what customers are keyed by. */
  e164: string;
  /** An extension dialled after the number (`ext. 22`, `x7`, `;ext=99`, `# 12`), kept apart; null when none. */
  extension: string | null;
  /** The region the number belongs to, when its plan says (null for a number shared by several). */
  region: PhoneRegion | null;
}

// Longer text is not a phone number, and the parser should not be asked to scan it.
const MAX_INPUT_LENGTH = 64;

/**
 * Reads a phone number as people and systems write it — national formats of `defaultRegion`,
 * international ones (`+`, the region's own international prefix, or `00` from anywhere),
 * `tel:` URIs, extensions, vanity letters (`1-800-FLOWERS`) — or returns null when it is not a
 * number a caller could have. Pure; the default region is the server's setting.
 */
export function parsePhone(raw: string, defaultRegion: PhoneRegion = 'US'): ParsedPhone | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH) return null;
  for (const candidate of readings(text)) {
    const parsed = parsePhoneNumberFromString(candidate, { defaultCountry: defaultRegion, extract: false });
    if (parsed?.isValid() && E164_PATTERN.test(parsed.number)) {
      return { e164: parsed.number, extension: parsed.ext ?? null, region: parsed.country ?? null };
    }
  }
  return null;
}

/**
 * The E.164 form of a phone number (see `parsePhone`), without its extension; null when the text is
 * not a plausible number. Screen pops key customers by the result.
 */
export function normalizePhone(raw: string, defaultRegion: PhoneRegion = 'US'): string | null {
  return parsePhone(raw, defaultRegion)?.e164 ?? null;
}

/** The ways to read the text, most literal first; the first valid reading wins. */
function readings(text: string): string[] {
  // The whole text must be the number (the parser is told not to pick one out of a sentence), so a
  // `tel:` URI's scheme goes first; its `;ext=` is an extension the parser knows.
  const number = text.replace(/^tel:/i, '');
  const result = [number];
  // "0049 30 …" is international almost everywhere, also where the region's own prefix differs
  // (011 in the US): no national number starts with 00, so this never hides a national reading.
  if (number.startsWith('00')) result.push(`+${number.slice(2)}`);
  const vanity = vanityDigits(number);
  if (vanity) result.push(vanity);
  return result;
}

// Digits first (at least three, as libphonenumber's own viability rule), then letters.
const VANITY_SHAPE = /^\+?[\d\s().-]*\d[\d\s().-]*[a-z][a-z\d\s.-]*$/i;
const MIN_VANITY_LETTERS = 3;
const MIN_LEADING_DIGITS = 3;
// The letters on a phone keypad (ITU-T E.161).
const KEYPAD: readonly [string, string][] = [
  ['abc', '2'],
  ['def', '3'],
  ['ghi', '4'],
  ['jkl', '5'],
  ['mno', '6'],
  ['pqrs', '7'],
  ['tuv', '8'],
  ['wxyz', '9'],
];

/**
 * "1-800-FLOWERS" as dialled ("1-800-3569377"), or null when the text is not in vanity form:
 * words without a number in front ("hello world") stay refused, whatever digits they would spell.
 */
function vanityDigits(text: string): string | null {
  if (!VANITY_SHAPE.test(text)) return null;
  const firstLetter = text.search(/[a-z]/i);
  const leadingDigits = text.slice(0, firstLetter).replace(/\D/g, '').length;
  const letters = text.replace(/[^a-z]/gi, '').length;
  if (leadingDigits < MIN_LEADING_DIGITS || letters < MIN_VANITY_LETTERS) return null;
  return text.replace(/[a-z]/gi, (letter) => {
    const lower = letter.toLowerCase();
    return KEYPAD.find(([keys]) => keys.includes(lower))?.[1] ?? letter;
  });
}
