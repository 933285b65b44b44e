import type { AppLocation } from './app-location';

function webSocketOrigin(origin: URL): string {
  return `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
}

/**
 * The console's Content-Security-Policy: its own scripts only, network traffic only to the
 * configured servers (HTTP and WebSocket), no plugins, no frames. Mantine injects `<style>` tags,
 * hence 'unsafe-inline' for styles. The Vite dev server adds an inline React-refresh preamble
 * and an HMR socket, so dev (never a packaged app) also allows those.
 */
export function contentSecurityPolicy(location: AppLocation, serverUrls: readonly string[]): string {
  const servers = serverUrls.map((url) => new URL(url));
  const serverSources = servers.flatMap((url) => [url.origin, webSocketOrigin(url)]);
  const scriptSources = ["'self'"];
  const devSources: string[] = [];
  if (location.kind === 'dev') {
    const devOrigin = new URL(location.url);
    scriptSources.push("'unsafe-inline'");
    devSources.push(devOrigin.origin, webSocketOrigin(devOrigin));
  }
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': scriptSources,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...servers.map((url) => url.origin)],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'data:', 'blob:'],
    'connect-src': ["'self'", ...serverSources, ...devSources],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}
