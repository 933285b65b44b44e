import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';

function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

describe('i18n resources', () => {
  it('has the same keys in English and Spanish', () => {
    expect(leafKeys(es).sort()).toEqual(leafKeys(en).sort());
  });

  it('leaves no Spanish string empty', () => {
    const empty = leafKeys(es).filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], es);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (tree: unknown, key: string) => {
      const value = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
      return (
        String(value)
          .match(/{{\w+}}/g)
          ?.sort() ?? []
      );
    };
    for (const key of leafKeys(en)) expect(placeholders(es, key), key).toEqual(placeholders(en, key));
  });
});
