/** What the console needs from where it runs: an Electron window or a browser tab. */
export interface Platform {
  readonly kind: 'desktop' | 'browser';
  /** The refresh token survives restarts here (OS keychain on the desktop). */
  loadRefreshToken(): Promise<string | null>;
  saveRefreshToken(token: string): Promise<void>;
  clearRefreshToken(): Promise<void>;
  notify(notification: { id: string; title: string; body: string; actionLabel?: string }): Promise<void>;
  /** Contacts waiting in my queues: tray badge on the desktop, title prefix in a browser. */
  setBadgeCount(count: number): Promise<void>;
  bringToFront(): Promise<void>;
  /** A short ring for an offered call. */
  ring(): void;
}

export const REFRESH_TOKEN_KEY = 'refreshToken';
