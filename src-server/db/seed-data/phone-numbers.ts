import type { Random } from '../../../src-shared/domain/random';

export type SeedCountry = 'US' | 'GB' | 'ES' | 'DE' | 'FR';

// Real area codes of business cities, so numbers look like what a PBX would send.
// prettier-ignore
const US_AREA_CODES = [
  '206', '212', '213', '214', '303', '305', '312', '404', '415', '469', '503',
  '512', '602', '617', '646', '702', '713', '720', '786', '917', '919', '925',
] as const;
const DE_PREFIXES = ['30', '40', '89', '69', '221', '711', '151', '152', '160', '170', '171', '176'] as const;
const FR_PREFIXES = ['1', '2', '3', '4', '5', '6', '7'] as const;
// Blocks in use (libphonenumber knows the UK plan block by block, and screen pops refuse numbers
// outside it): London numbers start 020 3, 7 or 8; these 07xxx mobile blocks are allocated.
const LONDON_BLOCKS = ['3', '7', '8'] as const;
// prettier-ignore
const GB_MOBILE_BLOCKS = [
  '400', '415', '440', '480', '500', '525', '550', '575', '720', '740', '800', '850', '880', '900', '950', '980',
] as const;

const digits = (rng: Random, count: number): string => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(rng.int(0, 9));
  return text;
};

/** A random, valid E.164 number for the country (NANP rules for +1, Spanish mobiles 6xx, …). */
export function phoneNumberIn(country: SeedCountry, rng: Random): string {
  switch (country) {
    case 'US': {
      // Exchange: 2-9 first, and never an N11 service code.
      let exchange: string;
      do exchange = String(rng.int(200, 999));
      while (exchange.endsWith('11'));
      return `+1${rng.pick(US_AREA_CODES)}${exchange}${digits(rng, 4)}`;
    }
    case 'GB':
      // One draw per part, as before, so the rest of the demo data stays the same.
      return rng.chance(0.6)
        ? `+447${GB_MOBILE_BLOCKS[rng.int(400, 999) % GB_MOBILE_BLOCKS.length]}${digits(rng, 6)}`
        : `+4420${LONDON_BLOCKS[rng.int(3, 8) % LONDON_BLOCKS.length]}${digits(rng, 7)}`;
    case 'ES':
      return `+346${digits(rng, 8)}`;
    case 'DE': {
      const prefix = rng.pick(DE_PREFIXES);
      // Mobile numbers (15x/16x/17x) carry 8 subscriber digits; city lines 6-8 depending on the area code.
      const subscriber = prefix.startsWith('1') ? 8 : prefix.length === 2 ? 8 : 7;
      return `+49${prefix}${rng.int(1, 9)}${digits(rng, subscriber - 1)}`;
    }
    case 'FR':
      return `+33${rng.pick(FR_PREFIXES)}${digits(rng, 8)}`;
  }
}
