import type { z } from 'zod';
import { HttpErrorBody } from '../../src-shared/protocol/envelope';
import type { ErrorCode } from '../../src-shared/protocol/envelope';

/** The server answered with an error (4xx/5xx). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unknown',
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** No answer at all: the network is down or nothing listens at that address. */
export class ServerUnreachableError extends Error {
  constructor(cause: unknown) {
    super('The server cannot be reached', { cause });
    this.name = 'ServerUnreachableError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: string | null;
}

/**
 * One HTTP call to the server, its answer parsed against `schema` (a 204 yields `undefined`).
 * Throws ApiRequestError for an error answer and ServerUnreachableError when nothing answers.
 */
export async function requestJson<S extends z.ZodType>(
  serverUrl: string,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(new URL(path, serverUrl), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw new ServerUnreachableError(err);
  }
  if (response.status === 204) return schema.parse(undefined);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = HttpErrorBody.safeParse(body);
    if (parsed.success)
      throw new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message);
    const code = response.status === 429 ? 'rate_limited' : 'unknown';
    throw new ApiRequestError(response.status, code, `HTTP ${response.status}`);
  }
  return schema.parse(body);
}
