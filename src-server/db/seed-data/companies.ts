import type { CustomerTier } from '../../../src-shared/protocol/entities';
import type { Random } from '../../../src-shared/domain/random';
import type * as schema from '../schema';
import { COMPANY_WORDS, PERSON_NAMES } from './names';
import type { Language } from './organisation';
import { phoneNumberIn, type SeedCountry } from './phone-numbers';

export type CompanyRow = typeof schema.companies.$inferInsert & { tier: CustomerTier; language: Language };
export type CustomerRow = typeof schema.customers.$inferInsert & { language: Language };

const DAY_MS = 86_400_000;
const TIER_WEIGHTS: [CustomerTier, number][] = [
  ['platinum', 5],
  ['gold', 20],
  ['silver', 35],
  ['bronze', 40],
];
// Bigger accounts have more people who call support.
const PEOPLE_WEIGHT_BY_TIER: Record<CustomerTier, number> = { platinum: 6, gold: 3.5, silver: 2, bronze: 1 };
const LANGUAGE_WEIGHTS: [Language, number][] = [
  ['en', 60],
  ['es', 20],
  ['de', 12],
  ['fr', 8],
];

/** Strips accents and everything but letters and digits: "Müller Bâtiment" → "mullerbatiment". */
export function asciiSlug(text: string, separator = ''): string {
  const words = text
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.join(separator);
}

function countryFor(language: Language, rng: Random): SeedCountry {
  if (language === 'es') return 'ES';
  if (language === 'de') return 'DE';
  if (language === 'fr') return 'FR';
  return rng.chance(0.2) ? 'GB' : 'US';
}

function topLevelDomain(country: SeedCountry, rng: Random): string {
  switch (country) {
    case 'US':
      return rng.weighted([
        ['.com', 70],
        ['.io', 18],
        ['.co', 12],
      ]);
    case 'GB':
      return rng.chance(0.7) ? '.co.uk' : '.com';
    case 'ES':
      return rng.chance(0.75) ? '.es' : '.com';
    case 'DE':
      return rng.chance(0.85) ? '.de' : '.com';
    case 'FR':
      return rng.chance(0.8) ? '.fr' : '.com';
  }
}

function companyName(language: Language, rng: Random): { name: string; brand: string } {
  const words = COMPANY_WORDS[language];
  const stem = rng.pick(words.stems);
  const industry = rng.pick(words.industries);
  const form = rng.pick(words.forms);
  if (language === 'es' || language === 'fr') {
    // "Construcciones Iberia S.L.", "Grupo Solano", "Conseil Lumière SAS"
    if (form === 'Grupo') return { name: `Grupo ${stem}`, brand: `grupo ${stem}` };
    return { name: [industry, stem, form].filter(Boolean).join(' '), brand: `${stem} ${industry}` };
  }
  return { name: [stem, industry, form].filter(Boolean).join(' '), brand: `${stem} ${industry}` };
}

function contractExpiry(now: Date, rng: Random): Date {
  const days = rng.weighted<[number, number]>([
    [[-400, -1], 15], // lapsed: these callers belong with Inside Sales
    [[1, 30], 10], // renewal due this month
    [[31, 730], 75],
  ]);
  return new Date(now.getTime() + rng.int(days[0], days[1]) * DAY_MS + rng.int(0, 86_399) * 1000);
}

export interface CompaniesAndPeople {
  companies: CompanyRow[];
  customers: CustomerRow[];
}

/** About `companyCount` companies and `peopleCount` people working there, all unique by name, domain, email and phone. */
export function generateCompanies(
  rng: Random,
  now: Date,
  companyCount = 200,
  peopleCount = 600,
): CompaniesAndPeople {
  const companies: CompanyRow[] = [];
  const countries: SeedCountry[] = [];
  const names = new Set<string>();
  const domains = new Set<string>();
  while (companies.length < companyCount) {
    const language = rng.weighted(LANGUAGE_WEIGHTS);
    const { name, brand } = companyName(language, rng);
    const country = countryFor(language, rng);
    const domain = asciiSlug(brand) + topLevelDomain(country, rng);
    if (names.has(name) || domains.has(domain)) continue;
    names.add(name);
    domains.add(domain);
    companies.push({
      id: rng.id('cmp'),
      name,
      domain,
      tier: rng.weighted(TIER_WEIGHTS),
      contractExpiresAt: contractExpiry(now, rng),
      language,
    });
    countries.push(country);
  }

  // Everyone gets one contact person; the rest go preferably to bigger accounts.
  const headcount = companies.map(() => 1);
  const companyWeights = companies.map(
    (c, index) => [index, PEOPLE_WEIGHT_BY_TIER[c.tier]] as [number, number],
  );
  for (let i = companies.length; i < peopleCount; i++) {
    const index = rng.weighted(companyWeights);
    headcount[index] = (headcount[index] ?? 0) + 1;
  }

  const emails = new Set<string>();
  const phones = new Set<string>();
  const customers: CustomerRow[] = [];
  companies.forEach((company, index) => {
    const country = countries[index] ?? 'US';
    for (let n = 0; n < (headcount[index] ?? 0); n++) {
      // US companies employ Spanish speakers often enough that the ES queue sees them.
      const language: Language = country === 'US' && rng.chance(0.1) ? 'es' : company.language;
      let first: string;
      let last: string;
      let email: string;
      do {
        first = rng.pick(PERSON_NAMES[language].first);
        last = rng.pick(PERSON_NAMES[language].last);
        email = `${asciiSlug(first, '-')}.${asciiSlug(last, '-')}@${company.domain}`;
      } while (emails.has(email));
      emails.add(email);
      let phone: string;
      do phone = phoneNumberIn(country, rng);
      while (phones.has(phone));
      phones.add(phone);
      customers.push({
        id: rng.id('cus'),
        companyId: company.id,
        name: `${first} ${last}`,
        email,
        phone,
        language,
      });
    }
  });

  return { companies, customers };
}
