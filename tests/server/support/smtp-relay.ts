import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface RelayAnswer {
  code: number;
  message: string;
}

export interface TestRelay {
  url: string;
  /** Messages the relay accepted, parsed, in arrival order. */
  accepted: ParsedMail[];
  /** Every DATA the relay saw, accepted or refused. */
  attempts: number;
  /** Answers for the next DATA commands, first one first; when empty the relay accepts (250). */
  refuseNext(...answers: RelayAnswer[]): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback standing in for the outbound relay. */
export async function startTestRelay(): Promise<TestRelay> {
  const queued: RelayAnswer[] = [];
  const relay: TestRelay = {
    url: '',
    accepted: [],
    attempts: 0,
    refuseNext: (...answers) => void queued.push(...answers),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        relay.attempts += 1;
        const answer = queued.shift();
        if (answer) {
          const refusal = Object.assign(new Error(answer.message), { responseCode: answer.code });
          return callback(refusal);
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            relay.accepted.push(mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  relay.url = `smtp://127.0.0.1:${port}`;
  return relay;
}
