import { nextToSend, outcomeOfError, transition, type SendOutcome } from '../../src-shared/domain/outbox';
import { CommandResult } from '../../src-shared/protocol/commands';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { readOutbox, recordSendResult } from '../data/outbox-repository';
import { isLinkConnected, NoAnswerError, refreshAndRenew, request } from './socket-link';

let draining = false;
let kickedWhileDraining = false;
let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Sends the outbox, one entry at a time and in order, while the link is up. Safe to call any
 * time (after a local write, on reconnect): one drain runs, another call makes it look again.
 */
export function kickOutbox(): void {
  if (draining) {
    kickedWhileDraining = true;
    return;
  }
  draining = true;
  void drain().finally(() => {
    draining = false;
    if (kickedWhileDraining) {
      kickedWhileDraining = false;
      kickOutbox();
    }
  });
}

export function stopOutbox(): void {
  clearTimeout(wakeTimer);
}

async function drain(): Promise<void> {
  clearTimeout(wakeTimer);
  while (isLinkConnected()) {
    const next = nextToSend(await readOutbox(), Date.now());
    if (!next) return;
    if (next.waitMs > 0) {
      wakeTimer = setTimeout(kickOutbox, next.waitMs);
      return;
    }
    const { entry } = next;
    const { outcome, answer } = await send(entry);
    if (outcome.kind === 'token-expired') await refreshAndRenew().catch(() => undefined);
    await recordSendResult(entry, transition(entry, outcome, Date.now()), answer);
  }
}

async function send(entry: {
  commandId: string;
  type: string;
  payload: unknown;
  expectedVersion?: number | undefined;
}): Promise<{ outcome: SendOutcome; answer: unknown }> {
  const command = {
    commandId: entry.commandId,
    type: entry.type,
    payload: entry.payload,
    ...(entry.expectedVersion === undefined ? {} : { expectedVersion: entry.expectedVersion }),
  };
  try {
    const ack = await request(SOCKET_EVENTS.command, command, CommandResult);
    if (ack.ok) return { outcome: { kind: 'accepted' }, answer: ack.data.entity };
    return { outcome: outcomeOfError(ack.error), answer: undefined };
  } catch (err) {
    if (err instanceof NoAnswerError) return { outcome: { kind: 'no-answer' }, answer: undefined };
    throw err;
  }
}
