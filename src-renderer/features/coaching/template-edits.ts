import type {
  Criterion,
  CriterionKind,
  ScaleCriterion,
  ScorecardContent,
  Section,
} from '../../../src-shared/protocol/coaching';

/**
 * Pure edits of a draft scorecard for the template editor. New sections and criteria get a key
 * not yet used in the form; keys are stable, so the editor never rewrites an existing one.
 */

function usedKeys(content: ScorecardContent): Set<string> {
  const keys = new Set<string>();
  for (const section of content.sections) {
    keys.add(section.key);
    for (const criterion of section.criteria) keys.add(criterion.key);
  }
  return keys;
}

/** `base`, or `base_2`, `base_3`… whichever is free. */
export function freeKey(content: ScorecardContent, base: string): string {
  const used = usedKeys(content);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

const common = {
  description: '',
  weight: 1,
  naAllowed: false,
  comment: { when: 'never' as const },
  critical: { effect: 'none' as const, failsBelow: 0.5 },
  skill: null,
  channels: [],
};

/** A new criterion of `kind` with sensible defaults the coach then edits. */
export function newCriterion(kind: CriterionKind, key: string, label: string): Criterion {
  switch (kind) {
    case 'yes_no':
      return { ...common, kind, key, label };
    case 'scale':
      return { ...common, kind, key, label, min: 1, max: 5, anchors: [] };
    case 'choice':
      return {
        ...common,
        kind,
        key,
        label,
        options: [
          { key: 'full', label: 'Full', fraction: 1 },
          { key: 'none', label: 'None', fraction: 0 },
        ],
      };
    case 'text':
      return { ...common, kind, key, label, maxLength: 2_000 };
  }
}

export function addSection(content: ScorecardContent, title: string): ScorecardContent {
  const section: Section = {
    kind: 'standard',
    key: freeKey(content, 'section'),
    title,
    description: '',
    weight: 1,
    criteria: [],
  };
  return { ...content, sections: [...content.sections, section] };
}

export function updateSection(content: ScorecardContent, index: number, section: Section): ScorecardContent {
  return { ...content, sections: content.sections.map((s, i) => (i === index ? section : s)) };
}

export function removeSection(content: ScorecardContent, index: number): ScorecardContent {
  return { ...content, sections: content.sections.filter((_s, i) => i !== index) };
}

/** Turns a section into a bonus section (cap 5) or back into a standard one (weight 1). */
export function setSectionKind(section: Section, kind: Section['kind']): Section {
  if (section.kind === kind) return section;
  const { key, title, description, criteria } = section;
  return kind === 'bonus'
    ? { kind, key, title, description, criteria, cap: 5 }
    : { kind, key, title, description, criteria, weight: 1 };
}

export function addCriterion(
  content: ScorecardContent,
  sectionIndex: number,
  kind: CriterionKind,
  label: string,
): ScorecardContent {
  const section = content.sections[sectionIndex];
  if (!section) return content;
  const criterion = newCriterion(kind, freeKey(content, 'criterion'), label);
  return updateSection(content, sectionIndex, { ...section, criteria: [...section.criteria, criterion] });
}

/** Changes a criterion's kind, keeping what the kinds share (key, label, weight, rules). */
export function setCriterionKind(criterion: Criterion, kind: CriterionKind): Criterion {
  if (criterion.kind === kind) return criterion;
  const fresh = newCriterion(kind, criterion.key, criterion.label);
  const { key, label, description, weight, naAllowed, comment, critical, skill, channels } = criterion;
  const kept = { key, label, description, weight, naAllowed, comment, skill, channels };
  return { ...fresh, ...kept, critical: kind === 'text' ? fresh.critical : critical };
}

/** The anchor text of each point of a scale, keeping texts already written for points still on it. */
export function setScaleAnchor(criterion: ScaleCriterion, value: number, text: string): ScaleCriterion {
  const others = criterion.anchors.filter((a) => a.value !== value);
  const anchors = text.trim() === '' ? others : [...others, { value, text }];
  return { ...criterion, anchors: anchors.sort((a, b) => a.value - b.value) };
}
