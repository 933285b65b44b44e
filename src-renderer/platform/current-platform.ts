import type { AppApi } from '../../src-preload/app-api';
import { createBrowserPlatform } from './browser';
import { createDesktopPlatform } from './desktop';
import type { Platform } from './platform';

declare global {
  interface Window {
    /** Present only inside the Electron window (the preload exposes it). */
    api?: AppApi;
  }
}

/** Desktop when the preload gave us `window.api`, otherwise the browser. */
export const platform: Platform = window.api ? createDesktopPlatform(window.api) : createBrowserPlatform();
