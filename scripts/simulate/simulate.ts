// `npm run simulate -- --rate 2`: demo traffic on every channel through the real interfaces
// (signed CTI webhooks, SMTP, web forms, visitor sockets) against a running server.
import { createRandom } from '../../src-shared/domain/random';
import { chatSender, emailSender, phoneSender, webFormSender, type SendContact } from './channels';
import { parseArgs, type SimChannel } from './options';
import { knownCustomers, stranger } from './people';

let options;
try {
  options = parseArgs(process.argv.slice(2), process.env);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
const rng = createRandom(options.seed);
const email = emailSender(options);
const senders: Record<SimChannel, SendContact> = {
  phone: phoneSender(options),
  email,
  web: webFormSender(options),
  chat: chatSender(options),
};
const mix = Object.entries(options.mix).filter(([, w]) => (w ?? 0) > 0) as [SimChannel, number][];
if (mix.length === 0) throw new Error('--mix gives every channel weight 0');

const customers = await knownCustomers(options.url);
const sent: Record<SimChannel, number> = { phone: 0, email: 0, web: 0, chat: 0 };
let failed = 0;
let lastError = '';
const started = Date.now();

function showProgress(): void {
  const counts = (Object.keys(sent) as SimChannel[]).map((c) => `${c} ${sent[c]}`).join(' · ');
  const elapsed = Math.round((Date.now() - started) / 1000);
  const tail = failed > 0 ? ` · failed ${failed} (${lastError})` : '';
  const line = `  ${elapsed}s · ${counts}${tail}`;
  process.stdout.write(process.stdout.isTTY ? `\r${line.padEnd(100)}` : `${line}\n`);
}

process.stdout.write(
  `Simulating ${options.rate} contacts/s on ${mix.map(([c]) => c).join(', ')} against ${options.url} (SMTP ${options.smtp}); ` +
    `${customers.length > 0 ? `${customers.length} known customers and strangers` : 'strangers only'}. Ctrl-C stops.\n`,
);

const tick = setInterval(() => {
  const channel = rng.weighted(mix);
  const person = customers.length > 0 && rng.chance(0.7) ? rng.pick(customers) : stranger(rng);
  senders[channel](person, rng.fork(`${channel}-${Date.now()}`))
    .then(() => sent[channel]++)
    .catch((err: unknown) => {
      failed++;
      lastError = `${channel}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 80);
    });
}, 1000 / options.rate);
const progress = setInterval(showProgress, process.stdout.isTTY ? 1000 : 10_000);

const stop = () => {
  clearInterval(tick);
  clearInterval(progress);
  showProgress();
  process.stdout.write('\n');
  email.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (options.duration > 0) setTimeout(stop, options.duration * 1000);
