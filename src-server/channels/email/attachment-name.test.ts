import { describe, expect, it } from 'vitest';
import { safeAttachmentName } from './attachment-name';

describe('safeAttachmentName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\system32\\evil.dll', 'evil.dll'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['tab\tand\nnewline\u0000.txt', 'tab and newline.txt'],
    ['  .hidden  ', 'hidden'],
    ['report 📎 2024.pdf', 'report 📎 2024.pdf'],
    ['a:b?c*.txt', 'a_b_c_.txt'],
    ['..', 'attachment'],
    ['', 'attachment'],
    [undefined, 'attachment'],
  ])('%j → %j', (raw, expected) => {
    expect(safeAttachmentName(raw)).toBe(expected);
  });

  it('keeps at most 255 characters and the extension', () => {
    const name = safeAttachmentName(`${'x'.repeat(400)}.pdf`);
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(Array.from(safeAttachmentName('😀'.repeat(300)))).toHaveLength(255);
  });
});
