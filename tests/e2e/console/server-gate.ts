import type { BrowserContext, WebSocketRoute } from '@playwright/test';

/**
 * Puts a switch between one browser context's console and the server: its socket and its API
 * calls. Chromium's offline mode leaves an open WebSocket alone and also blocks loading the page
 * itself, so "the network is down" is made here as well: the open socket is cut, new sockets and
 * API calls are refused. A spec that reloads while cut turns the browser's offline mode back off
 * first, so the page (the desktop app's local files) still loads.
 */
export interface ServerGate {
  cut(): Promise<void>;
  restore(): Promise<void>;
}

export async function gateServer(context: BrowserContext): Promise<ServerGate> {
  let isReachable = true;
  const openSockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/socket\.io/, (ws) => {
    if (!isReachable) return void ws.close();
    ws.connectToServer();
    openSockets.push(ws);
  });
  return {
    async cut() {
      isReachable = false;
      await context.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
      // The browser says it is offline too, as it does when Wi-Fi drops: the console stops dialling.
      await context.setOffline(true);
      for (const ws of openSockets.splice(0)) await ws.close();
    },
    async restore() {
      isReachable = true;
      await context.unroute('**/api/v1/**');
      await context.setOffline(false);
    },
  };
}
