import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PhoneRegionSchema, type PhoneRegion } from '../../src-shared/domain/phone';

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
  AGENTDECK_SUPPORT_ADDRESSES: list.default(['support@agentdeck.test', 'sales@agentdeck.test']),
  AGENTDECK_SMTP_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  AGENTDECK_SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(200),
  AGENTDECK_SMTP_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  AGENTDECK_SMTP_TLS_KEY: z.string().optional(),
  AGENTDECK_SMTP_TLS_CERT: z.string().optional(),
  AGENTDECK_SMTP_RELAY_URL: z.url().optional(),
  AGENTDECK_MAIL_FROM: z.string().optional(),
  AGENTDECK_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  AGENTDECK_CTI_SECRET: z.string().optional(),
  AGENTDECK_CTI_CALLBACK_URL: z.url().optional(),
  AGENTDECK_CTI_LEGACY_SIGNATURES: boolFlag.default(false),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_API_URL: z.url().default('https://api.twilio.com'),
  AGENTDECK_PUBLIC_URL: z.url().optional(),
  AGENTDECK_WEB_FORM_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  AGENTDECK_SURVEY_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  AGENTDECK_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  AGENTDECK_SOCKET_EVENT_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  AGENTDECK_USER_EVENT_RATE_LIMIT: z.coerce.number().int().min(1).default(40),
  AGENTDECK_CHAT_LINE_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT: z.coerce.number().int().min(1).default(40),
  AGENTDECK_RENDERER_DIR: z.string().default('out/renderer'),
  AGENTDECK_EXPIRED_CONTRACT_QUEUE: z.string().min(1).max(64).default('q_inside_sales'),
  AGENTDECK_COACHING_DISPUTE_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  AGENTDECK_PHONE_REGION: PhoneRegionSchema.default('US'),
  AGENTDECK_PRESENCE_GRACE_S: z.coerce.number().int().min(1).max(3600).default(30),
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
  /** Mailboxes (or whole domains as `@example.com`) inbound SMTP accepts mail for; others are refused. */
  supportAddresses: string[];
  /** Largest message inbound SMTP accepts, in bytes. */
  smtpMaxBytes: number;
  /** Open inbound SMTP connections, all clients together. */
  smtpMaxConnections: number;
  /** Open inbound SMTP connections per client address (an IPv6 client: per /64). */
  smtpMaxConnectionsPerAddress: number;
  /** PEM files; with both, inbound SMTP offers STARTTLS. */
  smtpTls: { keyFile: string; certFile: string } | undefined;
  /** Where replies are sent (smtp:// or smtps://); unset: written as .eml files under the data directory. */
  smtpRelayUrl: string | undefined;
  /** The From of replies (default: the first support address). */
  mailFrom: string;
  /** Largest attachment kept, in bytes; larger ones are recorded by name and size only. */
  attachmentMaxBytes: number;
  ctiSecret: string | undefined;
  /** Where call controls for the generic CTI are POSTed, signed like its webhooks. */
  ctiCallbackUrl: string | undefined;
  /** Also take body-only CTI signatures without a timestamp (a migration aid, replayable; off by default). */
  ctiLegacySignatures: boolean;
  twilioAuthToken: string | undefined;
  twilioAccountSid: string | undefined;
  /** Base of Twilio's REST API (a test points it at a local server). */
  twilioApiUrl: string;
  /** The server's address as the outside world calls it (Twilio signs the URL it called). */
  publicUrl: string | undefined;
  /** Web form submissions per minute per client address. */
  webFormRateLimit: number;
  /** Survey page requests (open and answer) per minute per client address. */
  surveyRateLimit: number;
  /** Login attempts per minute per client address and username. */
  loginRateLimit: number;
  /** Console socket events per second per socket. */
  socketEventRateLimit: number;
  /** Console socket events per second per user, all their sockets on all nodes together. */
  userEventRateLimit: number;
  /** Visitor chat lines per 10 seconds per conversation. */
  chatLineRateLimit: number;
  /** Visitor chat lines per 10 seconds per client address (an IPv6 client: per /64), all its chats together. */
  chatAddressLineRateLimit: number;
  /** Where contacts of customers whose maintenance contract has expired go (when that queue exists). */
  expiredContractQueueId: string;
  /** Days after an evaluation's release in which its agent may dispute it. */
  coachingDisputeDays: number;
  /** Numbering plan that national phone numbers (no + or international prefix) are read in. */
  phoneRegion: PhoneRegion;
  /** Seconds an agent whose consoles all disconnected stays in routing before going Offline. */
  presenceGraceSeconds: number;
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
    supportAddresses: e.AGENTDECK_SUPPORT_ADDRESSES.map((a) => a.toLowerCase()),
    smtpMaxBytes: e.AGENTDECK_SMTP_MAX_BYTES,
    smtpMaxConnections: e.AGENTDECK_SMTP_MAX_CONNECTIONS,
    smtpMaxConnectionsPerAddress: e.AGENTDECK_SMTP_MAX_CONNECTIONS_PER_ADDRESS,
    smtpTls:
      e.AGENTDECK_SMTP_TLS_KEY && e.AGENTDECK_SMTP_TLS_CERT
        ? { keyFile: e.AGENTDECK_SMTP_TLS_KEY, certFile: e.AGENTDECK_SMTP_TLS_CERT }
        : undefined,
    smtpRelayUrl: e.AGENTDECK_SMTP_RELAY_URL,
    mailFrom: e.AGENTDECK_MAIL_FROM ?? e.AGENTDECK_SUPPORT_ADDRESSES[0] ?? 'support@agentdeck.test',
    attachmentMaxBytes: e.AGENTDECK_ATTACHMENT_MAX_BYTES,
    ctiSecret: e.AGENTDECK_CTI_SECRET,
    ctiCallbackUrl: e.AGENTDECK_CTI_CALLBACK_URL,
    ctiLegacySignatures: e.AGENTDECK_CTI_LEGACY_SIGNATURES,
    twilioAuthToken: e.TWILIO_AUTH_TOKEN,
    twilioAccountSid: e.TWILIO_ACCOUNT_SID,
    twilioApiUrl: e.TWILIO_API_URL,
    publicUrl: e.AGENTDECK_PUBLIC_URL,
    webFormRateLimit: e.AGENTDECK_WEB_FORM_RATE_LIMIT,
    surveyRateLimit: e.AGENTDECK_SURVEY_RATE_LIMIT,
    loginRateLimit: e.AGENTDECK_LOGIN_RATE_LIMIT,
    socketEventRateLimit: e.AGENTDECK_SOCKET_EVENT_RATE_LIMIT,
    userEventRateLimit: e.AGENTDECK_USER_EVENT_RATE_LIMIT,
    chatLineRateLimit: e.AGENTDECK_CHAT_LINE_RATE_LIMIT,
    chatAddressLineRateLimit: e.AGENTDECK_CHAT_ADDRESS_LINE_RATE_LIMIT,
    expiredContractQueueId: e.AGENTDECK_EXPIRED_CONTRACT_QUEUE,
    coachingDisputeDays: e.AGENTDECK_COACHING_DISPUTE_DAYS,
    phoneRegion: e.AGENTDECK_PHONE_REGION,
    presenceGraceSeconds: e.AGENTDECK_PRESENCE_GRACE_S,
    rendererDir: resolve(e.AGENTDECK_RENDERER_DIR),
    logLevel: e.AGENTDECK_LOG_LEVEL,
  };
}
