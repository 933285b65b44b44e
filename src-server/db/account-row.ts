import { Role } from '../../src-shared/protocol/auth';
import type { Account } from '../../src-shared/protocol/entities';
import type { users } from './schema';

/** A stored user row as an account; roles the code no longer knows are dropped, not trusted. */
export function accountOf(u: typeof users.$inferSelect): Account {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles.flatMap((r) => {
      const role = Role.safeParse(r);
      return role.success ? [role.data] : [];
    }),
    teamId: u.teamId,
    tier: u.tier,
    disabled: u.disabled,
    version: u.version,
  };
}
