import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import { AppError } from '../../platform/errors';
import type { LoginBody, LoginResponse } from '../../../src-shared/protocol/auth';
import type { Actor } from './actor';
import { verifyAgainstDummy, verifyPassword } from '../../platform/password';
import {
  ACCESS_TOKEN_SECONDS,
  REFRESH_TOKEN_DAYS,
  newRefreshSecret,
  secretMatches,
  signAccessToken,
  splitRefreshToken,
  verifyAccessToken,
} from './tokens';
import {
  findSession,
  findUserByUsername,
  insertSession,
  isSessionLive,
  loadActor,
  revokeSession,
  rotateSessionSecret,
} from './auth.repository';

const WRONG_CREDENTIALS = 'Wrong username or password';

export interface AuthService {
  login(body: LoginBody): Promise<LoginResponse>;
  refresh(refreshToken: string): Promise<LoginResponse>;
  /** Revokes the session; returns its id so live sockets can be ended. */
  logout(actor: Actor): Promise<string>;
  /** Bearer token → live actor, or an `unauthenticated` AppError. */
  authenticate(token: unknown): Promise<Actor & { expiresAt: number }>;
  /** Whether the actor's session is still open and the user still enabled (checked per socket event). */
  isStillSignedIn(actor: Pick<Actor, 'id' | 'sessionId'>): Promise<boolean>;
}

export interface AuthHooks {
  /** A session was revoked on the server's own initiative (a replayed refresh token). */
  onSessionRevoked(sessionId: string): void;
}

export function createAuthService(db: Db, secret: Uint8Array, hooks: AuthHooks): AuthService {
  async function issue(userId: string, sessionId: string, refreshSecret: string): Promise<LoginResponse> {
    const actor = await loadActor(db, userId, sessionId);
    if (!actor) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
    return {
      token: await signAccessToken(secret, userId, sessionId),
      expiresIn: ACCESS_TOKEN_SECONDS,
      refreshToken: `${sessionId}.${refreshSecret}`,
      user: {
        id: actor.id,
        username: actor.username,
        displayName: actor.displayName,
        roles: actor.roles,
        teamId: actor.teamId,
      },
    };
  }

  return {
    async login({ username, password }) {
      const user = await findUserByUsername(db, username);
      // Unknown user, wrong password and disabled account answer alike, in alike time.
      const isValid = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyAgainstDummy(password);
      if (!user || !isValid || user.disabled) throw new AppError('unauthenticated', WRONG_CREDENTIALS);
      const sessionId = randomUUID();
      const { secret: refreshSecret, hash } = newRefreshSecret();
      const expiresAt = new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000);
      await insertSession(db, { id: sessionId, userId: user.id, refreshHash: hash, expiresAt });
      return issue(user.id, sessionId, refreshSecret);
    },

    async refresh(refreshToken) {
      const parts = splitRefreshToken(refreshToken);
      const session = parts ? await findSession(db, parts.sessionId) : undefined;
      if (!parts || !session || session.revokedAt || session.expiresAt <= new Date()) {
        throw new AppError('unauthenticated', 'The session has ended; sign in again');
      }
      if (!secretMatches(parts.secret, session.refreshHash)) {
        // A rotated-out token came back: someone holds a copy. End the session for everyone.
        await revokeSession(db, session.id);
        hooks.onSessionRevoked(session.id);
        throw new AppError('unauthenticated', 'The session has ended; sign in again');
      }
      const next = newRefreshSecret();
      if (!(await rotateSessionSecret(db, session.id, session.refreshHash, next.hash))) {
        throw new AppError('unauthenticated', 'The session has ended; sign in again');
      }
      return issue(session.userId, session.id, next.secret);
    },

    async logout(actor) {
      await revokeSession(db, actor.sessionId);
      return actor.sessionId;
    },

    async authenticate(token) {
      const claims = await verifyAccessToken(secret, token);
      const actor = await loadActor(db, claims.sub, claims.sid);
      if (!actor) throw new AppError('unauthenticated', 'The session has ended; sign in again');
      return { ...actor, expiresAt: claims.exp * 1000 };
    },

    isStillSignedIn: (actor) => isSessionLive(db, actor.id, actor.sessionId),
  };
}
