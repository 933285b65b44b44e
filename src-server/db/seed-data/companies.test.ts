import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src-shared/domain/random';
import { asciiSlug, generateCompanies } from './companies';

describe('asciiSlug', () => {
  it('folds accents and drops punctuation for domains and email addresses', () => {
    expect(asciiSlug('Müller Bâtiment & Co.')).toBe('mullerbatimentco');
    expect(asciiSlug('Íñigo', '-')).toBe('inigo');
    expect(asciiSlug('Groß Straße')).toBe('grossstrasse');
    expect(asciiSlug('Saint-Clair Conseil', '-')).toBe('saint-clair-conseil');
  });
});

describe('generateCompanies', () => {
  const now = new Date('2026-01-15T10:00:00Z');

  it('gives every company at least one person and makes the requested totals', () => {
    const { companies, customers } = generateCompanies(createRandom(9), now, 50, 140);
    expect(companies).toHaveLength(50);
    expect(customers).toHaveLength(140);
    const staffed = new Set(customers.map((c) => c.companyId));
    expect(companies.every((c) => staffed.has(c.id))).toBe(true);
  });

  it('writes people in their language with addresses at their company domain', () => {
    const { companies, customers } = generateCompanies(createRandom(4), now, 80, 200);
    const byId = new Map(companies.map((c) => [c.id, c]));
    for (const customer of customers) {
      const company = byId.get(customer.companyId);
      expect(customer.email.endsWith(`@${company?.domain}`)).toBe(true);
      if (company?.language !== 'en') expect(customer.language).toBe(company?.language);
    }
  });
});
