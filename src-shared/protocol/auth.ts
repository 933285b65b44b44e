import { z } from 'zod';

export const ROLES = ['agent', 'coach', 'supervisor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const UserPublic = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  /** The team they belong to (supervisors act within it); null when none. Older caches lack it. */
  teamId: z.string().nullable().default(null),
});
export type UserPublic = z.infer<typeof UserPublic>;

export const LoginResponse = z.object({
  token: z.string(),
  /** Seconds until `token` expires. */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  user: UserPublic,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const RefreshBody = z.object({ refreshToken: z.string().min(1).max(4096) });
export type RefreshBody = z.infer<typeof RefreshBody>;

export const LogoutBody = z.object({ refreshToken: z.string().min(1).max(4096).optional() });
export type LogoutBody = z.infer<typeof LogoutBody>;

/** Socket handshake `auth` payload. */
export const HandshakeAuth = z.object({ token: z.string().min(1).max(4096) });
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;
