import { describe, expect, it } from 'vitest';
import { automatedKind, isAutomatedMessage } from './automated-message';

describe('isAutomatedMessage', () => {
  const person = { from: 'Jane <jane@acme.com>', subject: 'Help', 'content-type': 'text/plain' };

  it('lets mail a person wrote through', () => {
    expect(isAutomatedMessage(person, 'jane@acme.com')).toBe(false);
    expect(isAutomatedMessage({ ...person, 'auto-submitted': 'no' })).toBe(false);
    expect(isAutomatedMessage({ ...person, precedence: 'first-class' })).toBe(false);
    expect(isAutomatedMessage({ ...person, 'x-auto-response-suppress': 'DR, RN' })).toBe(false);
    expect(isAutomatedMessage(null)).toBe(false);
  });

  it.each([
    ['auto-submitted', 'auto-replied'],
    ['Auto-Submitted', 'auto-generated; owner-email="x@y"'],
    ['x-autoreply', 'yes'],
    ['X-Autorespond', 'Out of office'],
    ['precedence', 'bulk'],
    ['precedence', 'JUNK'],
    ['precedence', 'list'],
    ['precedence', 'auto_reply'],
    ['x-auto-response-suppress', 'OOF'],
    ['x-auto-response-suppress', 'DR, All'],
    ['list-id', '<news.example.com>'],
  ])('treats %s: %s as an auto-reply', (name, value) => {
    expect(automatedKind({ ...person, [name]: value })).toBe('auto_reply');
  });

  it('recognises bounces by report type, daemon sender and null envelope sender', () => {
    expect(
      automatedKind({ ...person, 'content-type': 'multipart/report; report-type=delivery-status' }),
    ).toBe('bounce');
    expect(automatedKind({ from: 'Mail Delivery System <MAILER-DAEMON@mx.example.net>' })).toBe('bounce');
    expect(automatedKind({ from: 'postmaster@example.net' })).toBe('bounce');
    expect(automatedKind(person, '')).toBe('bounce');
    expect(automatedKind(person, 'mailer-daemon@mx.example.net')).toBe('bounce');
  });

  it('reads mailparser header maps with structured values', () => {
    const headers = new Map<string, unknown>([
      ['content-type', { value: 'multipart/report', params: { 'report-type': 'disposition-notification' } }],
      ['from', { value: [{ address: 'jane@acme.com', name: 'Jane' }], text: 'Jane <jane@acme.com>' }],
    ]);
    expect(automatedKind(headers)).toBe('bounce');
    expect(isAutomatedMessage(new Map([['X-AUTOREPLY', ['yes']]]))).toBe(true);
  });
});
