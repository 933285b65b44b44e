import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * The demo chat widget page: its own script and style, the socket.io client from our own
 * node_modules (no CDN), and a policy that lets the page talk only back to this server. Any site
 * may frame it: it carries no staff authority.
 */
export const WIDGET_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const WIDGET_DIR = join(import.meta.dirname, 'widget');

interface WidgetFile {
  path: string;
  type: string;
  read: () => Buffer;
}

const FILES: WidgetFile[] = [
  {
    path: '/widget/',
    type: 'text/html; charset=utf-8',
    read: () => readFileSync(join(WIDGET_DIR, 'index.html')),
  },
  {
    path: '/widget/widget.js',
    type: 'text/javascript; charset=utf-8',
    read: () => readFileSync(join(WIDGET_DIR, 'widget.js')),
  },
  {
    path: '/widget/widget.css',
    type: 'text/css; charset=utf-8',
    read: () => readFileSync(join(WIDGET_DIR, 'widget.css')),
  },
  {
    path: '/widget/socket.io.min.js',
    type: 'text/javascript; charset=utf-8',
    read: () => readFileSync(socketIoClientBundle()),
  },
];

/** The browser bundle socket.io-client ships (its package exports do not name it, so from its root). */
function socketIoClientBundle(): string {
  const entry = createRequire(import.meta.url).resolve('socket.io-client');
  const name = 'socket.io-client';
  return join(entry.slice(0, entry.lastIndexOf(name) + name.length), 'dist', 'socket.io.min.js');
}

export function registerWidgetFiles(http: FastifyInstance): void {
  for (const file of FILES) {
    let cached: Buffer | null = null;
    http.get(file.path, { schema: { hide: true } }, async (_req, reply) => {
      cached ??= file.read();
      return reply
        .header('content-security-policy', WIDGET_CONTENT_SECURITY_POLICY)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-cache')
        .type(file.type)
        .send(cached);
    });
  }
  http.get('/widget', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/widget/'));
}
