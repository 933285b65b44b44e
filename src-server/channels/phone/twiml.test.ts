import { describe, expect, it } from 'vitest';
import { escapeXml, say, twimlResponse, verb } from './twiml';
import { twilioUpdate } from './call-control-adapters';

describe('TwiML', () => {
  it('escapes text and attributes so nothing a caller or a name holds becomes markup', () => {
    expect(escapeXml(`<Hangup/> & "quotes" 'too'`)).toBe(
      '&lt;Hangup/&gt; &amp; &quot;quotes&quot; &apos;too&apos;',
    );
    expect(verb('Enqueue', { waitUrl: '/wait?a=1&b="2"' }, { text: 'q<1>' })).toBe(
      '<Enqueue waitUrl="/wait?a=1&amp;b=&quot;2&quot;">q&lt;1&gt;</Enqueue>',
    );
    expect(twimlResponse([say('Hi & bye'), verb('Hangup')])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi &amp; bye</Say><Hangup/></Response>',
    );
  });

  it('turns call controls into Twilio call updates', () => {
    expect(twilioUpdate('end', undefined)).toEqual({ Status: 'completed' });
    expect(twilioUpdate('transfer', { queueId: 'q_es' }).Twiml).toContain('<Enqueue>q_es</Enqueue>');
    expect(twilioUpdate('answer', { agentId: 'usr_<x>' }).Twiml).toContain('<Client>usr_&lt;x&gt;</Client>');
    expect(() => twilioUpdate('transfer', undefined)).toThrow(/needs an agent or a queue/);
  });
});
