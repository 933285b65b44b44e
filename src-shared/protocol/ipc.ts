import { z } from 'zod';
import { NOTIFICATION_ACTIONS } from './ipc-channels';

/*
 * Schemas of the IPC arguments, parsed by the main process. The channel names live in
 * ipc-channels.ts, free of zod, so the sandboxed preload needs no library at all.
 */

/** Arguments of a channel that takes none: `ipcRenderer.invoke(channel)` sends `undefined`. */
export const NoArgs = z.undefined();

export const NotificationShowArgs = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
  actionLabel: z.string().min(1).max(40).optional(),
});
export type NotificationShowArgs = z.infer<typeof NotificationShowArgs>;

export const NotificationActionMessage = z.strictObject({
  id: z.string().min(1).max(200),
  action: z.enum(NOTIFICATION_ACTIONS),
});
export type NotificationActionMessage = z.infer<typeof NotificationActionMessage>;

export const BadgeCountArgs = z.strictObject({ count: z.number().int().min(0).max(1_000_000) });
export type BadgeCountArgs = z.infer<typeof BadgeCountArgs>;

/**
 * Keys name what is stored ("refreshToken", "server:eu-1"), never carry data. A leading letter
 * keeps out "__proto__", which a plain object would swallow.
 */
const SecureKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._:-]{0,99}$/, 'a key is a letter, then up to 99 of A–Z a–z 0–9 . _ : -');

export const SecureKeyArgs = z.strictObject({ key: SecureKey });
export type SecureKeyArgs = z.infer<typeof SecureKeyArgs>;

/** Largest value secure storage accepts, in characters (tokens are far smaller). */
export const MAX_SECURE_VALUE_LENGTH = 16 * 1024;
export const SecureSetArgs = z.strictObject({
  key: SecureKey,
  value: z.string().max(MAX_SECURE_VALUE_LENGTH),
});
export type SecureSetArgs = z.infer<typeof SecureSetArgs>;
