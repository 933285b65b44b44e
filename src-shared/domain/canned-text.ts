/**
 * Placeholders a canned response may hold, and how they are filled in when an agent inserts it
 * into a reply. `{{ customer.name }}` (spaces allowed) is the same as `{{customer.name}}`.
 */
export const CANNED_PLACEHOLDERS = ['customer.name', 'case.number'] as const;
export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];

/** What is known about the contact being answered; null where it is not known (yet). */
export interface CannedValues {
  customerName: string | null;
  caseNumber: number | null;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isKnown = (name: string): name is CannedPlaceholder =>
  (CANNED_PLACEHOLDERS as readonly string[]).includes(name);

/** Placeholder names in `body` that are not in CANNED_PLACEHOLDERS (each once, in order). */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !isKnown(name)))];
}

/**
 * The text to insert: each known placeholder replaced by its value. A placeholder whose value
 * is not known stays as written, so the agent sees what is left to fill in before sending.
 */
export function fillCannedText(body: string, values: CannedValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === 'customer.name' && values.customerName) return values.customerName;
    if (name === 'case.number' && values.caseNumber !== null) return String(values.caseNumber);
    return whole;
  });
}
