import { Menu, Tray, nativeImage } from 'electron';

export interface AppTray {
  /** Shows how many contacts wait in my queues. */
  setWaitingCount(count: number): void;
}

export interface TrayOptions {
  iconPath: string;
  onShow(): void;
  onQuit(): void;
}

export function waitingTooltip(count: number): string {
  return count > 0 ? `Agentdeck — ${count} waiting` : 'Agentdeck';
}

export function createTray({ iconPath, onShow, onQuit }: TrayOptions): AppTray {
  let icon = nativeImage.createFromPath(iconPath);
  // The macOS menu bar is 22 points high; a 32-pixel image would overflow it.
  if (process.platform === 'darwin') icon = icon.resize({ width: 18, height: 18 });
  const tray = new Tray(icon);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Agentdeck', click: onShow },
      { type: 'separator' },
      { label: 'Quit', click: onQuit },
    ]),
  );
  tray.on('click', onShow);
  tray.setToolTip(waitingTooltip(0));
  return {
    setWaitingCount(count) {
      tray.setToolTip(waitingTooltip(count));
      // The text beside the icon in the macOS menu bar; ignored elsewhere.
      tray.setTitle(count > 0 ? String(count) : '');
    },
  };
}
