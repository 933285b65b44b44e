import { createTransport } from 'nodemailer';

export interface SmtpAnswer {
  code: number;
  response: string;
}

/** A real SMTP client (nodemailer) sending raw messages with an explicit envelope. */
export function smtpClient(port: number, connections = 1) {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
  });
  return {
    /** Sends `raw`; resolves to the server's final answer (a refusal too, never a throw). */
    async send(raw: Buffer | string, envelope: { from: string; to: string[] }): Promise<SmtpAnswer> {
      try {
        const info = await transport.sendMail({ envelope, raw });
        return { code: Number(info.response.slice(0, 3)), response: info.response };
      } catch (err) {
        const failure = err as { responseCode?: number; response?: string; message?: string };
        return { code: failure.responseCode ?? 0, response: failure.response ?? failure.message ?? '' };
      }
    },
    close: () => transport.close(),
  };
}

/** The raw_emails id the server names in its 250 answer. */
export function rawIdOf(answer: SmtpAnswer): string {
  const match = /raw_[0-9a-f-]{36}/.exec(answer.response);
  if (!match) throw new Error(`no raw id in ${answer.response}`);
  return match[0];
}
