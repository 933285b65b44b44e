import { describe, expect, it } from 'vitest';
import { attachmentHeaders, safeFilename } from './attachment-headers';

describe('attachmentHeaders', () => {
  it('shows harmless images in place', () => {
    const headers = attachmentHeaders({ filename: 'screen.png', contentType: 'image/png' });
    expect(headers['content-type']).toBe('image/png');
    expect(headers['content-disposition']).toMatch(/^inline; /);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  });

  it('serves plain text with a charset', () => {
    expect(
      attachmentHeaders({ filename: 'a.txt', contentType: 'text/plain; charset=latin1' })['content-type'],
    ).toBe('text/plain; charset=utf-8');
  });

  it('downloads anything that could run as opaque bytes', () => {
    for (const contentType of ['text/html', 'image/svg+xml', 'application/javascript', 'nonsense']) {
      const headers = attachmentHeaders({ filename: 'x', contentType });
      expect(headers['content-type']).toBe('application/octet-stream');
      expect(headers['content-disposition']).toMatch(/^attachment; /);
    }
  });

  it('encodes the name per RFC 5987', () => {
    const headers = attachmentHeaders({ filename: 'Factura año "1".pdf', contentType: 'application/pdf' });
    expect(headers['content-disposition']).toBe(
      `inline; filename="Factura a_o _1_.pdf"; filename*=UTF-8''Factura%20a%C3%B1o%20_1_.pdf`,
    );
  });
});

describe('safeFilename', () => {
  it('drops paths, control characters and leading dots', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\temp\\evil.exe')).toBe('evil.exe');
    expect(safeFilename('a\r\nb.txt')).toBe('a__b.txt');
    expect(safeFilename('.bashrc')).toBe('bashrc');
    expect(safeFilename('')).toBe('attachment');
  });
});
