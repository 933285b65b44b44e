import type { TFunction } from 'i18next';
import type { Skill } from '../../../../src-shared/protocol/routing-config';

const KINDS = ['language', 'product', 'tier'] as const;

/** Skills for a Select, grouped by kind (products, languages, tiers). */
export function skillOptions(skills: Skill[], t: TFunction) {
  return KINDS.map((kind) => ({
    group: t(`routingAdmin.skillKinds.${kind}`),
    items: skills.filter((s) => s.kind === kind).map((s) => ({ value: s.id, label: s.name })),
  })).filter((group) => group.items.length > 0);
}

/** ["English (5)", "Ledger Cloud (4)"]: skills by kind then name (unknown ids as they are). */
export function skillLabels(entries: { skillId: string; level: number }[], skills: Skill[]): string[] {
  const rank = (id: string) => {
    const skill = skills.find((s) => s.id === id);
    return { kind: skill ? KINDS.indexOf(skill.kind) : KINDS.length, name: skill?.name ?? id };
  };
  return entries
    .map((e) => ({ ...rank(e.skillId), level: e.level }))
    .sort((a, b) => a.kind - b.kind || a.name.localeCompare(b.name))
    .map((e) => `${e.name} (${e.level})`);
}
