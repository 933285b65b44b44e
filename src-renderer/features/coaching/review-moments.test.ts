import { describe, expect, it } from 'vitest';
import type { Message, Note } from '../../../src-shared/protocol/entities';
import { reviewMoments } from './review-moments';

const message = (id: string, at: string, contactId: string | null, bodyText: string): Message => ({
  id,
  caseId: 'case-1',
  contactId,
  direction: 'inbound',
  channel: 'chat',
  from: 'visitor',
  fromName: 'Vera',
  to: [],
  subject: '',
  bodyText,
  bodyHtml: null,
  attachments: [],
  delivery: null,
  at,
});
const note: Note = {
  id: 'n1',
  caseId: 'case-1',
  authorId: 'a1',
  authorName: 'Ana',
  body: 'Refund promised',
  visibility: 'internal',
  createdAt: '2026-01-05T10:02:00.000Z',
};
const times = {
  createdAt: '2026-01-05T10:00:00Z',
  answeredAt: '2026-01-05T10:00:30Z',
  heldAt: null,
  endedAt: '2026-01-05T10:05:00Z',
  closedAt: null,
};

describe('moments of a contact under review', () => {
  it('lists this contact’s lines and the case notes in order, without lines of other contacts', () => {
    const moments = reviewMoments(
      { id: 'c1', channel: 'chat', ...times },
      [
        message('m2', '2026-01-05T10:03:00.000Z', 'c1', 'Thanks!'),
        message('m1', '2026-01-05T10:01:00.000Z', 'c1', 'Hi'),
        message('m9', '2026-01-04T09:00:00.000Z', 'other', 'Old chat'),
      ],
      [note],
      (e) => e,
    );
    expect(moments.map((m) => m.anchor)).toEqual([
      { kind: 'message', messageId: 'm1' },
      { kind: 'note', noteId: 'n1' },
      { kind: 'message', messageId: 'm2' },
    ]);
    expect(moments[0]?.text).toBe('Vera: Hi');
  });

  it('adds the moments of a call, each an anchor with its time and event', () => {
    const moments = reviewMoments({ id: 'c1', channel: 'phone', ...times }, [], [], (e) => `event ${e}`);
    expect(moments.map((m) => m.anchor)).toEqual([
      { kind: 'call', at: '2026-01-05T10:00:00.000Z', event: 'created' },
      { kind: 'call', at: '2026-01-05T10:00:30.000Z', event: 'answered' },
      { kind: 'call', at: '2026-01-05T10:05:00.000Z', event: 'ended' },
    ]);
    expect(moments[1]?.text).toBe('event answeredAt');
  });
});
