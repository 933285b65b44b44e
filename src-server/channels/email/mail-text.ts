/**
 * Text fit for a database column: no NUL (PostgreSQL refuses it in text), no other control
 * characters but tab and line breaks, at most `max` characters.
 */
export function cleanText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return cleaned.length > max ? cleaned.slice(0, max) : cleaned;
}

const MAX_IDS = 50;
const MAX_ID_LENGTH = 998;

/**
 * The Message-IDs in a header value (`<a@b> <c@d>`), each with its angle brackets, as the
 * messages table stores them; a bare id is wrapped. Malformed parts are skipped.
 */
export function messageIdsIn(value: unknown): string[] {
  const texts = Array.isArray(value) ? value : [value];
  const ids: string[] = [];
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    const angled = text.match(/<[^<>\s]+>/g);
    if (angled) ids.push(...angled);
    else {
      const bare = text.trim();
      if (bare && !/[\s<>]/.test(bare)) ids.push(`<${bare}>`);
    }
  }
  return [...new Set(ids.map((id) => cleanText(id, MAX_ID_LENGTH)).filter((id) => id.length > 2))].slice(
    0,
    MAX_IDS,
  );
}

/** A case number tag as the replies' subjects carry it: `[#12345]`. */
export function caseNumberInSubject(subject: string): number | null {
  const match = /\[#(\d{1,10})\]/.exec(subject);
  return match?.[1] ? Number(match[1]) : null;
}
