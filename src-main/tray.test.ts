import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, Tray } from './testing/fake-electron';
import type { FakeMenuItem } from './testing/fake-electron';
import { createTray } from './tray';

vi.mock('electron', () => import('./testing/fake-electron'));

function onlyTray(): Tray {
  const [tray] = Tray.created;
  if (!tray) throw new Error('no tray');
  return tray;
}
function menuItems(tray: Tray): FakeMenuItem[] {
  const menu = tray.menu;
  if (typeof menu !== 'object' || menu === null || !('items' in menu) || !Array.isArray(menu.items)) {
    throw new Error('no menu');
  }
  return menu.items;
}

beforeEach(() => resetFakeElectron());

describe('the tray', () => {
  it('shows how many contacts wait in its tooltip', () => {
    const appTray = createTray({ iconPath: '/icons/tray.png', onShow: vi.fn(), onQuit: vi.fn() });
    expect(onlyTray().tooltip).toBe('Agentdeck');
    appTray.setWaitingCount(4);
    expect(onlyTray().tooltip).toBe('Agentdeck — 4 waiting');
    appTray.setWaitingCount(0);
    expect(onlyTray().tooltip).toBe('Agentdeck');
  });

  it('has Show and Quit in its menu', () => {
    const onShow = vi.fn();
    const onQuit = vi.fn();
    createTray({ iconPath: '/icons/tray.png', onShow, onQuit });
    const items = menuItems(onlyTray()).filter((item) => item.label);
    expect(items.map((item) => item.label)).toEqual(['Show Agentdeck', 'Quit']);
    items[0]?.click?.();
    expect(onShow).toHaveBeenCalled();
    items[1]?.click?.();
    expect(onQuit).toHaveBeenCalled();
  });
});
