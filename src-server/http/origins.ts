import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config';

/** The Electron console loads from file://, whose requests carry this origin. */
const ELECTRON_ORIGINS = ['file://', 'null'];

/** Origins allowed to call the API from a browser and to open console sockets. */
export function isAllowedOrigin(
  origin: string | undefined,
  config: Pick<Config, 'allowedOrigins' | 'httpPort'>,
): boolean {
  if (origin === undefined) return true; // not a browser: native clients, CLIs, webhooks
  if (ELECTRON_ORIGINS.includes(origin) || config.allowedOrigins.includes(origin)) return true;
  try {
    const url = new URL(origin);
    // The server's own pages, on whatever host name the person typed.
    return url.port === String(config.httpPort) && (url.protocol === 'http:' || url.protocol === 'https:');
  } catch {
    return false;
  }
}

/** CORS for allowed origins only; preflights answered without touching any route. */
export function installCors(app: FastifyInstance, config: Config): void {
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin === undefined || !isAllowedOrigin(origin, config)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'origin');
    if (req.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET,POST,PUT,PATCH,DELETE')
        .header('access-control-allow-headers', 'authorization,content-type')
        .header('access-control-max-age', '600')
        .status(204)
        .send();
    }
  });
}
