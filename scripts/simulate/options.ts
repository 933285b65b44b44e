import { z } from 'zod';

/** `npm run simulate -- --rate 2 [--url …] [--smtp host:port] [--duration s] [--seed n] [--mix phone=40,email=30,web=15,chat=15]` */
export const SimulateOptions = z.object({
  url: z.url().default('http://127.0.0.1:7400'),
  smtp: z
    .string()
    .regex(/^[^:]+:\d+$/, 'host:port')
    .default('127.0.0.1:2525'),
  rate: z.coerce.number().positive().max(1000).default(2),
  /** Seconds; 0 runs until stopped. */
  duration: z.coerce.number().nonnegative().default(0),
  seed: z.coerce.number().int().default(7),
  mix: z
    .string()
    .default('phone=40,email=30,web=15,chat=15')
    .transform((s, ctx) => {
      const weights: Record<string, number> = {};
      for (const part of s.split(',')) {
        const [name, value] = part.split('=');
        const weight = Number(value);
        if (!name || !['phone', 'email', 'web', 'chat'].includes(name) || !(weight >= 0)) {
          ctx.addIssue({
            code: 'custom',
            message: `bad mix entry "${part}" (channels: phone, email, web, chat)`,
          });
          return z.NEVER;
        }
        weights[name] = weight;
      }
      return weights as Partial<Record<SimChannel, number>>;
    }),
  ctiSecret: z.string().min(1).default('agentdeck-demo-cti-secret'),
});
export type SimulateOptions = z.infer<typeof SimulateOptions>;
export type SimChannel = 'phone' | 'email' | 'web' | 'chat';

/** `--name value` and `--name=value` pairs; the CTI secret also from AGENTDECK_CTI_SECRET. */
export function parseArgs(argv: string[], env: Record<string, string | undefined>): SimulateOptions {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2);
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i++;
    if (name && value !== undefined) raw[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = value;
  }
  if (!raw.ctiSecret && env.AGENTDECK_CTI_SECRET) raw.ctiSecret = env.AGENTDECK_CTI_SECRET;
  const parsed = SimulateOptions.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}
