import { z } from 'zod';

/** Socket event names, `domain:verb`, shared by server and console. */
export const SOCKET_EVENTS = {
  /** client → server, ack: SinceResponse */
  syncSince: 'sync:since',
  /** server → client: one SyncEvent */
  syncEvent: 'sync:event',
  /** client → server, ack: CommandResult */
  command: 'command:run',
  /** client → server `{token}`: a fresh access token for a live socket, ack: `{expiresAt}` */
  sessionRenew: 'session:renew',
  /** server → client, just before the server disconnects the socket: `{reason}` */
  sessionEnded: 'session:ended',
  /** server → supervisors and admins, on connecting and after each change: BoardToday */
  boardToday: 'board:today',
} as const;

export const SESSION_END_REASONS = ['signed_out', 'disabled', 'expired', 'roles_changed', 'revoked'] as const;
export const SessionEnded = z.object({ reason: z.enum(SESSION_END_REASONS) });
export type SessionEnded = z.infer<typeof SessionEnded>;

export const SessionRenew = z.object({ token: z.string().min(1).max(4096) });
export type SessionRenew = z.infer<typeof SessionRenew>;

/** Largest socket message the server accepts, in bytes. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;
