import type { AppApi } from '../../src-preload/app-api';
import { REFRESH_TOKEN_KEY, type Platform } from './platform';
import { playRing } from './ring';

/** The Electron window: everything goes through the preload's narrow `window.api`. */
export function createDesktopPlatform(api: AppApi): Platform {
  return {
    kind: 'desktop',
    loadRefreshToken: () => api.secureGet(REFRESH_TOKEN_KEY),
    saveRefreshToken: (token) => api.secureSet(REFRESH_TOKEN_KEY, token),
    clearRefreshToken: () => api.secureDelete(REFRESH_TOKEN_KEY),
    notify: (notification) => api.showNotification(notification),
    setBadgeCount: (count) => api.setBadgeCount(count),
    bringToFront: () => api.bringToFront(),
    ring: playRing,
  };
}
