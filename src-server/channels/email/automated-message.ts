/** Mail no person wrote: a delivery report, or an out-of-office / auto-responder / list message. */
export type AutomatedKind = 'bounce' | 'auto_reply';

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const DAEMON_SENDERS = /^(?:mailer-daemon|postmaster|mail-daemon|mailer_daemon)@/i;

/**
 * Whether a message was sent by a machine rather than a person, so it must never open a case
 * nor be answered (RFC 3834 and the headers real auto-responders use). Loop protection for
 * inbound and outbound alike. `headers`: a header map (mailparser's, lower- or any-case keys)
 * or a plain object; `envelopeFrom`: the SMTP MAIL FROM, '' for the null sender `<>`.
 */
export function isAutomatedMessage(headers: unknown, envelopeFrom?: string | null): boolean {
  return automatedKind(headers, envelopeFrom) !== null;
}

/** Which kind of automated message this is, or null when a person wrote it. */
export function automatedKind(headers: unknown, envelopeFrom?: string | null): AutomatedKind | null {
  const header = headerReader(headers);
  const contentType = header('content-type').toLowerCase();
  const from = header('from').toLowerCase();
  if (/^\s*multipart\/report\b/.test(contentType)) return 'bounce';
  if (header('x-failed-recipients')) return 'bounce';
  if (DAEMON_SENDERS.test(bareAddressOf(from)) || /(?:^|[\s<"])mailer-daemon\b/.test(from)) return 'bounce';
  if (envelopeFrom !== undefined && envelopeFrom !== null && DAEMON_SENDERS.test(envelopeFrom.trim())) {
    return 'bounce';
  }

  const autoSubmitted = firstToken(header('auto-submitted'));
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_reply';
  if (header('x-autoreply') || header('x-autorespond') || header('x-autoresponder')) return 'auto_reply';
  if (BULK_PRECEDENCE.has(firstToken(header('precedence')))) return 'auto_reply';
  const suppress = header('x-auto-response-suppress')
    .toLowerCase()
    .split(/[\s,]+/);
  if (suppress.includes('oof') || suppress.includes('all')) return 'auto_reply';
  if (header('list-id') || header.listId()) return 'auto_reply';
  if (envelopeFrom !== undefined && envelopeFrom !== null && envelopeFrom.trim() === '') return 'bounce';
  return null;
}

function firstToken(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function bareAddressOf(from: string): string {
  const angled = /<([^<>]*)>/.exec(from);
  return (angled?.[1] ?? from).trim();
}

/** Reads one header as text, whatever shape the map holds it in (string, list, parsed object). */
function headerReader(headers: unknown): ((name: string) => string) & { listId(): boolean } {
  const entries = new Map<string, unknown>();
  if (headers instanceof Map) {
    for (const [key, value] of headers as Map<unknown, unknown>) {
      if (typeof key === 'string') entries.set(key.toLowerCase(), value);
    }
  } else if (typeof headers === 'object' && headers !== null) {
    for (const [key, value] of Object.entries(headers)) entries.set(key.toLowerCase(), value);
  }
  const read = (name: string) => headerText(entries.get(name)).trim();
  // mailparser gathers List-* headers into one `list` object: { id: {...}, unsubscribe: {...} }.
  const list = entries.get('list');
  const listId = () => typeof list === 'object' && list !== null && 'id' in list;
  return Object.assign(read, { listId });
}

function headerText(value: unknown, depth = 0): string {
  if (depth > 3 || value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => headerText(v, depth + 1)).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // mailparser: addresses carry `text`; structured headers carry `value` (+ `params`).
    if (typeof record.text === 'string') return record.text;
    if ('value' in record) return headerText(record.value, depth + 1);
  }
  return '';
}
