/**
 * Response headers for serving a file someone mailed in. Only a few harmless types may be shown
 * in place; anything else (HTML, SVG, scripts, unknown) is downloaded as opaque bytes, and the
 * browser is told not to guess a type nor run anything the file contains.
 */

/** Types a browser displays without running content from them. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'application/pdf']);

export function attachmentHeaders(file: { filename: string; contentType: string }): Record<string, string> {
  const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const name = safeFilename(file.filename);
  const isInline = INLINE_TYPES.has(type) || type === 'text/plain';
  return {
    'content-type': INLINE_TYPES.has(type)
      ? type
      : type === 'text/plain'
        ? 'text/plain; charset=utf-8'
        : 'application/octet-stream',
    'content-disposition': `${isInline ? 'inline' : 'attachment'}; filename="${asciiFallback(name)}"; filename*=UTF-8''${rfc5987(name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
  };
}

/** No path parts, control characters or quotes; never empty; at most 200 characters. */
export function safeFilename(filename: string): string {
  const lastPart = filename.split(/[\\/]/).pop() ?? '';
  const cleaned = lastPart
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"<>:|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'attachment';
}

/** RFC 5987 ext-value: UTF-8, percent-encoding everything outside attr-char. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The plain `filename=` for old clients: ASCII only, no quote or backslash. */
function asciiFallback(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
