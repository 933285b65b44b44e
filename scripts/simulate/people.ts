import type { Random } from '../../src-shared/domain/random';

/** Someone who writes or calls in: a known customer (so the pop finds them) or a stranger. */
export interface SimPerson {
  name: string;
  email: string;
  phone: string;
  customerId?: string;
}

const FIRST = [
  'Alex',
  'Sam',
  'Jordan',
  'Taylor',
  'Robin',
  'Kim',
  'Noa',
  'Lee',
  'Dana',
  'Chris',
  'Iris',
  'Omar',
];
const LAST = ['Meyer', 'Silva', 'Novak', 'Khan', 'Garcia', 'Dubois', 'Rossi', 'Nguyen', 'Larsen', 'Moreau'];
const DOMAINS = ['example.net', 'mail.test', 'inbox.example', 'corp.example'];

export function stranger(rng: Random): SimPerson {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}${rng.int(1, 999)}@${rng.pick(DOMAINS)}`.toLowerCase(),
    phone: `+1415555${String(rng.int(0, 9999)).padStart(4, '0')}`,
  };
}

const CustomerList = (value: unknown): SimPerson[] =>
  Array.isArray(value)
    ? value.flatMap((c: unknown) => {
        if (typeof c !== 'object' || c === null) return [];
        const { id, name, email, phone } = c as Record<string, unknown>;
        return typeof id === 'string' && typeof name === 'string' && typeof email === 'string'
          ? [{ customerId: id, name, email, phone: typeof phone === 'string' ? phone : '' }]
          : [];
      })
    : [];

/**
 * Known customers to play, read through the public API as the demo supervisor. Without demo
 * accounts (a production server) the simulator plays strangers only.
 */
export async function knownCustomers(baseUrl: string): Promise<SimPerson[]> {
  try {
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sofia', password: 'demo' }),
    });
    if (!login.ok) return [];
    const { token } = (await login.json()) as { token?: string };
    const people: SimPerson[] = [];
    for (const q of ['a', 'e', 'o']) {
      const res = await fetch(`${baseUrl}/api/v1/customers?q=${q}&limit=50`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.ok) people.push(...CustomerList(((await res.json()) as { customers?: unknown }).customers));
    }
    return [...new Map(people.map((p) => [p.customerId, p])).values()];
  } catch {
    return [];
  }
}
