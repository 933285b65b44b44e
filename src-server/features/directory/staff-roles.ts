import type { Role } from '../../../src-shared/protocol/auth';

/** Roles that read customer records and cases (everyone who works contacts or reviews them). */
export const STAFF_ROLES: Role[] = ['agent', 'coach', 'supervisor', 'admin'];
