import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Socket } from 'socket.io-client';
import { signedCtiHeaders } from '../scripts/simulate/cti-signing';
import { inboundSmtpPort } from '../src-server/channels/email/email-in.channel';
import type { Contact } from '../src-shared/protocol/contacts';
import { SOCKET_EVENTS } from '../src-shared/protocol/socket-events';
import type { SyncEvent } from '../src-shared/protocol/sync';
import { startTestServer, type DatabaseKind, type TestServer } from '../tests/server/support/test-server';
import { percentile, pool, progress, type BenchRow } from './harness';

const CTI_SECRET = 'bench-cti-secret-bench-cti-secret';

export interface ChannelSizes {
  /** Signed webhooks posted as fast as `concurrency` allows. */
  webhooks: number;
  /** Emails sent over SMTP. */
  emails: number;
  /** Calls offered one at a time to measure webhook → offer. */
  offers: number;
  concurrency: number;
}

/** Inbound channels under load: webhooks and emails per second, and webhook → offer on the agent's socket. */
export async function channelIntake(
  kind: DatabaseKind,
  options: ChannelSizes & { floorP50: number; databaseUrl?: string },
): Promise<BenchRow[]> {
  const server = await startTestServer({
    kind,
    databaseUrl: options.databaseUrl,
    env: { AGENTDECK_CTI_SECRET: CTI_SECRET },
  });
  const row = (metric: string, values: number[], extra: string): BenchRow => ({
    bench: `channels (${kind})`,
    metric,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    ratio: percentile(values, 50) / options.floorP50,
    extra,
  });
  try {
    const offer = await webhookToOffer(server, options.offers);
    const hooks = await webhookThroughput(server, options.webhooks, options.concurrency);
    const mail = await emailThroughput(server, options.emails, Math.min(4, options.concurrency));
    return [
      row(
        'CTI webhook → offer on the agent socket',
        offer,
        `${options.offers} calls, one at a time, agent answers each`,
      ),
      row(
        'CTI webhook call.offered → 200',
        hooks.latencies,
        `${hooks.perSecond.toFixed(0)} webhooks/s at ${options.concurrency} concurrent`,
      ),
      row(
        'email over SMTP → 250 (stored, threaded, routed)',
        mail.latencies,
        `${mail.perSecond.toFixed(0)} emails/s over 4 SMTP connections`,
      ),
    ];
  } finally {
    await server.close();
  }
}

function postCti(server: TestServer, body: object): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(`${server.url}/api/v1/channels/cti/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedCtiHeaders(CTI_SECRET, raw) },
    body: raw,
  });
}

const callerNumber = (n: number) => `+1415${String(5_000_000 + n).padStart(7, '0')}`;

function nextOffer(socket: Socket, from: string): Promise<Contact> {
  return new Promise((resolve) => {
    const listener = (event: SyncEvent) => {
      if (
        event.type !== 'contact.changed' ||
        event.payload.status !== 'offered' ||
        event.payload.from !== from
      )
        return;
      socket.off(SOCKET_EVENTS.syncEvent, listener);
      resolve(event.payload);
    };
    socket.on(SOCKET_EVENTS.syncEvent, listener);
  });
}

async function command(socket: Socket, type: string, payload: object): Promise<void> {
  const answer = (await socket.emitWithAck(SOCKET_EVENTS.command, {
    commandId: randomUUID(),
    type,
    payload,
  })) as {
    ok: boolean;
    error?: unknown;
  };
  if (!answer.ok) throw new Error(`${type}: ${JSON.stringify(answer.error)}`);
}

/** One Available agent; each call is offered, answered, ended by the caller and wrapped up. */
async function webhookToOffer(server: TestServer, calls: number): Promise<number[]> {
  const ana = await server.connect('ana');
  await command(ana, 'agent:set-state', { state: 'available' });
  const latencies: number[] = [];
  const bar = progress('webhook → offer', calls);
  for (let i = 0; i < calls; i++) {
    const from = callerNumber(i);
    const callId = `bench-offer-${i}-${randomUUID()}`;
    const offered = nextOffer(ana, from);
    const start = performance.now();
    const res = await postCti(server, { callId, event: 'call.offered', from, to: '+18005550100' });
    if (!res.ok) throw new Error(`call.offered answered ${res.status}: ${await res.text()}`);
    const contact = await offered;
    latencies.push(performance.now() - start);
    await command(ana, 'contact:accept', { contactId: contact.id });
    const ended = await postCti(server, { callId, event: 'call.ended', from, to: '+18005550100' });
    if (!ended.ok) throw new Error(`call.ended answered ${ended.status}`);
    await command(ana, 'contact:complete-wrap-up', { contactId: contact.id });
    bar.tick();
  }
  bar.done();
  ana.disconnect();
  return latencies;
}

async function webhookThroughput(server: TestServer, count: number, concurrency: number) {
  const bar = progress('CTI webhooks', count);
  const started = performance.now();
  const latencies = await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const start = performance.now();
      const res = await postCti(server, {
        callId: `bench-load-${i}-${randomUUID()}`,
        event: 'call.offered',
        from: callerNumber(100_000 + i),
        to: '+18005550100',
      });
      if (!res.ok) throw new Error(`call.offered answered ${res.status}`);
      bar.tick();
      return performance.now() - start;
    },
  );
  bar.done();
  return { latencies, perSecond: count / ((performance.now() - started) / 1000) };
}

async function emailThroughput(server: TestServer, count: number, connections: number) {
  const transport = createTransport({
    host: '127.0.0.1',
    port: inboundSmtpPort(server.app.channels),
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
  });
  const bar = progress('emails over SMTP', count);
  const started = performance.now();
  try {
    const latencies = await pool(
      Array.from({ length: count }, (_, i) => i),
      connections,
      async (i) => {
        const start = performance.now();
        await transport.sendMail({
          from: `Sender ${i} <sender${i}@bench.example>`,
          to: 'support@agentdeck.test',
          subject: `Bench message ${i}`,
          text: `Hello, this is message ${i}.\n\nRegards`,
          html: `<p>Hello, this is <b>message ${i}</b>.</p><p>Regards</p>`,
        });
        bar.tick();
        return performance.now() - start;
      },
    );
    bar.done();
    return { latencies, perSecond: count / ((performance.now() - started) / 1000) };
  } finally {
    transport.close();
  }
}
