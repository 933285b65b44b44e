/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) with the helpers
 * demo data, sampling and tests need. The same seed always yields the same sequence, on every
 * platform, so generated data and random samples can be reproduced and recorded.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight. Throws when no weight is positive. */
  weighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T;
  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
  /** A deterministic id such as `cmp_8f3k2m9q1x7a`: the prefix, an underscore, 12 base-36 characters. */
  id(prefix: string): string;
  /** An independent generator derived from this one's seed and a label, unaffected by how much of this one was used. */
  fork(label: string): Random;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 12;

/** Creates a generator from a 32-bit integer seed (other numbers are truncated to 32 bits). */
export function createRandom(seed: number): Random {
  const baseSeed = seed >>> 0;
  const mix = splitmix32(baseSeed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();

  const nextUint32 = (): number => {
    // sfc32: fast, passes PractRand for the lengths we need, 128 bits of state.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  const next = (): number => nextUint32() / 4294967296;
  // Warm up so that nearby seeds do not start with correlated outputs.
  for (let i = 0; i < 12; i++) nextUint32();

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
      if (!(total > 0)) throw new RangeError('weighted needs at least one positive weight');
      let roll = next() * total;
      for (const [value, weight] of entries) {
        if (weight <= 0) continue;
        roll -= weight;
        if (roll < 0) return value;
      }
      // Floating-point leftovers land on the last positive entry.
      const last = entries.filter(([, weight]) => weight > 0).at(-1);
      return (last as (typeof entries)[number])[0];
    },
    shuffle: (items) => shuffleWith(next, items),
    id: (prefix) => {
      let suffix = '';
      for (let i = 0; i < ID_LENGTH; i++) suffix += ID_ALPHABET[nextUint32() % ID_ALPHABET.length];
      return `${prefix}_${suffix}`;
    },
    fork: (label) => createRandom(hashLabel(label) ^ baseSeed),
  };
}

function shuffleWith<T>(next: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const held = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = held;
  }
  return copy;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a, 32 bits: a stable number for a label. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
