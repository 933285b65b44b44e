import { connect, type Socket } from 'node:net';

/** A bare SMTP conversation over a socket, for what a well-behaved client never does. */
export async function smtpSession(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let buffer = '';
  const waiting: (() => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    for (const wake of waiting.splice(0)) wake();
  });
  socket.on('error', () => undefined);

  /** The next complete reply (last line `NNN text`), waiting for it as long as needed. */
  async function reply(): Promise<string> {
    for (;;) {
      const end = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(buffer);
      if (end) {
        const text = buffer.slice(0, end.index + end[0].length);
        buffer = buffer.slice(text.length);
        return text;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const banner = await reply();
  return {
    banner,
    async command(line: string | Buffer): Promise<string> {
      socket.write(typeof line === 'string' ? `${line}\r\n` : line);
      return reply();
    },
    write(data: string | Buffer) {
      socket.write(data);
    },
    drop() {
      socket.destroy();
    },
    async quit() {
      socket.end('QUIT\r\n');
    },
  };
}
