import { z } from 'zod';
import { LoginResponse } from '../../src-shared/protocol/auth';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import { requestJson } from './http-client';

export function login(serverUrl: string, username: string, password: string): Promise<LoginResponse> {
  return requestJson(serverUrl, API_ROUTES.login, LoginResponse, {
    method: 'POST',
    body: { username, password },
  });
}

/** Trades a refresh token for a new session pair; the old refresh token is spent. */
export function refresh(serverUrl: string, refreshToken: string): Promise<LoginResponse> {
  return requestJson(serverUrl, API_ROUTES.refresh, LoginResponse, {
    method: 'POST',
    body: { refreshToken },
  });
}

export async function logout(serverUrl: string, token: string, refreshToken: string | null): Promise<void> {
  await requestJson(serverUrl, API_ROUTES.logout, z.unknown(), {
    method: 'POST',
    token,
    body: refreshToken ? { refreshToken } : {},
  });
}
