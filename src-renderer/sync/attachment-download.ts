import { API_ROUTES, routePath } from '../../src-shared/protocol/routes';
import { useAppStore } from '../store/store';
import { ApiRequestError, ServerUnreachableError } from './http-client';
import { refreshAccessToken } from './token-keeper';

async function fetchAttachment(serverUrl: string, id: string, token: string): Promise<Response> {
  try {
    return await fetch(new URL(routePath(API_ROUTES.attachment, { id }), serverUrl), {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch (err) {
    throw new ServerUnreachableError(err);
  }
}

/**
 * Downloads an attachment to the person's computer. The access token lives in memory, not in a
 * cookie, so a plain link cannot carry it: fetch with the bearer token, then save the bytes
 * through a temporary object URL. The file is saved, never opened in the console.
 */
export async function downloadAttachment(file: { id: string; filename: string }): Promise<void> {
  const { serverUrl, token } = useAppStore.getState();
  let response = await fetchAttachment(serverUrl, file.id, token ?? (await refreshAccessToken()));
  if (response.status === 401) {
    response = await fetchAttachment(serverUrl, file.id, await refreshAccessToken());
  }
  if (!response.ok) throw new ApiRequestError(response.status, 'unknown', `HTTP ${response.status}`);
  // Saved as opaque bytes whatever the server called it: nothing in it is shown or run here.
  const blob = new Blob([await response.arrayBuffer()], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = file.filename;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
