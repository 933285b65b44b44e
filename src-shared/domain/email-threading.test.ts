import { describe, expect, it } from 'vitest';
import {
  bareAddress,
  baseSubject,
  domainOf,
  newMessageId,
  replySubject,
  replyThreading,
} from './email-threading';

describe('replySubject', () => {
  it('prefixes Re: and tags the case number', () => {
    expect(replySubject('Invoice export fails', 42)).toBe('Re: Invoice export fails [#42]');
  });

  it('never stacks Re: or case tags', () => {
    expect(replySubject('Re: RE: Fwd: Invoice export fails [#42]', 42)).toBe(
      'Re: Invoice export fails [#42]',
    );
    expect(replySubject('AW: Re[2]: [#42] Invoice', 42)).toBe('Re: Invoice [#42]');
    expect(replySubject(replySubject(replySubject('Hello', 7), 7), 7)).toBe('Re: Hello [#7]');
  });

  it('replaces a stale case tag by the case it answers', () => {
    expect(replySubject('Re: Login [#12]', 99)).toBe('Re: Login [#99]');
  });

  it('keeps words that merely start like a prefix', () => {
    expect(baseSubject('Refund request')).toBe('Refund request');
    expect(baseSubject('Reset: password')).toBe('Reset: password');
  });

  it('still tags an empty subject', () => {
    expect(replySubject('Re:', 5)).toBe('Re: [#5]');
  });
});

describe('replyThreading', () => {
  it('answers the message and extends its references', () => {
    expect(replyThreading({ messageId: '<c@x>', references: ['<a@x>', '<b@x>'] })).toEqual({
      inReplyTo: '<c@x>',
      references: ['<a@x>', '<b@x>', '<c@x>'],
    });
  });

  it('does not repeat an id already referenced', () => {
    expect(replyThreading({ messageId: '<b@x>', references: ['<a@x>', '<b@x>'] }).references).toEqual([
      '<a@x>',
      '<b@x>',
    ]);
  });

  it('starts a thread when nothing is answered', () => {
    expect(replyThreading(null)).toEqual({ inReplyTo: null, references: [] });
  });

  it('keeps the first and the latest references of a runaway thread', () => {
    const refs = Array.from({ length: 30 }, (_, i) => `<${i}@x>`);
    const { references } = replyThreading({ messageId: '<last@x>', references: refs });
    expect(references).toHaveLength(20);
    expect(references[0]).toBe('<0@x>');
    expect(references.at(-1)).toBe('<last@x>');
  });
});

describe('message ids and addresses', () => {
  it('uses the domain of the From address', () => {
    expect(newMessageId('abc', 'Support <help@Example.com>')).toBe('<abc@example.com>');
    expect(newMessageId('abc', 'support@agentdeck.test')).toBe('<abc@agentdeck.test>');
    expect(domainOf('no address')).toBeNull();
    expect(bareAddress('Support <help@example.com>')).toBe('help@example.com');
    expect(bareAddress('help@example.com')).toBe('help@example.com');
  });
});
