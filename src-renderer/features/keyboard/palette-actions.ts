import { isActionsGroup, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';

/** An entry of the palette: one action, or a named group of them. */
export type PaletteEntry = SpotlightActionData | SpotlightActionGroupData;

/** Case-insensitive: every word of the query appears in the label, description or keywords. */
export function matchesQuery(action: SpotlightActionData, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const keywords = typeof action.keywords === 'string' ? [action.keywords] : (action.keywords ?? []);
  const text = [action.label ?? '', action.description ?? '', ...keywords].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * The palette's filter: the group of actions is filtered by the query here; the groups of
 * customers and cases come already searched (server and cache), so they are kept as they are.
 * Empty groups are left out.
 */
export function filterPalette(actionsGroup: string) {
  return (query: string, all: PaletteEntry[]): PaletteEntry[] =>
    all.flatMap((entry): PaletteEntry[] => {
      if (!isActionsGroup(entry)) return matchesQuery(entry, query) ? [entry] : [];
      const actions =
        entry.group === actionsGroup ? entry.actions.filter((a) => matchesQuery(a, query)) : entry.actions;
      return actions.length > 0 ? [{ ...entry, actions }] : [];
    });
}
