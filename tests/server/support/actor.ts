import type { Db } from '../../../src-server/db/database';
import type { Actor } from '../../../src-server/features/auth/actor';
import { loadActor } from '../../../src-server/features/auth/auth.repository';
import { insertSession } from '../../../src-server/features/auth/auth.repository';

/** A live actor for a fixture user, as a signed-in console would have (for driving the command bus directly). */
export async function actorFor(db: Db, userId: string): Promise<Actor> {
  const sessionId = `test-${userId}-${Date.now()}-${Math.random()}`;
  await insertSession(db, {
    id: sessionId,
    userId,
    refreshHash: 'x',
    expiresAt: new Date(Date.now() + 3600_000),
  });
  const actor = await loadActor(db, userId, sessionId);
  if (!actor) throw new Error(`no actor ${userId}`);
  return actor;
}
