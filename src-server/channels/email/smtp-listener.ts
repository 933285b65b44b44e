import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { ChannelDeps } from '../inbound-commit';
import { receiveEmail, type Delivery, type DeliveryResult } from './email-intake';
import { isSupportAddress } from './support-address';
import { IDLE_TIMEOUT_MS, connectionLimits, idleTimeoutMs } from './smtp-connection-limits';

/** An SMTP reply with its code, as smtp-server sends it. */
function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

export interface SmtpListener {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The bound port once listening (useful with port 0), else null. */
  port(): number | null;
}

type Deps = Pick<ChannelDeps, 'db' | 'effects' | 'config' | 'settings' | 'log'>;

/**
 * Inbound SMTP for the support mailboxes: no AUTH, no relaying (other recipients get 550), a
 * size limit (advertised, 552 over it), STARTTLS when a key and certificate are configured.
 * A message gets its 250 only once it is committed. Connections are limited per client address
 * and in all, and idle ones are closed sooner near the cap: one client holding connections open
 * cannot keep everyone else's mail out.
 */
export function createSmtpListener(deps: Deps, receive = receiveEmail): SmtpListener {
  const { config, log } = deps;
  const tls = config.smtpTls
    ? { key: readFileSync(config.smtpTls.keyFile), cert: readFileSync(config.smtpTls.certFile) }
    : null;
  const perClient = connectionLimits(config.smtpMaxConnectionsPerAddress);
  const server: SMTPServer = new SMTPServer({
    name: safeHostname(),
    banner: 'Agentdeck support mail',
    logger: false,
    authOptional: true,
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    size: config.smtpMaxBytes,
    maxClients: config.smtpMaxConnections,
    socketTimeout: IDLE_TIMEOUT_MS,
    // A client's PTR record is the client's to write, and looking it up per connection costs
    // every connection of a flood a DNS query; nothing here uses the name.
    disableReverseLookup: true,
    closeTimeout: 5_000,
    onConnect(session, callback) {
      if (!perClient.admit(session.remoteAddress, session.id)) {
        return callback(smtpError(421, '4.7.0 Too many connections from your address, try again later'));
      }
      fitIdleTimeout();
      callback();
    },
    onClose(session) {
      perClient.release(session.remoteAddress, session.id);
      fitIdleTimeout();
    },
    onRcptTo(address, _session, callback) {
      if (isSupportAddress(address.address, config.supportAddresses)) return callback();
      callback(smtpError(550, `5.7.1 Relaying denied: ${address.address.slice(0, 100)} is not served here`));
    },
    onData(stream, session, callback) {
      collect(stream, config.smtpMaxBytes)
        .then(async (raw) => {
          if (!raw) return callback(smtpError(552, '5.3.4 Message exceeds fixed maximum message size'));
          const result = await receive(deps, deliveryOf(raw, session));
          logResult(log, result, raw.length);
          if (!result.accepted)
            return callback(smtpError(554, '5.6.0 Message could not be parsed; kept for review'));
          callback(null, `2.0.0 Accepted ${result.rawEmailId ?? 'already received'}`);
        })
        .catch((err: unknown) => {
          log.error({ err, remote: session.remoteAddress }, 'inbound email could not be stored');
          callback(smtpError(451, '4.3.0 Temporary failure storing the message, try again later'));
        });
    },
  });
  server.on('error', (err) => log.warn({ err }, 'SMTP connection error'));

  /** Near the cap, idle connections get less time (open ones are re-armed), and full time again after. */
  function fitIdleTimeout(): void {
    const timeout = idleTimeoutMs(server.connections.size, config.smtpMaxConnections);
    if (server.options.socketTimeout === timeout) return;
    server.options.socketTimeout = timeout;
    for (const connection of server.connections) connection._socket.setTimeout(timeout);
    log.info({ open: server.connections.size, idleTimeoutMs: timeout }, 'inbound SMTP idle timeout changed');
  }

  return {
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.smtpPort, config.host, () => {
          server.server.off('error', reject);
          resolve();
        });
      });
      log.info({ port: this.port(), host: config.host }, 'inbound SMTP listening');
    },
    async stop() {
      if (!server.server.listening) return;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    port() {
      const address = server.server.address();
      return typeof address === 'object' && address ? address.port : null;
    },
  };
}

/** The message bytes, or null once they pass `maxBytes` (the rest is read and dropped). */
function collect(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () =>
      resolve(size > maxBytes || stream.sizeExceeded ? null : Buffer.concat(chunks, size)),
    );
  });
}

function deliveryOf(raw: Buffer, session: SMTPServerSession): Delivery {
  const mailFrom = session.envelope.mailFrom;
  return {
    raw,
    mailFrom: mailFrom ? mailFrom.address : '',
    rcptTo: session.envelope.rcptTo.map((r) => r.address),
    remoteAddress: session.remoteAddress,
  };
}

function logResult(log: Deps['log'], result: DeliveryResult, size: number): void {
  const entry = { outcome: result.outcome, raw: result.rawEmailId, case: result.caseId, size };
  if (result.accepted) log.info(entry, 'inbound email');
  else log.warn(entry, 'inbound email could not be parsed');
}

function safeHostname(): string {
  const name = hostname().trim();
  return /^[a-z0-9.-]{1,253}$/i.test(name) ? name : 'agentdeck.local';
}
