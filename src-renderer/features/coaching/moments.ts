import type { AnswerAnchor } from '../../../src-shared/protocol/coaching';

/** A moment of a contact a comment can point at: a chat line or email, a note, a call event. */
export interface Moment {
  anchor: AnswerAnchor;
  /** When it happened (ISO 8601), to order and show it. */
  at: string;
  /** What the coach recognises it by: the first words of a line, a call event's name. */
  text: string;
}

/** A stable string for an anchor, to use as a select value and a list key. */
export function anchorId(anchor: AnswerAnchor): string {
  switch (anchor.kind) {
    case 'message':
      return `message:${anchor.messageId}`;
    case 'note':
      return `note:${anchor.noteId}`;
    case 'call':
      return `call:${anchor.at}`;
  }
}

/** The moment an answer's anchor points at, if the contact still shows it. */
export function momentOf(moments: readonly Moment[], anchor: AnswerAnchor | undefined): Moment | undefined {
  if (!anchor) return undefined;
  const id = anchorId(anchor);
  return moments.find((moment) => anchorId(moment.anchor) === id);
}

/** Moments in the order they happened. */
export function byTime(moments: readonly Moment[]): Moment[] {
  return [...moments].sort((a, b) => a.at.localeCompare(b.at));
}

/** Shortens a line for a list of moments. */
export function excerpt(text: string, length = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
