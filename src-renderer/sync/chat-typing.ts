import { useEffect, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { CHAT_EVENTS, VisitorTyping } from '../../src-shared/protocol/web-channel';
import { onPush, request } from './socket-link';

/** A "typing" that never got its "stopped" (the visitor closed the tab) fades after this long. */
const TYPING_FADES_MS = 8_000;

const typingSince = new Map<string, number>();
const subscribers = new Set<() => void>();
const notify = () => subscribers.forEach((s) => s());

function handlePush(raw: unknown): void {
  const parsed = VisitorTyping.safeParse(raw);
  if (!parsed.success) return;
  if (parsed.data.typing) typingSince.set(parsed.data.contactId, Date.now());
  else typingSince.delete(parsed.data.contactId);
  notify();
}

let stopListening: (() => void) | null = null;
function subscribe(subscriber: () => void): () => void {
  subscribers.add(subscriber);
  stopListening ??= onPush(CHAT_EVENTS.typing, handlePush);
  return () => {
    subscribers.delete(subscriber);
    if (subscribers.size === 0) {
      stopListening?.();
      stopListening = null;
    }
  };
}

/** Whether the visitor of this chat is typing now. */
export function useVisitorTyping(contactId: string): boolean {
  const since = useSyncExternalStore(subscribe, () => typingSince.get(contactId) ?? 0);
  useEffect(() => {
    if (!since) return;
    const fade = setTimeout(() => {
      if (typingSince.get(contactId) === since) {
        typingSince.delete(contactId);
        notify();
      }
    }, TYPING_FADES_MS);
    return () => clearTimeout(fade);
  }, [contactId, since]);
  return since > 0;
}

/** Tells the visitor whether the agent is typing; a hint, so a failure is ignored. */
export function sendAgentTyping(contactId: string, typing: boolean): void {
  request(CHAT_EVENTS.typing, { contactId, typing }, z.null()).catch(() => undefined);
}
