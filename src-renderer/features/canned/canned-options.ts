import type { CannedResponse } from '../../../src-shared/protocol/canned-responses';

export interface CannedOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The picker's options grouped by language, the customer's language first, then the others in
 * alphabetical order; titles in order within each group.
 */
export function cannedOptionGroups(
  responses: readonly CannedResponse[],
  preferred: string | null,
): CannedOptionGroup[] {
  const languages = [...new Set(responses.map((r) => r.language))].sort((a, b) =>
    a === preferred ? -1 : b === preferred ? 1 : a.localeCompare(b),
  );
  return languages.map((language) => ({
    group: language.toUpperCase(),
    items: responses
      .filter((r) => r.language === language)
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((r) => ({ value: r.id, label: r.title })),
  }));
}

/** The text with the inserted response after it (a blank line between), or the response alone. */
export const appendText = (current: string, inserted: string): string =>
  current.trim() ? `${current.trimEnd()}\n\n${inserted}` : inserted;
