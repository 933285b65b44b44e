import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { safeAttachmentName } from './attachment-name';
import { automatedKind, type AutomatedKind } from './automated-message';
import { sanitizeEmailHtml } from './email-html';
import { cleanText, messageIdsIn } from './mail-text';

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
  content: Buffer;
}

/** An inbound email as the case needs it: typed, bounded, HTML sanitised, problems listed. */
export interface ParsedEmail {
  messageId: string | null;
  inReplyTo: string | null;
  /** In-Reply-To and References ids, the closest ancestor first. */
  ancestors: string[];
  references: string[];
  subject: string;
  from: { address: string; name: string };
  to: string[];
  cc: string[];
  text: string;
  html: string | null;
  attachments: ParsedAttachment[];
  /** What could not be read as it should (kept with the message, never dropped silently). */
  problems: string[];
  automated: AutomatedKind | null;
}

export type ParseOutcome = { ok: true; email: ParsedEmail } | { ok: false; reason: string };

const MAX_TEXT = 1_000_000;
const MAX_HTML = 2_000_000;
const MAX_HEADER_LINE = 998;
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/**
 * Reads a raw message with mailparser. A source without a single header field (binary junk,
 * an empty DATA) cannot be a message: that is the only `ok: false`. Everything else is kept,
 * with what went wrong in `problems`.
 */
export async function parseEmail(
  received: Buffer,
  options: { attachmentMaxBytes: number; envelopeFrom: string | null },
): Promise<ParseOutcome> {
  const raw = withoutMboxSeparator(withoutNulBytes(received));
  const headerSection = headerSectionOf(raw);
  const headerLines = headerSection.split(/\r?\n/);
  if (!HEADER_FIELD.test(headerLines[0] ?? '')) return { ok: false, reason: 'no header fields' };
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  } catch (err) {
    return { ok: false, reason: `mailparser: ${err instanceof Error ? err.message : String(err)}` };
  }
  const problems: string[] = [];
  if (headerLines.some((line) => line.length > MAX_HEADER_LINE)) {
    problems.push(`header line longer than ${MAX_HEADER_LINE} characters`);
  }
  const headers = mail.headers;
  if (!headers.has('from')) problems.push('missing From');
  if (!headers.has('date')) problems.push('missing Date');
  else if (!/\d/.test(rawHeader(headerSection, 'date')) || !isValidDate(rawHeader(headerSection, 'date'))) {
    problems.push('unreadable Date');
  }
  if (!headers.has('message-id')) problems.push('missing Message-ID');
  const contentType = headers.get('content-type');
  if (isMultipartWithoutBoundary(contentType)) problems.push('multipart without boundary');

  const subject = cleanText(mail.subject ?? '', 10_000);
  if (/=\?[^?\s]*\?[bq]\?/i.test(subject)) problems.push('undecodable encoded word in Subject');

  // Decoded (quoted-printable, base64) text may hold what the source did not: cleaned like the rest.
  const html =
    typeof mail.html === 'string'
      ? cleanText(sanitizeEmailHtml(mail.html.slice(0, MAX_HTML)), MAX_HTML)
      : null;
  let text = cleanText(mail.text ?? '', MAX_TEXT);
  const attachments = readAttachments(mail, options.attachmentMaxBytes, problems);
  if (!text.trim() && typeof mail.html !== 'string' && attachments.length === 0) {
    const body = bodyOf(raw);
    if (body.trim()) {
      problems.push('body could not be decoded; shown as received');
      text = cleanText(body, MAX_TEXT);
    }
  }
  const inReplyTo = messageIdsIn(mail.inReplyTo);
  const references = messageIdsIn(mail.references);
  const automated = automatedKind(headers, options.envelopeFrom);
  const returned = automated === 'bounce' ? returnedMessageIds(mail) : [];
  const ancestors = [...new Set([...inReplyTo, ...[...references].reverse(), ...returned])];
  const [from] = addressesOf(mail.from);
  return {
    ok: true,
    email: {
      messageId: messageIdsIn(mail.messageId)[0] ?? null,
      inReplyTo: inReplyTo[0] ?? null,
      ancestors,
      references,
      subject,
      from: from ?? { address: '', name: '' },
      to: addressesOf(mail.to).map((a) => a.address),
      cc: addressesOf(mail.cc).map((a) => a.address),
      text,
      html: html || null,
      attachments,
      problems,
      automated,
    },
  };
}

function readAttachments(mail: ParsedMail, maxBytes: number, problems: string[]): ParsedAttachment[] {
  const kept: ParsedAttachment[] = [];
  for (const part of mail.attachments) {
    const contentType = normaliseContentType(part.contentType);
    const fallback = contentType === 'message/rfc822' ? 'message.eml' : 'attachment';
    const filename = safeAttachmentName(part.filename, fallback);
    const content = Buffer.isBuffer(part.content) ? part.content : Buffer.alloc(0);
    if (content.length > maxBytes) {
      problems.push(`attachment ${filename} (${content.length} bytes) over ${maxBytes} bytes, not stored`);
      continue;
    }
    kept.push({
      filename,
      contentType,
      size: content.length,
      contentId: part.contentId ? cleanText(part.contentId.replace(/^<|>$/g, ''), 998) || null : null,
      inline: part.contentDisposition === 'inline',
      content,
    });
  }
  return kept;
}

/** A delivery report names the message that bounced in the headers it returns: thread on those. */
function returnedMessageIds(mail: ParsedMail): string[] {
  const returned = mail.attachments.filter((a) =>
    ['text/rfc822-headers', 'message/rfc822', 'message/rfc822-headers'].includes(a.contentType.toLowerCase()),
  );
  return returned.flatMap((a) => {
    const head = headerSectionOf(Buffer.isBuffer(a.content) ? a.content : Buffer.alloc(0));
    const match = /^message-id:[ \t]*(<[^<>\s]+>)/im.exec(head.replace(/\r?\n[ \t]+/g, ' '));
    return match?.[1] ? messageIdsIn(match[1]) : [];
  });
}

function normaliseContentType(value: unknown): string {
  const type = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return CONTENT_TYPE.test(type) && type.length <= 255 ? type : 'application/octet-stream';
}

function addressesOf(
  value: AddressObject | AddressObject[] | undefined,
): { address: string; name: string }[] {
  const objects = Array.isArray(value) ? value : value ? [value] : [];
  const found: { address: string; name: string }[] = [];
  const visit = (entries: unknown, depth: number) => {
    if (!Array.isArray(entries) || depth > 3) return;
    for (const entry of entries as { address?: unknown; name?: unknown; group?: unknown }[]) {
      if (entry.group) visit(entry.group, depth + 1);
      const address = cleanText(entry.address, 320).trim();
      if (address) found.push({ address, name: cleanText(entry.name, 200).trim() });
    }
  };
  for (const object of objects) visit(object.value, 0);
  return found.slice(0, 100);
}

function isMultipartWithoutBoundary(contentType: unknown): boolean {
  if (typeof contentType !== 'object' || contentType === null) return false;
  const { value, params } = contentType as { value?: unknown; params?: Record<string, unknown> };
  return typeof value === 'string' && value.toLowerCase().startsWith('multipart/') && !params?.boundary;
}

function isValidDate(value: string): boolean {
  const time = Date.parse(value.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isFinite(time);
}

/**
 * The source without NUL bytes. No header or text may hold one (RFC 5322; PostgreSQL stores
 * none), yet senders' software does send them: they are dropped from what is read, never a
 * reason to refuse the mail. The source itself is kept byte for byte as received.
 */
function withoutNulBytes(raw: Buffer): Buffer {
  return raw.includes(0) ? Buffer.from(raw.filter((byte) => byte !== 0)) : raw;
}

/**
 * The message without the `From sender date` line an mbox file puts before each message: mail
 * from an archive or a forwarded mailbox starts with it. It is no header field (no colon), so
 * read as one the message would have no headers at all.
 */
function withoutMboxSeparator(raw: Buffer): Buffer {
  if (raw.subarray(0, 5).toString('latin1') !== 'From ') return raw;
  const end = raw.indexOf(0x0a);
  return end === -1 ? raw : raw.subarray(end + 1);
}

/** The raw header block (up to the first empty line), read as Latin-1 so bytes map 1:1. */
function headerSectionOf(raw: Buffer): string {
  const text = raw.subarray(0, 1_000_000).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

function bodyOf(raw: Buffer): string {
  const text = raw.toString('utf8');
  const match = /\r?\n\r?\n/.exec(text);
  return match ? text.slice(match.index + match[0].length) : '';
}

/** An unfolded raw header value (first occurrence). */
function rawHeader(section: string, name: string): string {
  const unfolded = section.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}
