import { nextToSend, outcomeOfError, transition, type SendOutcome } from '../../src-shared/domain/outbox';
import { CommandResult } from '../../src-shared/protocol/commands';
import { SOCKET_EVENTS } from '../../src-shared/protocol/socket-events';
import { singleFlight } from '../../src-shared/domain/single-flight';
import { db } from '../data/db';
import { readOutbox, recordSendResult } from '../data/outbox-repository';
import { isLinkConnected, NoAnswerError, refreshAndRenew, request } from './socket-link';

let wakeTimer: ReturnType<typeof setTimeout> | undefined;

/** One drain at a time; a kick during a drain makes it look once more when it ends. */
const draining = singleFlight(drain);

/**
 * Sends the outbox, one entry at a time and in order, while the link is up. Safe to call any
 * time: one drain runs, another call makes it look again. It runs by itself after every outbox
 * write (below) and when the link comes back (the session); nobody else needs to call it.
 */
export function kickOutbox(): void {
  draining.run().catch((err: unknown) => console.error('outbox drain failed', err));
}

// A new outbox entry wakes the drainer once the transaction that wrote it (with its optimistic
// row) has committed: the writers in data/ need not know the drainer exists.
db.outbox.hook('creating', (_key, _entry, transaction) => {
  transaction.on('complete', kickOutbox);
});

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
