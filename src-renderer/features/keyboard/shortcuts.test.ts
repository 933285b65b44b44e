// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { getHotkeyHandler } from '@mantine/hooks';
import { ariaKeys, isMac, keysLabel, SHORTCUTS, shortcutOf } from './shortcuts';

/** Whether pressing keys (`init`) runs the shortcut's handler, matched as the console matches it. */
const fires = (id: Parameters<typeof shortcutOf>[0], init: KeyboardEventInit) => {
  let hasFired = false;
  const onKey = getHotkeyHandler([
    [
      shortcutOf(id).hotkey,
      () => {
        hasFired = true;
      },
      { usePhysicalKeys: true },
    ],
  ]);
  onKey(new KeyboardEvent('keydown', init));
  return hasFired;
};

describe('keyboard shortcuts', () => {
  it('gives each shortcut its own keys', () => {
    const hotkeys = SHORTCUTS.map((s) => s.hotkey);
    expect(new Set(hotkeys).size).toBe(hotkeys.length);
  });

  it('matches the physical key, so Option+A on a Mac (typing "å") still accepts', () => {
    expect(fires('accept', { key: 'å', code: 'KeyA', altKey: true })).toBe(true);
    expect(fires('accept', { key: 'a', code: 'KeyA' })).toBe(false);
    expect(fires('available', { key: '¡', code: 'Digit1', altKey: true })).toBe(true);
    expect(fires('help', { key: '/', code: 'Slash', ctrlKey: true })).toBe(true);
    expect(fires('saveNote', { key: 'Enter', code: 'Enter', ctrlKey: true })).toBe(true);
  });

  it('names the keys as the person’s keyboard shows them', () => {
    expect(keysLabel('palette', false)).toEqual(['Ctrl', 'K']);
    expect(keysLabel('palette', true)).toEqual(['⌘', 'K']);
    expect(keysLabel('available', true)).toEqual(['⌥', '1']);
    expect(ariaKeys('saveNote', false)).toBe('Control+Enter');
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Linux x86_64')).toBe(false);
  });
});
