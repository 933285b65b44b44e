import { describe, expect, it } from 'vitest';
import type { Queue } from '../../../../src-shared/protocol/entities';
import { checkQueueForm, formToPayload, nextInterval, queueToForm } from './queue-form';

const queue: Queue = {
  id: 'q_support_en',
  name: 'Support EN',
  teamId: 'team_support_en',
  language: 'en',
  tier: 1,
  channels: ['email', 'phone'],
  version: 7,
  routing: {
    requiredSkills: [{ skillId: 'skill_lang_en', minProficiency: 3 }],
    serviceLevels: { phone: { seconds: 20, percent: 80 }, email: { seconds: 14400, percent: 90 } },
    businessHours: {
      timeZone: 'America/New_York',
      weekly: [
        { day: 1, open: '08:00', close: '12:00' },
        { day: 1, open: '13:00', close: '18:00' },
      ],
      holidays: ['2026-12-25', '2026-11-26'],
    },
    offerTimeouts: { phone: 20, email: 60, web: 60, chat: 60, callback: 20 },
    wrapUpMaxSeconds: 120,
    overflowAfterSeconds: 300,
    dispositions: ['resolved'],
    intake: { addresses: ['support@example.com'], numbers: [], sources: [], defaultFor: ['phone'] },
    declineCooldownSeconds: 60,
  },
};

describe('queue form ↔ command', () => {
  it('round-trips an unchanged queue into the same routing', () => {
    const check = checkQueueForm(queue.id, queueToForm(queue));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.payload.channels).toEqual(['phone', 'email']);
    expect(check.payload.routing).toEqual({
      ...queue.routing,
      businessHours: { ...queue.routing.businessHours, holidays: ['2026-11-26', '2026-12-25'] },
    });
  });

  it('gives every channel a service level in the form but sends only the served ones', () => {
    const form = queueToForm(queue);
    expect(Object.keys(form.routing.serviceLevels)).toHaveLength(5);
    form.channels = ['phone', 'chat'];
    expect(formToPayload(queue.id, form).routing.serviceLevels).toEqual({
      phone: { seconds: 20, percent: 80 },
      // A newly served channel gets the target the form showed for it.
      chat: { seconds: 60, percent: 80 },
    });
  });

  it('trims dispositions and drops empty and repeated ones', () => {
    const form = queueToForm(queue);
    form.routing.dispositions = [' resolved ', 'resolved', '', 'refund'];
    expect(formToPayload(queue.id, form).routing.dispositions).toEqual(['resolved', 'refund']);
  });

  it('refuses an interval that closes before it opens, on that interval', () => {
    const form = queueToForm(queue);
    form.routing.businessHours.weekly[1] = { day: 1, open: '13:00', close: '12:30' };
    const check = checkQueueForm(queue.id, form);
    expect(check).toEqual({
      ok: false,
      problems: { 'routing.businessHours.weekly.1.close': { key: 'closeBeforeOpen' } },
    });
  });

  it('names each wrong field with its limit', () => {
    const form = queueToForm(queue);
    form.channels = [];
    form.routing.wrapUpMaxSeconds = 5000;
    form.routing.offerTimeouts.phone = 1;
    form.routing.businessHours.weekly[0]!.open = '8:00';
    form.routing.requiredSkills.push({ skillId: 'skill_lang_en', minProficiency: 2 });
    const check = checkQueueForm(queue.id, form);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toMatchObject({
      channels: { key: 'atLeastItems', values: { min: 1 } },
      'routing.wrapUpMaxSeconds': { key: 'atMost', values: { max: 3600 } },
      'routing.offerTimeouts.phone': { key: 'atLeast', values: { min: 5 } },
      'routing.businessHours.weekly.0.open': { key: 'time' },
      'routing.requiredSkills.1.skillId': { key: 'duplicateSkill' },
    });
  });

  it('treats an emptied number input as missing', () => {
    const form = queueToForm(queue);
    (form.routing as { overflowAfterSeconds: unknown }).overflowAfterSeconds = '';
    const check = checkQueueForm(queue.id, form);
    expect(check.ok ? null : check.problems['routing.overflowAfterSeconds']).toEqual({ key: 'number' });
  });
});

describe('a new opening interval', () => {
  it('starts after the day’s last one (a split shift)', () => {
    expect(nextInterval(queue.routing.businessHours.weekly, 1)).toEqual({
      day: 1,
      open: '19:00',
      close: '24:00',
    });
    expect(nextInterval([{ day: 2, open: '08:00', close: '12:00' }], 2)).toEqual({
      day: 2,
      open: '13:00',
      close: '18:00',
    });
  });

  it('is 09:00–17:00 on a day without hours', () => {
    expect(nextInterval(queue.routing.businessHours.weekly, 3)).toEqual({
      day: 3,
      open: '09:00',
      close: '17:00',
    });
  });
});

describe('intake rules in the queue form (issue 11)', () => {
  it('sends the rules an admin edits, lower-cased addresses and channels in order', () => {
    const form = queueToForm(queue);
    form.routing.intake = {
      addresses: ['Help@Example.com', '@acme.example'],
      numbers: ['+1 800 555 0100'],
      sources: ['web-form'],
      defaultFor: ['chat', 'email'],
    };
    const check = checkQueueForm(queue.id, form);
    expect(check.ok && check.payload.routing.intake).toEqual({
      addresses: ['help@example.com', '@acme.example'],
      numbers: ['+1 800 555 0100'],
      sources: ['web-form'],
      defaultFor: ['chat', 'email'],
    });
  });

  it('names the field of each bad rule: an address without a domain, a number without digits, a form id with spaces', () => {
    const form = queueToForm(queue);
    form.routing.intake = {
      addresses: ['support'],
      numbers: ['call us'],
      sources: ['my form'],
      defaultFor: [],
    };
    const check = checkQueueForm(queue.id, form);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual({
      'routing.intake.addresses': { key: 'format' },
      'routing.intake.numbers': { key: 'format' },
      'routing.intake.sources': { key: 'format' },
    });
  });
});
