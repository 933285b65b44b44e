import { z } from 'zod';

export const CHANNELS = ['phone', 'email', 'web', 'chat', 'callback'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;
