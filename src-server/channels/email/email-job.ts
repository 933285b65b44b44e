import { z } from 'zod';

/** An outbound email job names the stored message it sends; the message row holds the rest. */
export const EmailJobPayload = z.object({ messageId: z.string().min(1).max(64) });
export type EmailJobPayload = z.infer<typeof EmailJobPayload>;
