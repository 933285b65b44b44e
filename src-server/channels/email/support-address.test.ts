import { describe, expect, it } from 'vitest';
import { isSupportAddress } from './support-address';
import { caseNumberInSubject, messageIdsIn } from './mail-text';

describe('isSupportAddress', () => {
  const served = ['support@agentdeck.test', '@help.example.com'];
  it('accepts the mailboxes and whole domains, any case', () => {
    expect(isSupportAddress('support@agentdeck.test', served)).toBe(true);
    expect(isSupportAddress('SUPPORT@AgentDeck.Test', served)).toBe(true);
    expect(isSupportAddress('anyone@help.example.com', served)).toBe(true);
  });
  it('refuses everything else', () => {
    expect(isSupportAddress('sales@agentdeck.test', served)).toBe(false);
    expect(isSupportAddress('x@evil.help.example.com', served)).toBe(false);
    expect(isSupportAddress('victim@gmail.com', served)).toBe(false);
    expect(isSupportAddress('@help.example.com', served)).toBe(false);
    expect(isSupportAddress('support', served)).toBe(false);
  });
});

describe('mail header helpers', () => {
  it('reads Message-IDs', () => {
    expect(messageIdsIn('<a@b> <c@d>')).toEqual(['<a@b>', '<c@d>']);
    expect(messageIdsIn(['<a@b>', '<a@b>'])).toEqual(['<a@b>']);
    expect(messageIdsIn('bare@id')).toEqual(['<bare@id>']);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
  it('finds case tags in subjects', () => {
    expect(caseNumberInSubject('Re: Printer [#1234]')).toBe(1234);
    expect(caseNumberInSubject('Re: Printer #1234')).toBeNull();
  });
});
