import type { StateCreator } from 'zustand';
import type { UserPublic } from '../../src-shared/protocol/auth';
import type { SessionEnded } from '../../src-shared/protocol/socket-events';

export type SessionPhase = 'restoring' | 'signed-out' | 'signed-in';
/** Why the console signed the person out without being asked (shown on the sign-in screen). */
export type SignOutReason = SessionEnded['reason'] | 'refresh_failed';

export interface SessionSlice {
  phase: SessionPhase;
  serverUrl: string;
  user: UserPublic | null;
  /** Access token in memory only; null while offline after a restart. */
  token: string | null;
  /** Epoch ms when `token` expires. */
  expiresAt: number;
  signOutReason: SignOutReason | null;
  setSignedIn(session: {
    serverUrl: string;
    user: UserPublic;
    token: string | null;
    expiresAt: number;
  }): void;
  setToken(token: string, expiresAt: number): void;
  setSignedOut(reason: SignOutReason | null): void;
}

export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  phase: 'restoring',
  serverUrl: '',
  user: null,
  token: null,
  expiresAt: 0,
  signOutReason: null,
  setSignedIn: (session) => set({ ...session, phase: 'signed-in', signOutReason: null }),
  setToken: (token, expiresAt) => set({ token, expiresAt }),
  setSignedOut: (reason) =>
    set({
      phase: 'signed-out',
      user: null,
      token: null,
      expiresAt: 0,
      signOutReason: reason,
    }),
});
