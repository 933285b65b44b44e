import type { Channel } from '../../protocol/channels';
import type { RoutingReason } from '../../protocol/contacts';
import type { RoutingQueue } from './types';

/** What a channel knows about a new contact when it picks its queue. */
export interface IntakeInput {
  channel: Channel;
  /** The customer's language (IVR choice first), null when nobody knows it. */
  language: string | null;
  /** The queue of the case the contact continues, if any. */
  caseQueueId?: string | null | undefined;
  /** Where it was sent: email recipients (envelope), lower-case. */
  addresses?: readonly string[];
  /** The dialled number (DNIS), as E.164 where it could be read. */
  number?: string | null | undefined;
  /** The web form or chat widget it came from. */
  source?: string | null | undefined;
  /** Queues a contact never enters unless a rule names them (the expired-contract queue). */
  notByFallback?: readonly string[];
}

export type IntakeReason = Extract<
  RoutingReason,
  | 'intake_case'
  | 'intake_address'
  | 'intake_number'
  | 'intake_source'
  | 'intake_default'
  | 'intake_no_rule'
  | 'intake_language'
>;

export interface IntakeChoice {
  queueId: string;
  /** The rule that decided, then `intake_language` when the customer's language chose among several queues. */
  reasons: IntakeReason[];
}

type IntakeQueue = Pick<RoutingQueue, 'id' | 'language' | 'tier' | 'channels' | 'routing'>;

/**
 * The queue a new contact enters, the same way on every channel (docs/ROUTING.md, "Intake
 * rules"): the queue of the case it continues; else the queues whose rules name the address it
 * was sent to, the number dialled, or the form or widget it came from; else the queues that take
 * this channel's unmatched contacts; else (no rule for this channel anywhere) any tier-1 queue.
 * Among several, the lowest tier, then the customer's language, then English, then list order.
 * Null when no queue takes the channel at all.
 */
export function chooseEntryQueue(queues: readonly IntakeQueue[], input: IntakeInput): IntakeChoice | null {
  const taking = queues.filter((q) => q.channels.includes(input.channel));
  const byCase = input.caseQueueId ? taking.find((q) => q.id === input.caseQueueId) : undefined;
  if (byCase) return { queueId: byCase.id, reasons: ['intake_case'] };

  const rules: [IntakeReason, (q: IntakeQueue) => boolean][] = [
    [
      'intake_address',
      (q) => (input.addresses ?? []).some((a) => q.routing.intake.addresses.some(matches(a))),
    ],
    ['intake_number', (q) => numberMatches(q.routing.intake.numbers, input.number)],
    ['intake_source', (q) => !!input.source && q.routing.intake.sources.includes(input.source)],
    ['intake_default', (q) => q.routing.intake.defaultFor.includes(input.channel)],
  ];
  for (const [reason, rule] of rules) {
    const matched = taking.filter(rule);
    const chosen = bestFor(matched, input.language);
    if (chosen)
      return { queueId: chosen.id, reasons: [reason, ...byLanguage(matched, chosen, input.language)] };
  }
  const fallback = taking.filter((q) => !input.notByFallback?.includes(q.id));
  const firstTier = fallback.filter((q) => q.tier === 1);
  const pool = bestFor(firstTier, input.language) ? firstTier : fallback;
  const chosen = bestFor(pool, input.language);
  return chosen
    ? { queueId: chosen.id, reasons: ['intake_no_rule', ...byLanguage(pool, chosen, input.language)] }
    : null;
}

/** `intake_language` when the customer's language picked the queue among matching queues of other languages. */
function byLanguage(
  matched: readonly IntakeQueue[],
  chosen: IntakeQueue,
  language: string | null,
): IntakeReason[] {
  const sameTier = matched.filter((q) => q.tier === chosen.tier);
  const decided =
    language !== null && chosen.language === language && sameTier.some((q) => q.language !== language);
  return decided ? ['intake_language'] : [];
}

/** A rule `support@x.com` matches that address; `@x.com` matches the whole domain. */
const matches =
  (address: string) =>
  (rule: string): boolean => {
    const wanted = rule.toLowerCase();
    const given = address.toLowerCase();
    return wanted.startsWith('@') ? given.endsWith(wanted) : given === wanted;
  };

const digits = (number: string) => number.replace(/\D/g, '');

function numberMatches(rules: readonly string[], number: string | null | undefined): boolean {
  if (!number) return false;
  const dialled = digits(number);
  return dialled.length > 0 && rules.some((rule) => digits(rule) === dialled);
}

function bestFor<Q extends IntakeQueue>(candidates: Q[], language: string | null): Q | undefined {
  const lowestTier = Math.min(...candidates.map((q) => q.tier));
  const first = candidates.filter((q) => q.tier === lowestTier);
  return first.find((q) => q.language === language) ?? first.find((q) => q.language === 'en') ?? first[0];
}
