import type { Role } from '../../src-shared/protocol/auth';
import type { Screen } from '../store/ui-slice';

const SCREEN_ROLES: Record<Screen, readonly Role[]> = {
  queue: ['agent'],
  quality: ['agent'],
  supervisor: ['supervisor'],
  coaching: ['coach', 'supervisor', 'admin'],
  reports: ['supervisor', 'coach', 'admin'],
  admin: ['admin'],
};

/** The screens a person may open, in navigation order; several roles add up. */
export function screensForRoles(roles: readonly Role[]): Screen[] {
  return (Object.keys(SCREEN_ROLES) as Screen[]).filter((screen) =>
    SCREEN_ROLES[screen].some((role) => roles.includes(role)),
  );
}
