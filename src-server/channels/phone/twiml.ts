/** TwiML, Twilio's XML answer to a voice webhook. Every text and attribute is escaped. */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Attributes = Record<string, string | number | undefined>;

/** One verb: `<Name a="…">text or nested verbs</Name>`; nested verbs are passed already built. */
export function verb(name: string, attributes: Attributes = {}, inner?: { text: string } | string[]): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  if (inner === undefined) return `<${name}${attrs}/>`;
  const body = Array.isArray(inner) ? inner.join('') : escapeXml(inner.text);
  return `<${name}${attrs}>${body}</${name}>`;
}

export function twimlResponse(verbs: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.join('')}</Response>`;
}

export const say = (text: string) => verb('Say', {}, { text });
