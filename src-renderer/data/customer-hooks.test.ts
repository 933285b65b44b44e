import { describe, expect, it } from 'vitest';
import { matchesCustomer } from './customer-hooks';

const customer = {
  id: 'cus_1',
  companyId: 'co_1',
  name: 'Lee Chan',
  email: 'lee@acme.example',
  phone: '+14155550100',
  language: 'en',
  company: {
    id: 'co_1',
    name: 'Acme Freight',
    domain: 'acme.example',
    tier: 'gold' as const,
    contractExpiresAt: '2027-01-01T00:00:00.000Z',
    language: 'en',
  },
};

describe('searching cached customers offline', () => {
  it.each([
    ['lee', ''],
    ['freight', ''],
    ['acme.example', ''],
    ['(415) 555', '415555'],
  ])('finds the customer by %s', (needle, digits) => {
    expect(matchesCustomer(customer, needle, digits)).toBe(true);
  });

  it('does not match on a couple of stray digits or an unrelated name', () => {
    expect(matchesCustomer(customer, 'x1', '1')).toBe(false);
    expect(matchesCustomer(customer, 'smith', '')).toBe(false);
  });
});
