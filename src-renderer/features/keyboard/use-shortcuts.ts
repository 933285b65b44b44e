import { getHotkeyHandler, useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { ariaKeys, isMac, SHORTCUTS, shortcutOf, type ShortcutId } from './shortcuts';

/** Handlers for some shortcuts; a missing one is not bound. */
export type ShortcutHandlers = Partial<Record<ShortcutId, () => void>>;

const itemsOf = (handlers: ShortcutHandlers): HotkeyItem[] =>
  SHORTCUTS.flatMap((shortcut): HotkeyItem[] => {
    const handler = handlers[shortcut.id];
    return handler ? [[shortcut.hotkey, () => handler(), { usePhysicalKeys: true }]] : [];
  });

/**
 * Binds shortcuts of the table (shortcuts.ts) on the whole window while the calling component
 * is shown and `isEnabled`. They work inside text boxes too: each has a modifier, so none types.
 */
export function useShortcuts(handlers: ShortcutHandlers, isEnabled = true): void {
  useHotkeys(isEnabled ? itemsOf(handlers) : [], []);
}

/** A key handler for one text box: the shortcut acts only while that box has the focus. */
export function shortcutKeyHandler(id: ShortcutId, handler: () => void) {
  return getHotkeyHandler([[shortcutOf(id).hotkey, handler, { usePhysicalKeys: true }]]);
}

/** Whether this console runs on a Mac (shortcut labels say ⌘ and ⌥ there). */
export const ON_MAC = typeof navigator !== 'undefined' && isMac(navigator.platform);

/** `aria-keyshortcuts` of a control that has a shortcut, for screen-reader users. */
export const ariaShortcut = (id: ShortcutId): string => ariaKeys(id, ON_MAC);
