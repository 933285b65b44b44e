/**
 * Every keyboard shortcut of the console, in one table: the help overlay (Ctrl+/) and
 * docs/KEYBOARD.md list these, and `useShortcuts` binds them. Keys are physical (the key's place
 * on the keyboard, `KeyboardEvent.code`), so Alt+A is the same key on every layout and on a Mac,
 * where Option+A would otherwise type "å". `mod` is Ctrl, or ⌘ on a Mac.
 */
export const SHORTCUTS = [
  { id: 'palette', hotkey: 'mod+k', keys: ['Mod', 'K'], group: 'general' },
  { id: 'help', hotkey: 'mod+slash', keys: ['Mod', '/'], group: 'general' },
  { id: 'accept', hotkey: 'alt+a', keys: ['Alt', 'A'], group: 'work' },
  { id: 'decline', hotkey: 'alt+d', keys: ['Alt', 'D'], group: 'work' },
  { id: 'completeWrapUp', hotkey: 'alt+w', keys: ['Alt', 'W'], group: 'work' },
  { id: 'available', hotkey: 'alt+digit1', keys: ['Alt', '1'], group: 'state' },
  { id: 'awayBreak', hotkey: 'alt+digit2', keys: ['Alt', '2'], group: 'state' },
  { id: 'awayLunch', hotkey: 'alt+digit3', keys: ['Alt', '3'], group: 'state' },
  { id: 'offline', hotkey: 'alt+digit0', keys: ['Alt', '0'], group: 'state' },
  { id: 'focusNote', hotkey: 'alt+n', keys: ['Alt', 'N'], group: 'case' },
  { id: 'saveNote', hotkey: 'mod+enter', keys: ['Mod', 'Enter'], group: 'case' },
  { id: 'reply', hotkey: 'alt+r', keys: ['Alt', 'R'], group: 'case' },
] as const;

export type Shortcut = (typeof SHORTCUTS)[number];
export type ShortcutId = Shortcut['id'];
export type ShortcutGroup = Shortcut['group'];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['general', 'work', 'state', 'case'];

export const shortcutOf = (id: ShortcutId): Shortcut => SHORTCUTS.find((s) => s.id === id) ?? SHORTCUTS[0];

/** Whether the console runs on a Mac (where `mod` is ⌘). */
export const isMac = (platform: string): boolean => /mac|iphone|ipad/i.test(platform);

/** The keys of a shortcut as a person reads them: "Ctrl+K", "⌘+K", "Alt+1" ("⌥+1" on a Mac). */
export function keysLabel(id: ShortcutId, onMac: boolean): string[] {
  const keys: readonly string[] = shortcutOf(id).keys;
  return keys.map((key) => {
    if (key === 'Mod') return onMac ? '⌘' : 'Ctrl';
    if (key === 'Alt') return onMac ? '⌥' : 'Alt';
    return key;
  });
}

/** `aria-keyshortcuts` value of a shortcut (WAI-ARIA names: Control, Alt, Meta). */
export function ariaKeys(id: ShortcutId, onMac: boolean): string {
  const keys: readonly string[] = shortcutOf(id).keys;
  return keys.map((key) => (key === 'Mod' ? (onMac ? 'Meta' : 'Control') : key)).join('+');
}
