import { describe, expect, it } from 'vitest';
import {
  newOutboxEntry,
  nextToSend,
  outcomeOfError,
  retryDelayMs,
  transition,
  type OutboxEntry,
} from './outbox';

const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  ...newOutboxEntry(
    {
      commandId: '6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c',
      type: 'case:add-note',
      payload: {},
    },
    1_000,
  ),
  ...over,
});

describe('transition', () => {
  it('deletes an accepted entry', () => {
    expect(transition(entry(), { kind: 'accepted' }, 5_000)).toEqual({
      action: 'delete',
    });
  });

  it('marks a refused entry failed with the reason, and never retries it', () => {
    const result = transition(
      entry(),
      {
        kind: 'refused',
        error: { code: 'forbidden', message: 'Not your queue' },
      },
      5_000,
    );
    expect(result).toMatchObject({
      action: 'update',
      entry: {
        status: 'failed',
        problem: { code: 'forbidden', message: 'Not your queue' },
      },
    });
    if (result.action === 'update') expect(nextToSend([result.entry], 999_999)).toBeNull();
  });

  it('keeps a conflicting entry for the person to decide, with the server version to show beside theirs', () => {
    const server = { id: 'case_1', status: 'resolved', version: 4 };
    const result = transition(
      entry(),
      { kind: 'conflict', error: { code: 'conflict', message: 'Changed', details: server } },
      5_000,
    );
    expect(result).toMatchObject({
      action: 'update',
      entry: { status: 'conflict', problem: { code: 'conflict', details: server } },
    });
    if (result.action === 'update') expect(nextToSend([result.entry], 999_999)).toBeNull();
  });

  it('does not retry a change the server cannot make (unprocessable): it stays, refused, for the person', () => {
    const error = { code: 'unprocessable' as const, message: 'status: a closed case cannot become open' };
    const result = transition(entry(), outcomeOfError(error), 5_000);
    expect(result).toMatchObject({ action: 'update', entry: { status: 'failed', problem: error } });
    if (result.action === 'update') expect(nextToSend([result.entry], 999_999)).toBeNull();
  });

  it('retries a silent attempt later with the same commandId and a growing delay', () => {
    const first = transition(entry(), { kind: 'no-answer' }, 5_000);
    expect(first).toMatchObject({
      action: 'update',
      entry: { status: 'pending', attempts: 1, nextAttemptAt: 6_000 },
    });
    if (first.action !== 'update') return;
    const second = transition(first.entry, { kind: 'no-answer' }, 6_000);
    expect(second).toMatchObject({
      action: 'update',
      entry: { attempts: 2, nextAttemptAt: 8_000 },
    });
    if (second.action === 'update') expect(second.entry.commandId).toBe(entry().commandId);
  });

  it('resends at once after the token was renewed, without counting an attempt', () => {
    expect(transition(entry(), { kind: 'token-expired' }, 5_000)).toMatchObject({
      action: 'update',
      entry: { status: 'pending', attempts: 0, nextAttemptAt: 5_000 },
    });
  });
});

describe('outcomeOfError', () => {
  it('sorts ack errors into refusals, conflicts, renewals and retries', () => {
    expect(outcomeOfError({ code: 'invalid', message: '' }).kind).toBe('refused');
    expect(outcomeOfError({ code: 'not_found', message: '' }).kind).toBe('refused');
    expect(outcomeOfError({ code: 'unprocessable', message: '' }).kind).toBe('refused');
    expect(outcomeOfError({ code: 'conflict', message: '' }).kind).toBe('conflict');
    expect(outcomeOfError({ code: 'unauthenticated', message: 'expired' }).kind).toBe('token-expired');
    expect(outcomeOfError({ code: 'internal', message: '' }).kind).toBe('no-answer');
    expect(outcomeOfError({ code: 'unavailable', message: 'database away' }).kind).toBe('no-answer');
    expect(outcomeOfError({ code: 'rate_limited', message: '' }).kind).toBe('no-answer');
    expect(outcomeOfError(undefined).kind).toBe('no-answer');
  });
});

describe('retryDelayMs', () => {
  it('doubles and caps at one minute', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000]);
    expect(retryDelayMs(30)).toBe(60_000);
  });
});

describe('nextToSend', () => {
  it('sends the oldest pending entry and skips those waiting for the person', () => {
    const a = entry({ commandId: 'a', createdAt: 1, status: 'failed' });
    const b = entry({ commandId: 'b', createdAt: 3 });
    const c = entry({ commandId: 'c', createdAt: 2 });
    expect(nextToSend([a, b, c], 0)?.entry.commandId).toBe('c');
  });

  it('holds back every later entry while the head backs off', () => {
    const head = entry({ commandId: 'a', createdAt: 1, nextAttemptAt: 10_000 });
    const later = entry({ commandId: 'b', createdAt: 2 });
    expect(nextToSend([later, head], 4_000)).toEqual({
      entry: head,
      waitMs: 6_000,
    });
  });

  it('has nothing to send from an empty outbox', () => {
    expect(nextToSend([], 0)).toBeNull();
  });
});
