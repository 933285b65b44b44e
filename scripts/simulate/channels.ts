import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { io as connectSocket } from 'socket.io-client';
import type { Random } from '../../src-shared/domain/random';
import { signedCtiHeaders } from './cti-signing';
import type { SimulateOptions } from './options';
import type { SimPerson } from './people';
import { TOPICS } from './topics';

/** One simulated contact, sent through the channel's real interface; resolves when it is handed over. */
export type SendContact = (person: SimPerson, rng: Random) => Promise<void>;

const SUPPORT_ADDRESS = 'support@agentdeck.test';
const later = (ms: number, work: () => Promise<unknown>) =>
  setTimeout(() => void work().catch(() => undefined), ms).unref();

/** The phone system: a signed CTI webhook per call event, as PRODUCT.md specifies. */
export function phoneSender(options: SimulateOptions): SendContact {
  const post = async (body: object) => {
    const raw = JSON.stringify(body);
    const res = await fetch(`${options.url}/api/v1/channels/cti/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedCtiHeaders(options.ctiSecret, raw) },
      body: raw,
    });
    return res.status;
  };
  return async (person, rng) => {
    const callId = `sim-${randomUUID()}`;
    const ivr = person.customerId && rng.chance(0.5) ? { customerId: person.customerId } : undefined;
    const status = await post({ callId, event: 'call.offered', from: person.phone, to: '+18005550100', ivr });
    if (status >= 300) throw new Error(`CTI webhook answered ${status}`);
    // A caller gives up after a while if nobody answers; an answered call ends a few minutes later.
    // The server ignores whichever no longer applies.
    later(rng.int(60, 180) * 1000, () =>
      post({ callId, event: 'call.abandoned', from: person.phone, to: '+18005550100' }),
    );
    later(rng.int(120, 420) * 1000, () =>
      post({ callId, event: 'call.ended', from: person.phone, to: '+18005550100' }),
    );
  };
}

/** Customers' mail servers: real SMTP to the inbound port. */
export function emailSender(options: SimulateOptions): SendContact & { close(): void } {
  const [host, port] = options.smtp.split(':');
  const transport: Transporter = createTransport({
    host,
    port: Number(port),
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 2,
  });
  const send: SendContact = async (person, rng) => {
    const [subject, text] = rng.pick(TOPICS);
    await transport.sendMail({
      from: { name: person.name, address: person.email },
      to: SUPPORT_ADDRESS,
      subject,
      text: `Hello,\n\n${text}\n\nThanks,\n${person.name}`,
      html: `<p>Hello,</p><p>${text}</p><p>Thanks,<br>${person.name}</p>`,
    });
  };
  return Object.assign(send, { close: () => transport.close() });
}

/** The contact form on the customer's website. */
export function webFormSender(options: SimulateOptions): SendContact {
  return async (person, rng) => {
    const [subject, message] = rng.pick(TOPICS);
    const res = await fetch(`${options.url}/api/v1/channels/web/forms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: person.name,
        email: person.email,
        subject,
        message,
        customerId: person.customerId,
      }),
    });
    if (res.status >= 300) throw new Error(`web form answered ${res.status}`);
  };
}

/** A visitor on the website's chat widget: starts, writes a line or two, leaves after a while. */
export function chatSender(options: SimulateOptions): SendContact {
  return async (person, rng) => {
    const socket = connectSocket(`${options.url}/visitor`, {
      transports: ['websocket'],
      reconnection: false,
    });
    const [, text] = rng.pick(TOPICS);
    const answer = await new Promise<{ ok: boolean }>((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('connect', () =>
        socket.emit('chat:start', { name: person.name, email: person.email, message: text }, resolve),
      );
    });
    if (!answer.ok) {
      socket.disconnect();
      throw new Error('chat:start refused');
    }
    later(rng.int(10, 40) * 1000, async () => {
      socket.emit('chat:message', { body: 'Are you still there?' }, () => undefined);
    });
    later(rng.int(90, 300) * 1000, async () => {
      socket.emit('chat:leave', {}, () => socket.disconnect());
    });
  };
}
