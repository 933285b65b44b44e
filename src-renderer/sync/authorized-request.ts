import type { z } from 'zod';
import { useAppStore } from '../store/store';
import { ApiRequestError, requestJson, type RequestOptions } from './http-client';
import { refreshAccessToken } from './token-keeper';

/** An authorized HTTP call; an expired access token is refreshed once and the call repeated. */
export async function authorizedRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: Omit<RequestOptions, 'token'> = {},
): Promise<z.infer<S>> {
  const { serverUrl, token } = useAppStore.getState();
  const accessToken = token ?? (await refreshAccessToken());
  try {
    return await requestJson(serverUrl, path, schema, { ...options, token: accessToken });
  } catch (err) {
    if (!(err instanceof ApiRequestError && err.status === 401)) throw err;
    return requestJson(serverUrl, path, schema, { ...options, token: await refreshAccessToken() });
  }
}
