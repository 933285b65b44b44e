import { z } from 'zod';

/** Machine-readable error codes shared by HTTP answers and socket acks. */
export const ERROR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  /** Understood, but it cannot be done as asked (a reassignment's target cannot take the contact). */
  'unprocessable',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For `conflict`: the current server state of the entity. For `invalid`: the failing paths. */
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Every socket ack is one of these two shapes. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const ackSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ApiError }),
  ]);

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: unknown): Ack<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** HTTP body of every 4xx/5xx answer. */
export const HttpErrorBody = z.object({ error: ApiError });
export type HttpErrorBody = z.infer<typeof HttpErrorBody>;
