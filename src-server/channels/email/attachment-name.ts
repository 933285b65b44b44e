const MAX_NAME_LENGTH = 255;
/** C0/C1 controls, DEL, and the bidi marks and overrides that make `exe.pdf` look like `fdp.exe`. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Characters file systems refuse or treat specially. */
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * An attachment name safe to store and offer for download: no directories (`../../etc/passwd`
 * becomes `passwd`), no control or direction-override characters, at most 255 characters with
 * the extension kept, never empty.
 */
export function safeAttachmentName(raw: unknown, fallback = 'attachment'): string {
  const text = typeof raw === 'string' ? raw : '';
  const base = text.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\t\r\n]+/g, ' ')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (!cleaned) return fallback;
  return truncateKeepingExtension(cleaned, MAX_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const characters = Array.from(name);
  if (characters.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) return characters.slice(0, max).join('');
  return characters.slice(0, max - extension.length).join('') + extension.join('');
}
