import type { TFunction } from 'i18next';
import type { FieldProblems } from './field-errors';

/** Problems as the form shows them: path → message in the person's language. */
export function problemTexts(problems: FieldProblems, t: TFunction): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems).map(([path, p]) => [path, t(`routingAdmin.errors.${p.key}`, p.values)]),
  );
}
