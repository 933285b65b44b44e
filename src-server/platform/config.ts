import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';

const boolFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Every setting the server reads from the environment. README.md lists them for people. */
const Env = z.object({
  AGENTDECK_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(7400),
  AGENTDECK_HOST: z.string().default('0.0.0.0'),
  AGENTDECK_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  AGENTDECK_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  AGENTDECK_JWT_SECRET: z.string().min(32).optional(),
  AGENTDECK_DEMO_SEED: boolFlag.optional(),
  AGENTDECK_ALLOWED_ORIGINS: list.default([]),
  AGENTDECK_SUPPORT_ADDRESSES: list.default(['support@agentdeck.test']),
  AGENTDECK_CTI_SECRET: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  AGENTDECK_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  AGENTDECK_RENDERER_DIR: z.string().default('out/renderer'),
  AGENTDECK_EXPIRED_CONTRACT_QUEUE: z.string().min(1).max(64).default('q_inside_sales'),
  AGENTDECK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  httpPort: number;
  host: string;
  smtpPort: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  jwtSecret: Uint8Array;
  /** Seed demo data into an empty database. Default: on for the embedded database only. */
  demoSeed: boolean;
  /** Browser origins (besides the server's own and the Electron app) allowed to call the API and open sockets. */
  allowedOrigins: string[];
  supportAddresses: string[];
  ctiSecret: string | undefined;
  twilioAuthToken: string | undefined;
  /** Login attempts per minute per client address and username. */
  loginRateLimit: number;
  /** Where contacts of customers whose maintenance contract has expired go (when that queue exists). */
  expiredContractQueueId: string;
  rendererDir: string;
  logLevel: z.infer<typeof Env>['AGENTDECK_LOG_LEVEL'];
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.AGENTDECK_JWT_SECRET) {
    throw new Error(
      'Invalid settings:\n  AGENTDECK_JWT_SECRET: required with DATABASE_URL (every node must sign tokens alike)',
    );
  }
  return {
    httpPort: e.AGENTDECK_HTTP_PORT,
    host: e.AGENTDECK_HOST,
    smtpPort: e.AGENTDECK_SMTP_PORT,
    dataDir: resolve(e.AGENTDECK_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    jwtSecret: e.AGENTDECK_JWT_SECRET ? new TextEncoder().encode(e.AGENTDECK_JWT_SECRET) : randomBytes(32),
    demoSeed: e.AGENTDECK_DEMO_SEED ?? !e.DATABASE_URL,
    allowedOrigins: e.AGENTDECK_ALLOWED_ORIGINS,
    supportAddresses: e.AGENTDECK_SUPPORT_ADDRESSES,
    ctiSecret: e.AGENTDECK_CTI_SECRET,
    twilioAuthToken: e.TWILIO_AUTH_TOKEN,
    loginRateLimit: e.AGENTDECK_LOGIN_RATE_LIMIT,
    expiredContractQueueId: e.AGENTDECK_EXPIRED_CONTRACT_QUEUE,
    rendererDir: resolve(e.AGENTDECK_RENDERER_DIR),
    logLevel: e.AGENTDECK_LOG_LEVEL,
  };
}
