import { REFRESH_TOKEN_KEY, type Platform } from './platform';
import { playRing } from './ring';

const STORAGE_KEY = `agentdeck.${REFRESH_TOKEN_KEY}`;

/** A browser tab: Notification API, a count in the tab title, localStorage for the refresh token. */
export function createBrowserPlatform(): Platform {
  const baseTitle = document.title;
  return {
    kind: 'browser',
    loadRefreshToken: async () => localStorage.getItem(STORAGE_KEY),
    saveRefreshToken: async (token) => localStorage.setItem(STORAGE_KEY, token),
    clearRefreshToken: async () => localStorage.removeItem(STORAGE_KEY),
    async notify({ title, body }) {
      if (!('Notification' in window)) return;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission === 'granted') new Notification(title, { body });
    },
    async setBadgeCount(count) {
      document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
    },
    async bringToFront() {
      window.focus();
    },
    ring: playRing,
  };
}
