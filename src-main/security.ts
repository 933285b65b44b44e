import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl } from './app-location';
import type { AppLocation } from './app-location';
import { contentSecurityPolicy } from './content-security-policy';

/**
 * The few permissions the console's own page gets: copy to the clipboard (copy buttons), and
 * reaching a server on the local network (an on-premises Agentdeck server is usually there).
 * Everything else, and everything for any other page, is denied.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set([
  'clipboard-sanitized-write',
  'local-network-access',
  'local-network',
  'loopback-network',
]);

function isPermissionAllowed(permission: string, requestingUrl: string, location: AppLocation): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, location);
}

/** Keeps a web contents on the app's page: no navigation away, no new windows, no webviews. */
export function secureWebContents(contents: WebContents, location: AppLocation): void {
  const stayOnApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, location)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link to the web opens in the person's browser; the app itself never opens a second window.
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Permissions denied by default, and the content security policy on the app's pages. */
export function secureSession(session: Session, location: AppLocation, serverUrls: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, location));
  });
  session.setPermissionCheckHandler((contents, permission, _origin, details) => {
    const requestingUrl = details.requestingUrl ?? contents?.getURL() ?? '';
    return isPermissionAllowed(permission, requestingUrl, location);
  });
  const policy = contentSecurityPolicy(location, serverUrls);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
