/**
 * Pure rules for threading an agent's email reply: its subject, its Message-ID and the
 * In-Reply-To / References chain (RFC 5322 §3.6.4), so the customer's mail program files it
 * under the conversation and an answer to it finds the case again by its `[#number]` tag.
 */

/** Leading "Re:", "RE:", "Fwd:", "AW:", "Antw:", "SV:", "RV:" … (any number, any case) a subject already carries. */
const REPLY_PREFIX = /^\s*(?:re|fwd?|aw|antw|sv|rv|wg|tr)\s*(?:\[\d+\])?\s*:\s*/i;
/** A case tag such as `[#1234]` anywhere in the subject. */
const CASE_TAG = /\s*\[#\d+\]\s*/g;

/** The subject without reply prefixes and case tags: what the conversation is about. */
export function baseSubject(subject: string): string {
  let rest = subject.replace(CASE_TAG, ' ');
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(REPLY_PREFIX, '');
  }
  return rest.replace(/\s+/g, ' ').trim();
}

/** `Re: <subject> [#<case number>]`, never stacking prefixes or case tags. */
export function replySubject(subject: string, caseNumber: number): string {
  const base = baseSubject(subject);
  return `Re: ${base ? `${base} ` : ''}[#${caseNumber}]`;
}

/** `<id@domain>`, the domain taken from the From address (`Support <help@example.com>` works too). */
export function newMessageId(id: string, mailFrom: string): string {
  return `<${id}@${domainOf(mailFrom) ?? 'agentdeck.invalid'}>`;
}

/** The domain of the last address in a From value, lower-cased; null when it names none. */
export function domainOf(address: string): string | null {
  const match = /@([a-z0-9.-]+)>?\s*$/i.exec(address.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** The bare address of a From value (`Support <help@example.com>` → `help@example.com`). */
export function bareAddress(address: string): string {
  const angled = /<([^<>\s]+)>\s*$/.exec(address);
  return (angled?.[1] ?? address).trim();
}

/** Longest References kept: mail programs cope, but a runaway thread should not grow without end. */
const MAX_REFERENCES = 20;

/**
 * What a reply to `answered` carries: In-Reply-To is its Message-ID; References is its own
 * References followed by its Message-ID (deduplicated, oldest first, the first one kept when trimmed).
 */
export function replyThreading(
  answered: { messageId: string | null; references: readonly string[] } | null,
): { inReplyTo: string | null; references: string[] } {
  if (!answered?.messageId) return { inReplyTo: null, references: [...new Set(answered?.references ?? [])] };
  const chain = [...new Set([...answered.references, answered.messageId])];
  const references =
    chain.length > MAX_REFERENCES ? [chain[0]!, ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  return { inReplyTo: answered.messageId, references };
}
