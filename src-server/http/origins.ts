import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config';

/** The Electron console loads from file://, whose requests carry this origin. */
const ELECTRON_ORIGIN = 'file://';

/** Addresses meaning "every interface" or this machine: the console is then served on loopback names. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const ANY_OR_LOOPBACK = new Set(['0.0.0.0', '::', '', ...LOOPBACK_NAMES, '::1']);

type OriginConfig = Pick<Config, 'allowedOrigins' | 'httpPort' | 'host' | 'publicUrl'>;

/** `scheme://host[:port]` as browsers send it, or null for what is not an http(s) origin. */
function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins allowed, exactly: the server as it serves itself (http on its port, by the loopback
 * names and the address it listens on), its public address (AGENTDECK_PUBLIC_URL), the desktop
 * app, and AGENTDECK_ALLOWED_ORIGINS. Not "any host on our port": a page on
 * `http://evil.test:<port>` (DNS rebinding) or a sandboxed frame (`null`) is a stranger.
 */
export function allowedOrigins(config: OriginConfig): Set<string> {
  const hosts = ANY_OR_LOOPBACK.has(config.host)
    ? LOOPBACK_NAMES
    : [...LOOPBACK_NAMES, config.host.includes(':') ? `[${config.host}]` : config.host];
  const served = hosts.map((host) => originOf(`http://${host}:${config.httpPort}`));
  const configured = [config.publicUrl, ...config.allowedOrigins].map((o) => (o ? originOf(o) : null));
  const origins = new Set([ELECTRON_ORIGIN, ...config.allowedOrigins]);
  for (const origin of [...served, ...configured]) if (origin) origins.add(origin);
  origins.delete('null');
  return origins;
}

const cached = new WeakMap<OriginConfig, Set<string>>();

/** Origins allowed to call the API from a browser and to open console sockets. */
export function isAllowedOrigin(origin: string | undefined, config: OriginConfig): boolean {
  if (origin === undefined) return true; // not a browser: native clients, CLIs, webhooks
  let origins = cached.get(config);
  if (!origins) {
    origins = allowedOrigins(config);
    cached.set(config, origins);
  }
  return origins.has(origin) || origins.has(originOf(origin) ?? '');
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
